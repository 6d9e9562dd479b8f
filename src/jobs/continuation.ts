import type { AppContext } from '../context.js';
import { scheduleJob } from '../db/queries/jobs.js';

/** A run out of its time budget goes on this much later, leaving the runner to SLA steps meanwhile. */
export const CONTINUE_AFTER_MS = 60_000;

/** Books the continuation of a `kind` run that ran out of time (payload `continuation: true`). */
export async function scheduleContinuation(
  ctx: AppContext,
  teamId: string,
  kind: string,
  now: Date,
  payload: Record<string, unknown> = {},
): Promise<void> {
  const at = new Date(now.getTime() + CONTINUE_AFTER_MS);
  await scheduleJob(
    ctx.database.db,
    {
      teamId,
      kind,
      runAt: at,
      payload: { continuation: true, ...payload },
      dedupeKey: `${kind}:continue:${at.toISOString()}`,
    },
    now,
  );
}
