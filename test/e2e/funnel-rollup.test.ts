// The daily housekeeping job keeps flow's rollup (issue 16): a lead that arrives is counted into
// funnel_daily_moves once its day has closed, and a flow report counts it the same before and after.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/domain/periods.js';
import { FunnelService } from '../../src/services/funnel.js';
import { startTestApp, TEAM_ID, TEAM_YAML, type TestApp } from '../harness/test-app.js';
import { sendLead } from './support/routing.js';

let t: TestApp;
beforeAll(async () => {
  // Only housekeeping is counted here: the retro's jobs would fall due in the days this test skips.
  t = await startTestApp({ configYaml: `${TEAM_YAML}retro:\n  enabled: false\n` });
});
afterAll(async () => {
  await t?.stop();
});

const DAY = 24 * 3_600_000;

describe('flow rollup by the daily housekeeping job', () => {
  it('counts a closed day of arrivals, and the flow report reads the same before and after', async () => {
    const arrivedAt = t.clock.now();
    await sendLead(t);
    await sendLead(t);
    // A running period counts up to now: a minute on, so the arrivals are inside it.
    t.clock.advance(60_000);
    const flowLeads = async () => {
      const parsed = parsePeriod('this-month', t.clock.now(), 'UTC');
      if (!parsed.ok) throw new Error(parsed.problem.code);
      const service = new FunnelService(t.baton.context.database, t.baton.context.configs);
      const report = await service.report(
        TEAM_ID,
        { period: parsed.period, mode: 'flow', by: null },
        t.clock.now(),
      );
      return report.stages[0]!.count;
    };
    expect(await flowLeads()).toBe(2);

    t.clock.advance(2 * DAY);
    // Housekeeping, and the leads' SLA steps that fell due meanwhile.
    while ((await t.baton.jobs.runDue()) > 0) {}
    const [state] = await t.database.rows<{ moves_until: Date }>(
      sql`select moves_until from funnel_rollup_state where team_id = ${TEAM_ID}`,
    );
    // Rolled up to today's UTC midnight: the arrivals' day is closed and counted.
    const midnight = Math.floor(t.clock.now().getTime() / DAY) * DAY;
    expect(new Date(state!.moves_until).getTime()).toBe(midnight);
    const rows = await t.database.rows<{ day: string; moves: number }>(
      sql`select day::text as day, moves from funnel_daily_moves where team_id = ${TEAM_ID} and dim = ''`,
    );
    expect(rows).toEqual([{ day: arrivedAt.toISOString().slice(0, 10), moves: 2 }]);
    expect(await flowLeads()).toBe(2);
    // A lead arriving now is read live, on top of the rolled-up days.
    await sendLead(t);
    t.clock.advance(60_000);
    expect(await flowLeads()).toBe(3);
  });
});
