import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEAM_ID, type TestApp } from '../harness/test-app.js';
import { eventsOf, notes, ownerOf, sendLead } from './support/routing.js';

const [S1, S2, M1] = ['U0SLA0001', 'U0SLA0002', 'U0SLAMGR1'];
const ESC = 'C0ESCALATE';

/** Claim mode with the default ladder (15 nudge, 30 auto-assign, 45 warn, 60 breach, 90 reassign). */
const CONFIG = `
locale: en
segments: [smb]
channels:
  leads: { smb: C0LEADS }
  escalations: ${ESC}
routing:
  match_existing_accounts: false
roster:
  - { user: ${S1}, roles: [sdr], segments: [smb], manager: ${M1} }
  - { user: ${S2}, roles: [sdr], segments: [smb] }
  - { user: ${M1}, roles: [manager] }
`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ configYaml: CONFIG });
  for (const id of [S1, S2, M1]) t.slack.addUser({ id, name: id.toLowerCase(), tz: 'UTC' });
});
afterAll(async () => {
  await t?.stop();
});

async function nameOf(id: number): Promise<string> {
  const [row] = await t.database.rows<{ name: string }>(sql`select name from leads where id = ${id}`);
  return row!.name;
}
/** DMs Baton sent `userId` that mention the lead (by its name). */
async function dms(userId: string, id: number): Promise<string[]> {
  const name = await nameOf(id);
  return t.slack
    .messages(userId)
    .map((m) => String(m.text))
    .filter((text) => text.includes(`*${name}*`));
}
async function escalations(id: number): Promise<string[]> {
  const name = await nameOf(id);
  return t.slack
    .messages(ESC)
    .map((m) => String(m.text))
    .filter((text) => text.includes(`*${name}*`));
}
/** Makes every attempt to record the lead's step `step` fail until the returned function is called. */
async function refuseStepEvent(id: number, step: number): Promise<() => Promise<void>> {
  await t.database.db.execute(
    sql.raw(`create function refuse_step() returns trigger language plpgsql as $$
      begin
        if new.lead_id = ${id} and new.type like 'sla_step%' and new.data->>'step' = '${step}' then
          raise exception 'refused for the test';
        end if;
        return new;
      end $$`),
  );
  await t.database.db.execute(
    sql.raw(
      'create trigger refuse_step before insert on lead_events for each row execute function refuse_step()',
    ),
  );
  return async () => {
    await t.database.db.execute(sql.raw('drop trigger refuse_step on lead_events'));
    await t.database.db.execute(sql.raw('drop function refuse_step()'));
  };
}
async function slaEvents(id: number) {
  return (await eventsOf(t, id))
    .filter((e) => e.type.startsWith('sla_step'))
    .map((e) => ({
      type: e.type,
      step: e.data.step,
      action: e.data.action,
      late: e.data.late,
      reason: e.data.reason,
    }));
}
const at = async (iso: string) => {
  t.clock.set(iso);
  await t.baton.jobs.runDue();
  await t.flushOutbox();
};
/** The lead's ladder jobs by due time: when each is due, and the later steps the first one carries. */
async function ladderJobs(id: number) {
  const rows = await t.database.rows<{
    dedupe_key: string;
    run_at: Date | string;
    payload: { rest?: unknown };
  }>(
    sql`select dedupe_key, run_at, payload from jobs where kind = 'sla.step' and payload->>'leadId' = ${String(id)} order by run_at`,
  );
  return rows.map((j) => ({
    key: j.dedupe_key,
    runAt: new Date(j.run_at).toISOString(),
    ...(j.payload.rest ? { rest: j.payload.rest } : {}),
  }));
}

describe('escalation ladder', () => {
  it('walks an unclaimed-then-claimed, untouched lead up the ladder, each step once and in order', async () => {
    t.clock.set('2026-11-23T10:00:00Z'); // Monday
    const id = await sendLead(t);
    await t.flushOutbox();
    // Intake books the first step only (fewer rows on intake's path); it carries the later steps,
    // booked when it first runs.
    expect(await ladderJobs(id)).toEqual([
      {
        key: `sla.step:${id}:0`,
        runAt: '2026-11-23T10:15:00.000Z',
        rest: [
          { step: 2, action: 'warn_owner', dueAt: '2026-11-23T10:45:00.000Z' },
          { step: 3, action: 'breach', dueAt: '2026-11-23T11:00:00.000Z' },
          { step: 4, action: 'reassign', dueAt: '2026-11-23T11:30:00.000Z' },
        ],
      },
    ]);

    await at('2026-11-23T10:14:00Z');
    expect(await notes(t, id)).toEqual([]);
    await at('2026-11-23T10:15:00Z');
    expect((await ladderJobs(id)).map(({ key, runAt }) => [key, runAt])).toEqual([
      [`sla.step:${id}:0`, '2026-11-23T10:15:00.000Z'],
      [`sla.step:${id}:2`, '2026-11-23T10:45:00.000Z'],
      [`sla.step:${id}:3`, '2026-11-23T11:00:00.000Z'],
      [`sla.step:${id}:4`, '2026-11-23T11:30:00.000Z'],
    ]);
    expect(await notes(t, id)).toEqual([':bell: Unclaimed for 15 working min — who takes it?']);
    expect((await dms(S1, id)).length).toBe(1);
    expect((await dms(S2, id))[0]).toContain('has been unclaimed for 15 working min');

    const claimed = await t.baton.context.services.leads.claim(TEAM_ID, id, S1, t.clock.now());
    expect(claimed.ok).toBe(true);

    await at('2026-11-23T10:45:00Z'); // routing's auto-assign at 30 found it claimed; the warning
    expect((await dms(S1, id)).at(-1)).toContain('15 working min left to make the first touch');
    expect(await escalations(id)).toEqual([]);
    // The warning reaches the owner's manager too, naming the owner: managers hear before a breach.
    expect(await dms(M1, id)).toEqual([
      expect.stringContaining(`15 working min left for <@${S1}> to make the first touch on`),
    ]);

    await at('2026-11-23T11:00:00Z');
    const [post] = await escalations(id);
    expect(post).toContain(':rotating_light: SLA breached');
    expect(post).toContain(`<@${S1}>`);
    expect((await dms(M1, id)).length).toBe(2);
    expect((await dms(M1, id))[1]).toContain(':rotating_light: SLA breached');
    const [{ sla_state } = { sla_state: '' }] = await t.database.rows<{ sla_state: string }>(
      sql`select sla_state from leads where id = ${id}`,
    );
    expect(sla_state).toBe('breached');

    const linesBefore = (await notes(t, id)).length;
    await at('2026-11-23T11:30:00Z');
    expect(await ownerOf(t, id)).toBe(S2);
    // One line, the true one: no "Unclaimed for 90 min, so assigned to …" before it.
    expect((await notes(t, id)).slice(linesBefore)).toEqual([
      `:repeat: No first touch after 90 working min, so reassigned from <@${S1}> to <@${S2}>.`,
    ]);
    expect((await notes(t, id)).filter((l) => l.startsWith(':alarm_clock:'))).toEqual([]);
    expect((await dms(S1, id)).at(-1)).toContain(`so it went to <@${S2}>`);

    expect(await slaEvents(id)).toEqual([
      { type: 'sla_step', step: 0, action: 'nudge', late: false, reason: undefined },
      { type: 'sla_step', step: 2, action: 'warn_owner', late: false, reason: undefined },
      { type: 'sla_step', step: 3, action: 'breach', late: false, reason: undefined },
      { type: 'sla_step', step: 4, action: 'reassign', late: false, reason: undefined },
    ]);

    // Nothing more: running again (and re-running a finished step's job) does nothing twice.
    const before = t.slack.calls.length;
    const counts = [(await notes(t, id)).length, (await dms(S1, id)).length, (await escalations(id)).length];
    await t.database.rows(
      sql`update jobs set status = 'pending' where kind = 'sla.step' and payload->>'leadId' = ${String(id)}`,
    );
    await at('2026-11-23T12:00:00Z');
    expect([(await notes(t, id)).length, (await dms(S1, id)).length, (await escalations(id)).length]).toEqual(
      counts,
    );
    expect(t.slack.calls.slice(before).filter((c) => c.method === 'chat.postMessage')).toEqual([]);
    expect((await slaEvents(id)).length).toBe(4);
  });

  it('skips the later steps once the lead is touched', async () => {
    t.clock.set('2026-11-24T10:00:00Z'); // Tuesday
    const id = await sendLead(t);
    await t.flushOutbox();
    await at('2026-11-24T10:15:00Z');
    await t.baton.context.services.leads.claim(TEAM_ID, id, S1, t.clock.now());
    await at('2026-11-24T10:40:00Z');
    await t.database.rows(
      sql`update leads set first_touch_at = '2026-11-24T10:40:00Z', sla_state = 'met' where id = ${id}`,
    );
    for (const time of ['10:45', '11:00', '11:30']) await at(`2026-11-24T${time}:00Z`);
    expect(await slaEvents(id)).toEqual([
      { type: 'sla_step', step: 0, action: 'nudge', late: false, reason: undefined },
      { type: 'sla_step_skipped', step: 2, action: 'warn_owner', late: false, reason: 'touched' },
      { type: 'sla_step_skipped', step: 3, action: 'breach', late: false, reason: 'touched' },
      { type: 'sla_step_skipped', step: 4, action: 'reassign', late: false, reason: 'touched' },
    ]);
    expect(await ownerOf(t, id)).toBe(S1);
    expect(await escalations(id)).toEqual([]);
    expect((await dms(S1, id)).filter((d) => d.includes('minutes left'))).toEqual([]);
    const [{ sla_state } = { sla_state: '' }] = await t.database.rows<{ sla_state: string }>(
      sql`select sla_state from leads where id = ${id}`,
    );
    expect(sla_state).toBe('met');
  });

  it('after downtime runs each overdue step once, in order, marked late', async () => {
    t.clock.set('2026-11-25T10:00:00Z'); // Wednesday
    const id = await sendLead(t);
    await t.flushOutbox();
    t.clock.advanceMinutes(180); // nothing ran meanwhile
    await t.baton.jobs.runDue();
    await t.baton.jobs.runDue();
    await t.flushOutbox();
    expect(await slaEvents(id)).toEqual([
      { type: 'sla_step', step: 0, action: 'nudge', late: true, reason: undefined },
      { type: 'sla_step', step: 2, action: 'warn_owner', late: true, reason: undefined },
      { type: 'sla_step', step: 3, action: 'breach', late: true, reason: undefined },
      { type: 'sla_step', step: 4, action: 'reassign', late: true, reason: undefined },
    ]);
    // Routing's auto-assign (due at 30) ran between the nudge and the warning: S1, then reassigned to S2.
    expect(await ownerOf(t, id)).toBe(S2);
    const lines = await notes(t, id);
    expect(lines.filter((l) => l.startsWith(':bell:'))).toEqual([
      ':bell: Unclaimed for 15 working min — who takes it? _(late: Baton was down)_',
    ]);
    expect(lines.at(-1)).toContain('_(late: Baton was down)_');
    const [post, ...more] = await escalations(id);
    expect(more).toEqual([]);
    expect(post).toContain('_(late: Baton was down)_');
    expect(post).toContain('120 working min overdue');
  });

  it("schedules routing's auto-assign on the SLA clock: a Friday 19:00 lead is due Monday 09:30", async () => {
    t.clock.set('2026-11-27T19:00:00Z'); // Friday, after hours
    const id = await sendLead(t);
    const jobs = await t.database.rows<{ kind: string; run_at: string }>(
      sql`select kind, run_at from jobs where payload->>'leadId' = ${String(id)} and kind in ('routing.auto_assign', 'sla.step') order by run_at`,
    );
    expect(jobs.map((j) => [j.kind, new Date(j.run_at).toISOString()])).toEqual([
      ['sla.step', '2026-11-30T09:15:00.000Z'],
      ['routing.auto_assign', '2026-11-30T09:30:00.000Z'],
    ]);
    // The later steps, on the same clock, carried by the first.
    const [first] = await ladderJobs(id);
    expect(((first?.rest ?? []) as Array<{ dueAt: string }>).map((r) => r.dueAt)).toEqual([
      '2026-11-30T09:45:00.000Z',
      '2026-11-30T10:00:00.000Z',
      '2026-11-30T10:30:00.000Z',
    ]);
  });

  it('books the later steps before the first acts, so a first step that keeps failing holds none back', async () => {
    t.clock.set('2026-12-01T10:00:00Z'); // Tuesday
    const id = await sendLead(t);
    await t.flushOutbox();
    // Step 0 cannot record itself: its transaction fails every time, as a bug or a bad row would.
    const allow = await refuseStepEvent(id, 0);
    try {
      await at('2026-12-01T10:15:00Z');
      expect(await slaEvents(id)).toEqual([]);
      expect((await ladderJobs(id)).map((j) => j.key)).toEqual(
        [0, 2, 3, 4].map((i) => `sla.step:${id}:${i}`),
      );
      await at('2026-12-01T10:45:00Z');
      await at('2026-12-01T11:00:00Z');
      // The warning (routing's auto-assign at 30 gave the lead an owner) and the breach ran on time
      // while step 0 kept failing.
      expect((await slaEvents(id)).map((e) => [e.type, e.action])).toEqual([
        ['sla_step', 'warn_owner'],
        ['sla_step', 'breach'],
      ]);
    } finally {
      await allow();
    }
  });
});
