import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../client.js';

/** Rows finished before these moments may go. */
export interface RetentionCutoffs {
  /** Jobs that finished (`done`) before this. Pending, running and dead jobs always stay. */
  jobs: Date;
  /** Outbox rows Slack accepted (`sent`) before this. Pending, dead and parked rows always stay. */
  outbox: Date;
  /** Slack event receipts received before this. */
  eventReceipts: Date;
  /**
   * The CRM queues: delivered or dead webhook deliveries, finished HubSpot tasks, HubSpot echo
   * records and event-relay rows older than this. Absent: those tables are left alone.
   */
  crm?: Date;
}

export type RetentionTable =
  | 'eventReceipts'
  | 'jobs'
  | 'outbox'
  | 'webhookDeliveries'
  | 'hubspotTasks'
  | 'hubspotWrites'
  | 'eventRelay';

/** Where a run that ran out of time stopped, so the next one goes on from there. */
export interface RetentionCursor {
  table: RetentionTable;
  /** The last id looked at in that table (0 for receipts, which have no id and shrink as they go). */
  after: number;
}

export const RETENTION_ORDER: readonly RetentionTable[] = [
  'eventReceipts',
  'jobs',
  'outbox',
  'webhookDeliveries',
  'hubspotTasks',
  'hubspotWrites',
  'eventRelay',
];
const CRM_TABLES: ReadonlySet<RetentionTable> = new Set([
  'webhookDeliveries',
  'hubspotTasks',
  'hubspotWrites',
  'eventRelay',
]);

export interface RetentionOptions {
  /** Go on from where an earlier run stopped. */
  from?: RetentionCursor;
  /** Rows per batch; each batch is one statement, so its own short transaction. */
  batchSize?: number;
  /** Stop starting new batches after this many milliseconds (the rest waits for the next run). */
  budgetMs?: number;
  /** Between batches: lets intake reach the database (PGlite has a single connection). */
  pause?: () => Promise<void>;
}

export interface RetentionResult {
  jobs: number;
  outbox: number;
  eventReceipts: number;
  webhookDeliveries: number;
  hubspotTasks: number;
  hubspotWrites: number;
  eventRelay: number;
  batches: number;
  /** False when the time budget ran out with old rows left; `resume` then says where to go on. */
  complete: boolean;
  resume?: RetentionCursor;
}

// Purposes of sent writes that a later write still reads by dedupe key (src/services: voc.ts,
// retro-actions.ts, cadence.ts; test/db/retention.test.ts checks they match). Written out here
// because queries sit below the services.
export const KEPT_PURPOSES = {
  vocRoute: 'voc_route',
  actionItemDm: 'retro_action_dm',
  cadenceDm: 'lead_cadence_dm',
} as const;

/**
 * A sent write that must outlive the retention age, because something may still look it up by
 * its dedupe key (deleting it would post twice, or lose the ts an edit needs):
 * - a VOC post: capturing the entry again edits it; without the row a second post would go out;
 * - an action item's DM while the item is open: answering it edits the DM;
 * - a cadence reminder while its owner still owns the lead and has not answered the step:
 *   Done / Skip / Snooze edits the DM.
 * Round-robin offer DMs are edited only within the accept timeout (at most a day, below the
 * two-day minimum age), so they need no rule.
 */
const stillNeeded = sql`(
  coalesce(o.purpose, '') = ${KEPT_PURPOSES.vocRoute}
  or (coalesce(o.purpose, '') = ${KEPT_PURPOSES.actionItemDm} and exists (
    select 1 from retro_action_items i
    where i.team_id = o.team_id and i.id = (o.args->>'itemId')::bigint and i.status = 'open'))
  or (coalesce(o.purpose, '') = ${KEPT_PURPOSES.cadenceDm}
    and exists (
      select 1 from leads l where l.team_id = o.team_id and l.id = o.lead_id and l.owner_id = o.channel)
    and not exists (
      select 1 from lead_events e
      where e.team_id = o.team_id and e.lead_id = o.lead_id
        and (e.type = 'cadence_step_done'
          or (e.type = 'cadence_step_skipped' and e.data->>'reason' = 'owner'))
        and e.data->>'owner' = o.args->'cadence'->>'owner'
        and e.data->>'step' = o.args->'cadence'->>'step'))
)`;

// Raw SQL parameters go to the drivers as they are, and postgres.js wants an ISO string, not a Date.
const ts = (d: Date): SQL => sql`${d.toISOString()}::timestamptz`;

interface Batch {
  deleted: number;
  /** Rows looked at (deleted or kept); fewer than the batch size means the table is done. */
  seen: number;
  /** The highest id looked at, where the next batch starts. */
  last: number | null;
}

async function batch(database: Database, query: SQL): Promise<Batch> {
  const [row] = await database.rows<{ deleted: number | string; seen: number | string; last: unknown }>(
    query,
  );
  return {
    deleted: Number(row?.deleted ?? 0),
    seen: Number(row?.seen ?? 0),
    last: row?.last === null || row?.last === undefined ? null : Number(row.last),
  };
}

// Keyset batches walk the primary key upwards, so each row is read once per run however many
// rows a batch keeps; one statement per batch keeps every lock short.
const jobsBatch = (teamId: string, before: Date, after: number, size: number) => sql`
  with candidates as (
    select id from jobs
    where team_id = ${teamId} and id > ${after} and status = 'done' and finished_at < ${ts(before)}
    order by id limit ${size}
  ), gone as (
    delete from jobs j using candidates c where j.id = c.id returning j.id
  )
  select (select count(*) from gone) as deleted, (select count(*) from candidates) as seen,
    (select max(id) from candidates) as last`;

const outboxBatch = (teamId: string, before: Date, after: number, size: number) => sql`
  with candidates as (
    select id from outbox
    where team_id = ${teamId} and id > ${after} and status = 'sent' and sent_at < ${ts(before)}
    order by id limit ${size}
  ), gone as (
    delete from outbox o using candidates c
    where o.id = c.id and o.status = 'sent' and not ${stillNeeded}
    returning o.id
  )
  select (select count(*) from gone) as deleted, (select count(*) from candidates) as seen,
    (select max(id) from candidates) as last`;

// The CRM queues. Pending deliveries and tasks always stay (they are still owed); an echo record
// older than the window can no longer match a webhook (HubSpot echoes within minutes); a relay row
// that old was left behind (its sinks never accepted it) and would only be retried for ever.
const idBatch = (table: string, finished: SQL) => (teamId: string, after: number, size: number) =>
  sql`
  with candidates as (
    select id from ${sql.raw(table)}
    where team_id = ${teamId} and id > ${after} and ${finished}
    order by id limit ${size}
  ), gone as (
    delete from ${sql.raw(table)} t using candidates c where t.id = c.id returning t.id
  )
  select (select count(*) from gone) as deleted, (select count(*) from candidates) as seen,
    (select max(id) from candidates) as last`;

const crmBatches = (before: Date) => ({
  webhookDeliveries: idBatch(
    'webhook_deliveries',
    sql`status in ('delivered', 'dead') and coalesce(delivered_at, created_at) < ${ts(before)}`,
  ),
  hubspotTasks: idBatch(
    'hubspot_tasks',
    sql`status in ('done', 'dead') and coalesce(done_at, created_at) < ${ts(before)}`,
  ),
  hubspotWrites: idBatch('hubspot_writes', sql`written_at < ${ts(before)}`),
  eventRelay: idBatch('event_relay', sql`created_at < ${ts(before)}`),
});

// Receipts have no id: their time index is walked instead, and every row it finds goes.
const receiptsBatch = (teamId: string, before: Date, size: number) => sql`
  with gone as (
    delete from slack_event_receipts r
    where (r.team_id, r.event_id) in (
      select team_id, event_id from slack_event_receipts
      where team_id = ${teamId} and received_at < ${ts(before)}
      order by received_at limit ${size})
    returning 1
  )
  select count(*) as deleted, count(*) as seen, null as last from gone`;

const yieldToIntake = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Deletes a workspace's finished jobs, sent outbox rows and event receipts older than the cutoffs,
 * in small batches with a pause between them, keeping sent writes a later write still needs.
 */
export async function applyRetention(
  database: Database,
  teamId: string,
  cutoffs: RetentionCutoffs,
  options: RetentionOptions = {},
): Promise<RetentionResult> {
  const size = options.batchSize ?? 500;
  const pause = options.pause ?? yieldToIntake;
  const stopAt = performance.now() + (options.budgetMs ?? Number.POSITIVE_INFINITY);
  const result: RetentionResult = {
    jobs: 0,
    outbox: 0,
    eventReceipts: 0,
    webhookDeliveries: 0,
    hubspotTasks: 0,
    hubspotWrites: 0,
    eventRelay: 0,
    batches: 0,
    complete: true,
  };

  const drain = async (
    table: RetentionTable,
    next: (after: number) => SQL,
    start: number,
  ): Promise<boolean> => {
    let after = start;
    for (;;) {
      if (performance.now() >= stopAt) {
        result.resume = { table, after };
        return false;
      }
      const b = await batch(database, next(after));
      result.batches += 1;
      result[table] += b.deleted;
      if (b.seen < size) return true;
      if (b.last !== null) after = b.last;
      await pause();
    }
  };

  const crm = cutoffs.crm ? crmBatches(cutoffs.crm) : null;
  const crmQuery = (table: keyof ReturnType<typeof crmBatches>) => (after: number) =>
    crm ? crm[table](teamId, after, size) : sql`select 0 as deleted, 0 as seen, null as last`;
  const queries: Record<RetentionTable, (after: number) => SQL> = {
    eventReceipts: () => receiptsBatch(teamId, cutoffs.eventReceipts, size),
    jobs: (after) => jobsBatch(teamId, cutoffs.jobs, after, size),
    outbox: (after) => outboxBatch(teamId, cutoffs.outbox, after, size),
    webhookDeliveries: crmQuery('webhookDeliveries'),
    hubspotTasks: crmQuery('hubspotTasks'),
    hubspotWrites: crmQuery('hubspotWrites'),
    eventRelay: crmQuery('eventRelay'),
  };
  const first = Math.max(0, RETENTION_ORDER.indexOf(options.from?.table ?? 'eventReceipts'));
  for (const table of RETENTION_ORDER.slice(first)) {
    if (!crm && CRM_TABLES.has(table)) continue;
    const start = table === options.from?.table ? options.from.after : 0;
    if (!(await drain(table, queries[table], start))) {
      result.complete = false;
      break;
    }
  }
  return result;
}
