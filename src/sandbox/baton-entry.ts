/**
 * The sandbox's Baton: the production start-up (src/run.ts) on a clock that reads real time plus an
 * offset the sandbox moves forward over IPC. After a move the due durable jobs (SLA ladder, cadence,
 * auto-assign, retro) run at once and the outbox is woken, as they would be when that time came.
 * Bundled to its own file; src/main.ts never reaches it.
 */
import { runBaton } from '../run.js';
import { clockTarget, isClockStep } from './clock-jumps.js';
import { type AdvanceReply, type AdvanceRequest, OFFSET_ENV, parseOffset } from './clock-protocol.js';

let offsetMs = parseOffset(process.env[OFFSET_ENV]);
const clock = { now: () => new Date(Date.now() + offsetMs) };
const started = runBaton({ clock });

const reply = (message: AdvanceReply) => process.send?.(message);

async function advance(request: AdvanceRequest): Promise<void> {
  const baton = await started;
  const now = clock.now();
  const calendar = baton.context.configs.for(baton.context.teamId).calendar;
  const target = clockTarget(request.step, now, calendar);
  offsetMs += Math.max(0, target.getTime() - now.getTime());
  // Twice: a pass already under way may have read the clock before the move.
  const jobsRun = (await baton.jobs.runDue()) + (await baton.jobs.runDue());
  baton.context.outbox.wake();
  reply({ id: request.id, type: 'clock', offsetMs, now: clock.now().toISOString(), jobsRun });
}

process.on('message', (message: Partial<AdvanceRequest>) => {
  if (message?.type !== 'advance' || typeof message.id !== 'number') return;
  const id = message.id;
  if (!isClockStep(message.step)) {
    reply({ id, type: 'error', message: `unknown step ${String(message.step)}` });
    return;
  }
  advance({ id, type: 'advance', step: message.step }).catch((error: unknown) =>
    reply({ id, type: 'error', message: error instanceof Error ? error.message : String(error) }),
  );
});
// The sandbox went away without stopping us (killed): stop too, rather than hold the data directory.
process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));
