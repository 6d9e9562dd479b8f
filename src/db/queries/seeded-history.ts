import { eq } from 'drizzle-orm';
import type { Queryable } from '../client.js';
import { jobs, outbox } from '../schema.js';

/**
 * Forgets the Slack writes and jobs that writing history through the services queued (cards,
 * thread notes, SLA ladders, cadences of leads long past): history is what happened, not work
 * still to do. Baton books its maintenance and retro jobs again at start. Used by the sandbox's
 * demo seed on a data directory no Baton has opened yet.
 */
export async function discardQueuedWork(
  q: Queryable,
  teamId: string,
): Promise<{ outbox: number; jobs: number }> {
  const writes = await q.delete(outbox).where(eq(outbox.teamId, teamId)).returning({ id: outbox.id });
  const booked = await q.delete(jobs).where(eq(jobs.teamId, teamId)).returning({ id: jobs.id });
  return { outbox: writes.length, jobs: booked.length };
}
