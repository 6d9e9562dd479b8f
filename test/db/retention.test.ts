import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { applyRetention, KEPT_PURPOSES, type RetentionCutoffs } from '../../src/db/queries/retention.js';
import { CADENCE_DM_PURPOSE } from '../../src/services/cadence.js';
import { ACTION_DM_PURPOSE } from '../../src/services/retro-actions.js';
import { VOC_ROUTE_PURPOSE } from '../../src/services/voc.js';
import { openTestDatabase, seedWorkspace } from '../harness/database.js';

let database: Database;
const T = 'T0BATON';
const OTHER = 'T0OTHER';
const NOW = new Date('2026-11-23T01:00:00Z');
const DAY = 24 * 3_600_000;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);
const iso = (d: Date) => d.toISOString();
// The defaults: 30, 30 and 7 days.
const CUTOFFS: RetentionCutoffs = { jobs: daysAgo(30), outbox: daysAgo(30), eventReceipts: daysAgo(7) };

beforeAll(async () => {
  database = await openTestDatabase();
  await seedWorkspace(database, T, NOW);
  await seedWorkspace(database, OTHER, NOW);
});
afterAll(async () => {
  await database?.close();
});
beforeEach(async () => {
  for (const table of ['jobs', 'outbox', 'slack_event_receipts', 'retro_action_items'])
    await database.db.execute(sql.raw(`delete from ${table}`));
});

const idOf = async (query: SQL) => Number((await database.rows<{ id: number }>(query))[0]!.id);

function job(label: string, status: string, finishedAt: Date | null, teamId = T) {
  return idOf(sql`
    insert into jobs (team_id, kind, dedupe_key, run_at, status, finished_at, created_at, updated_at)
    values (${teamId}, 'test', ${label}, ${iso(daysAgo(400))}::timestamptz, ${status},
      ${finishedAt ? iso(finishedAt) : null}::timestamptz, ${iso(daysAgo(400))}::timestamptz, ${iso(NOW)}::timestamptz)
    returning id`);
}

interface WriteSpec {
  status: string;
  sentAt: Date | null;
  purpose?: string;
  channel?: string;
  leadId?: number;
  args?: Record<string, unknown>;
  teamId?: string;
}
function write(label: string, w: WriteSpec) {
  return idOf(sql`
    insert into outbox (team_id, method, channel, args, lead_id, purpose, dedupe_key, status, next_attempt_at, sent_at, created_at)
    values (${w.teamId ?? T}, 'chat.postMessage', ${w.channel ?? 'C0LEADS'}, ${JSON.stringify(w.args ?? {})}::jsonb,
      ${w.leadId ?? null}, ${w.purpose ?? 'lead_thread'}, ${label}, ${w.status}, ${iso(daysAgo(400))}::timestamptz,
      ${w.sentAt ? iso(w.sentAt) : null}::timestamptz, ${iso(daysAgo(400))}::timestamptz)
    returning id`);
}

async function receipt(eventId: string, receivedAt: Date, teamId = T) {
  await database.db.execute(
    sql`insert into slack_event_receipts (team_id, event_id, received_at) values (${teamId}, ${eventId}, ${iso(receivedAt)}::timestamptz)`,
  );
}

const lead = (ownerId: string) =>
  idOf(sql`
    insert into leads (team_id, source, segment, stage, owner_id)
    values (${T}, 'web', 'smb', 'MQL', ${ownerId}) returning id`);

async function leadEvent(leadId: number, type: string, data: Record<string, unknown>) {
  await database.db.execute(sql`
    insert into lead_events (team_id, lead_id, type, data, occurred_at)
    values (${T}, ${leadId}, ${type}, ${JSON.stringify(data)}::jsonb, ${iso(daysAgo(50))}::timestamptz)`);
}

const labels = async (table: 'jobs' | 'outbox') =>
  (
    await database.rows<{ dedupe_key: string }>(
      sql.raw(`select dedupe_key from ${table} order by dedupe_key`),
    )
  ).map((r) => r.dedupe_key);

describe('retention: which rows go', () => {
  it('deletes done jobs finished before the cutoff and keeps the rest', async () => {
    await job('done-31d', 'done', daysAgo(31));
    await job('done-30d-1ms', 'done', new Date(daysAgo(30).getTime() - 1));
    await job('done-at-cutoff', 'done', daysAgo(30));
    await job('done-29d', 'done', daysAgo(29));
    await job('dead-100d', 'dead', daysAgo(100));
    await job('pending-old', 'pending', null);
    await job('running-old', 'running', null);
    await job('other-team-done-100d', 'done', daysAgo(100), OTHER);

    const result = await applyRetention(database, T, CUTOFFS);

    expect(result).toMatchObject({ jobs: 2, outbox: 0, eventReceipts: 0, complete: true });
    expect(await labels('jobs')).toEqual([
      'dead-100d',
      'done-29d',
      'done-at-cutoff',
      'other-team-done-100d',
      'pending-old',
      'running-old',
    ]);
  });

  it('deletes event receipts received before the cutoff', async () => {
    await receipt('Ev8d', daysAgo(8));
    await receipt('Ev7d+1ms', new Date(daysAgo(7).getTime() - 1));
    await receipt('Ev7d', daysAgo(7));
    await receipt('Ev1d', daysAgo(1));
    await receipt('EvOther', daysAgo(100), OTHER);

    expect((await applyRetention(database, T, CUTOFFS)).eventReceipts).toBe(2);
    const left = await database.rows<{ event_id: string }>(
      sql`select event_id from slack_event_receipts order by event_id`,
    );
    expect(left.map((r) => r.event_id)).toEqual(['Ev1d', 'Ev7d', 'EvOther']);
  });

  it('deletes only sent outbox rows, and keeps the sent writes a later write still reads by key', async () => {
    // Plain writes: only `sent` ones older than the cutoff go.
    await write('sent-31d', { status: 'sent', sentAt: daysAgo(31) });
    await write('sent-at-cutoff', { status: 'sent', sentAt: daysAgo(30) });
    await write('sent-29d', { status: 'sent', sentAt: daysAgo(29) });
    await write('dead-100d', { status: 'dead', sentAt: null });
    await write('pending-100d', { status: 'pending', sentAt: null });
    await write('parked-100d', { status: 'parked', sentAt: null });
    await write('card-100d', { status: 'sent', sentAt: daysAgo(100), purpose: 'lead_card' });
    await write('other-team-100d', { status: 'sent', sentAt: daysAgo(100), teamId: OTHER });

    // A VOC post: capturing the entry again looks it up to edit it instead of posting twice.
    await write('voc:1:route:C0VOC', {
      status: 'sent',
      sentAt: daysAgo(300),
      purpose: VOC_ROUTE_PURPOSE,
      args: { entryId: 1 },
    });

    // Action item DMs: kept while the item is open (answering edits the DM).
    const [retro] = await database.rows<{ id: number }>(sql`
      insert into retros (team_id, kind, period_key, channel, snapshot, opened_at)
      values (${T}, 'weekly', '2026-W30', 'C0RETRO', '{}'::jsonb, ${iso(daysAgo(120))}::timestamptz) returning id`);
    const item = (status: string) =>
      idOf(sql`
        insert into retro_action_items (team_id, retro_id, first_retro_id, text, owner_id, status, created_by)
        values (${T}, ${retro!.id}, ${retro!.id}, 'do it', 'U0AE', ${status}, 'U0AE') returning id`);
    const open = await item('open');
    const done = await item('done');
    for (const [label, itemId] of [
      ['action-open', open],
      ['action-done', done],
    ] as const)
      await write(label, {
        status: 'sent',
        sentAt: daysAgo(60),
        purpose: ACTION_DM_PURPOSE,
        channel: 'U0AE',
        args: { itemId },
      });

    // Cadence reminders: kept while the recipient owns the lead and has not answered the step.
    const cadence = async (label: string, leadId: number, owner: string, step: number) =>
      write(label, {
        status: 'sent',
        sentAt: daysAgo(60),
        purpose: CADENCE_DM_PURPOSE,
        channel: owner,
        leadId,
        args: { cadence: { leadId, owner, step, snoozes: 0, day: 1, label: 'Call', late: false } },
      });
    const owned = await lead('U0SDR');
    await cadence('cadence-unanswered', owned, 'U0SDR', 0);
    await cadence('cadence-done', owned, 'U0SDR', 1);
    await leadEvent(owned, 'cadence_step_done', { owner: 'U0SDR', step: 1, snoozes: 0 });
    await cadence('cadence-skipped-by-owner', owned, 'U0SDR', 2);
    await leadEvent(owned, 'cadence_step_skipped', { owner: 'U0SDR', step: 2, snoozes: 0, reason: 'owner' });
    await cadence('cadence-skipped-by-stage', owned, 'U0SDR', 3);
    await leadEvent(owned, 'cadence_step_skipped', {
      owner: 'U0SDR',
      step: 3,
      snoozes: 0,
      reason: 'stage_reached',
    });
    await cadence('cadence-done-by-other', owned, 'U0SDR', 4);
    await leadEvent(owned, 'cadence_step_done', { owner: 'U0OTHER', step: 4, snoozes: 0 });
    const handedOver = await lead('U0AE');
    await cadence('cadence-lead-handed-over', handedOver, 'U0SDR', 0);

    const result = await applyRetention(database, T, CUTOFFS);

    expect(await labels('outbox')).toEqual([
      'action-open',
      'cadence-done-by-other',
      'cadence-skipped-by-stage',
      'cadence-unanswered',
      'dead-100d',
      'other-team-100d',
      'parked-100d',
      'pending-100d',
      'sent-29d',
      'sent-at-cutoff',
      'voc:1:route:C0VOC',
    ]);
    expect(result.outbox).toBe(6); // sent-31d, card-100d, action-done, cadence-done, -skipped-by-owner, -handed-over
  });

  it('names the purposes it keeps as the services write them', () => {
    expect(KEPT_PURPOSES).toEqual({
      vocRoute: VOC_ROUTE_PURPOSE,
      actionItemDm: ACTION_DM_PURPOSE,
      cadenceDm: CADENCE_DM_PURPOSE,
    });
  });
});

describe('retention: batches', () => {
  it('deletes in batches of the given size with a pause between them, past rows it keeps', async () => {
    // Kept rows first, so later batches must walk past them rather than stop.
    for (let i = 0; i < 5; i++)
      await write(`voc:${i}:route:C0VOC`, {
        status: 'sent',
        sentAt: daysAgo(90),
        purpose: VOC_ROUTE_PURPOSE,
      });
    for (let i = 0; i < 7; i++) await write(`old-${i}`, { status: 'sent', sentAt: daysAgo(90) });
    for (let i = 0; i < 7; i++) await job(`old-job-${i}`, 'done', daysAgo(90));
    for (let i = 0; i < 5; i++) await receipt(`EvOld${i}`, daysAgo(30));
    let pauses = 0;

    const result = await applyRetention(database, T, CUTOFFS, {
      batchSize: 3,
      pause: async () => {
        pauses += 1;
      },
    });

    expect(result).toMatchObject({ jobs: 7, outbox: 7, eventReceipts: 5, complete: true });
    // Receipts 5 → 3+2; jobs 7 → 3+3+1; outbox 12 looked at → 3+3+3+3+0.
    expect(result.batches).toBe(2 + 3 + 5);
    expect(pauses).toBe(1 + 2 + 4);
    expect((await labels('outbox')).filter((l) => l.startsWith('old-'))).toEqual([]);
  });

  it('stops when its time budget is spent and says where to go on', async () => {
    await job('old-job', 'done', daysAgo(90));
    const result = await applyRetention(database, T, CUTOFFS, { budgetMs: 0 });
    expect(result).toMatchObject({ jobs: 0, batches: 0, complete: false });
    expect(result.resume).toEqual({ table: 'eventReceipts', after: 0 });
    expect(await labels('jobs')).toEqual(['old-job']);
  });

  it('goes on from where an earlier run stopped, without walking the rows before it', async () => {
    await job('old-job', 'done', daysAgo(90));
    await receipt('EvOld', daysAgo(90));
    const ids: number[] = [];
    for (let i = 0; i < 4; i++) ids.push(await write(`old-${i}`, { status: 'sent', sentAt: daysAgo(90) }));

    const result = await applyRetention(database, T, CUTOFFS, { from: { table: 'outbox', after: ids[1]! } });

    expect(result).toMatchObject({ jobs: 0, eventReceipts: 0, outbox: 2, complete: true });
    expect(await labels('outbox')).toEqual(['old-0', 'old-1']);
    expect(await labels('jobs')).toEqual(['old-job']);
  });
});
