import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { funnelGoals, leads } from '../../src/db/schema.js';
import type { FunnelPlan } from '../../src/domain/plan.js';
import { startTestApp, TEAM_ID, TEAM_YAML, type TestApp } from '../harness/test-app.js';

// Team time zone Asia/Seoul; reverse planning trusts a stage's rate from 5 leads on.
const PLAN_YAML = `${TEAM_YAML}
calendar:
  time_zone: Asia/Seoul
funnel:
  plan:
    min_sample: 5
`;

// Wednesday 2026-05-13 12:00 in Seoul. This quarter: 2026-04-01..2026-06-30, 91 days = 13 weeks.
// The trailing 90 days: leads created from 2026-02-12T03:00:00Z up to now.
const NOW = '2026-05-13T03:00:00Z';
const WINDOW_START = '2026-02-12T03:00:00Z';

let t: TestApp;

/** Inserts `n` leads created at `createdAt` whose furthest stage is `furthest` (the stage they are in). */
async function seed(
  n: number,
  furthest: string | null,
  createdAt: string,
  stage = furthest ?? 'Disqualified',
) {
  const at = new Date(createdAt);
  await t.database.db.insert(leads).values(
    Array.from({ length: n }, (_, i) => ({
      teamId: TEAM_ID,
      source: 'website',
      email: `${furthest ?? 'none'}-${createdAt}-${i}@example.com`,
      segment: 'smb',
      stage,
      furthestStage: furthest,
      stageEnteredAt: at,
      createdAt: at,
    })),
  );
}

interface Answer {
  /** Where it came from: the ack (help, bad input) or the response_url (the plan). */
  via: 'ack' | 'response';
  type: unknown;
  text: string;
  blocks: Array<Record<string, unknown>>;
}

/** The mrkdwn/plain text of every block, one entry per block ('' for a divider). */
function texts(blocks: Array<Record<string, unknown>>): string[] {
  return blocks.map((b) => {
    const text = (b.text as { text?: string } | undefined)?.text;
    if (text !== undefined) return text;
    return ((b.elements as Array<{ text?: string }> | undefined) ?? []).map((e) => e.text ?? '').join(' ');
  });
}

async function funnel(userId: string, text: string): Promise<Answer> {
  const res = await t.driver.command('/funnel', text, { userId });
  expect(res.status).toBe(200);
  if (res.body) {
    const acked = JSON.parse(res.body) as { response_type?: string; text?: string; blocks?: [] };
    if (acked.text)
      return { via: 'ack', type: acked.response_type, text: acked.text, blocks: acked.blocks ?? [] };
  }
  const reply = await t.slack.waitForResponse(res.responseUrl);
  return {
    via: 'response',
    type: reply.body.response_type,
    text: String(reply.body.text),
    blocks: (reply.body.blocks ?? []) as Array<Record<string, unknown>>,
  };
}

const goals = () =>
  t.database.db
    .select()
    .from(funnelGoals)
    .where(eq(funnelGoals.teamId, TEAM_ID))
    .orderBy(funnelGoals.periodStart);

const needed = (plan: unknown) =>
  Object.fromEntries((plan as FunnelPlan).stages.map((s) => [s.stage, [s.needed, s.perWeek]]));

beforeAll(async () => {
  t = await startTestApp({ configYaml: PLAN_YAML });
  // The trailing cohort, by furthest stage: Lead 6, MQL 4, SAL 2, SQL 5 (17 leads).
  // count(S): Lead 17, MQL 11, SAL 7, SQL 5, Opportunity and later 0.
  await seed(1, 'Lead', WINDOW_START); // the window's first instant is in it
  await seed(5, 'Lead', '2026-03-02T01:00:00Z');
  await seed(4, 'MQL', '2026-04-07T05:00:00Z');
  await seed(2, 'SAL', '2026-04-20T08:00:00Z');
  await seed(5, 'SQL', '2026-05-13T02:59:00Z');
  // Not counted: a lead that never reached a working stage, and won deals created before the window.
  await seed(1, null, '2026-04-01T00:00:00Z');
  await seed(3, 'Closing', '2026-02-12T02:59:59Z');
  await seed(2, 'Closing', '2025-12-01T00:00:00Z');
  t.clock.set(NOW);
});
afterAll(async () => {
  await t?.stop();
});

describe('/funnel plan', () => {
  it('works back from 10 deals this quarter, saying which rates are defaults and why', async () => {
    const answer = await funnel('U0SDR0001', 'plan 10 this-quarter');
    expect(answer).toMatchObject({
      via: 'response',
      type: 'ephemeral',
      text: 'Plan: 10 deals — this-quarter',
    });
    // Rates: Lead 11/17 = 64.7 %, MQL 7/11 = 63.6 %, SAL 5/7 = 71.4 % (observed, each count ≥ 5).
    // SQL: 5 reached it but none went on, so its default 0.5; Opportunity, Negotiation, Closing: 0 reached, defaults.
    // Needed: Closing 10; Negotiation 10/0.5 = 20; Opportunity ceil(20/0.6 = 33.3) = 34; SQL 34/0.5 = 68;
    // SAL ceil(68×7/5 = 95.2) = 96; MQL ceil(96×11/7 = 150.9) = 151; Lead ceil(151×17/11 = 233.4) = 234;
    // Retention ceil(10×0.9) = 9. Per week over 13 weeks: 18, ceil(11.6) = 12, ceil(7.4) = 8, ceil(5.2) = 6,
    // ceil(2.6) = 3, ceil(1.5) = 2, 1, 1.
    expect(texts(answer.blocks)).toEqual([
      'Plan: 10 deals — this-quarter',
      [
        'To win *10* deals (leads reaching Closing) from 2026-04-01 to 2026-06-30 — 91 days, 13 weeks — each stage needs:',
        '```',
        'Stage        Rate → next       Needed  Per week',
        'Lead         64.7 %               234        18',
        'MQL          63.6 %               151        12',
        'SAL          71.4 %                96         8',
        'SQL          50.0 % (default)      68         6',
        'Opportunity  60.0 % (default)      34         3',
        'Negotiation  50.0 % (default)      20         2',
        'Closing      90.0 % (default)      10         1',
        'Retention    —                      9         1',
        '```',
      ].join('\n'),
      [
        '• *SQL*: 50.0 % (default — none of the 5 leads that reached SQL in the last 90 days reached Opportunity)',
        '• *Opportunity*: 60.0 % (default — no lead reached Opportunity in the last 90 days, need 5)',
        '• *Negotiation*: 50.0 % (default — no lead reached Negotiation in the last 90 days, need 5)',
        '• *Closing*: 90.0 % (default — no lead reached Closing in the last 90 days, need 5)',
      ].join('\n'),
      'Rates without "(default)" are what happened to the leads created in the last 90 days (at least 5 leads reached the stage).',
      '',
      [
        '*KPIs per role*',
        '• *Marketer*: Lead *234* (18/week) · MQL *151* (12/week)',
        '• *Inside sales (SDR)*: SAL *96* (8/week) · SQL *68* (6/week)',
        '• *Account executive*: Opportunity *34* (3/week) · Negotiation *20* (2/week) · Closing *10* (1/week)',
        '• *Customer success*: Retention *9* (1/week)',
      ].join('\n'),
      'Managers and admins store it as the goal with `/funnel plan set 10 this-quarter`; the weekly retro and App Home then compare each week with it.',
    ]);
    expect(await goals()).toEqual([]);
  });

  it('plans this quarter when no period is given, and lets a marketer ask', async () => {
    const answer = await funnel('U0MKT0001', 'plan 10');
    expect(answer.text).toBe('Plan: 10 deals — this-quarter');
    expect(texts(answer.blocks)[1]).toContain('from 2026-04-01 to 2026-06-30 — 91 days, 13 weeks');
  });

  it('answers bad input in the ack, specifically, and stores nothing', async () => {
    const cases: Array<[string, string]> = [
      [
        'plan abc this-quarter',
        '`abc` is not a number of deals — give a whole number, like `/funnel plan 10 this-quarter`.',
      ],
      ['plan 0', 'A goal of 0 deals can’t be planned: give a whole number from 1 to 100,000.'],
      ['plan 250000', 'A goal of 250,000 deals can’t be planned: give a whole number from 1 to 100,000.'],
      ['plan set', 'How many deals? For example `/funnel plan set 10 this-quarter`.'],
      [
        'plan 10 next-year',
        '`next-year` is not a period. Periods: this-week, last-week, this-month, last-month, this-quarter, last-quarter or `YYYY-MM-DD..YYYY-MM-DD`.',
      ],
      [
        'plan set 10 2026-09-30..2026-07-01',
        'The range ends (2026-07-01) before it starts (2026-09-30). Periods: this-week, last-week, this-month, last-month, this-quarter, last-quarter or `YYYY-MM-DD..YYYY-MM-DD`.',
      ],
      [
        'plan 10 2027-06-01..2027-06-30',
        '2027-06-01 is too far ahead: a goal’s period may start at most 366 days from today.',
      ],
      [
        'plan 10 this-month <!channel>',
        'I don’t understand `&lt;!channel&gt;`: give the deals, then one period, like `/funnel plan 10 2026-07-01..2026-09-30`.',
      ],
    ];
    for (const [text, expected] of cases) {
      const answer = await funnel('U0MGR0001', text);
      expect(answer, text).toMatchObject({ via: 'ack', type: 'ephemeral', text: expected });
      expect(texts(answer.blocks)).toContain(expected);
    }
    expect(await goals()).toEqual([]);
  });

  it('shows its help for `plan` alone', async () => {
    const answer = await funnel('U0SDR0001', 'plan');
    expect(answer).toMatchObject({ via: 'ack', text: 'Baton — /funnel plan: work back from a deal goal' });
    expect(texts(answer.blocks).join('\n')).toContain('`/funnel plan set &lt;deals&gt; [period]`');
  });

  it('refuses someone who is not on the roster', async () => {
    const answer = await funnel('U0STRANGER', 'plan 10');
    expect(answer.via).toBe('response');
    expect(answer.text).toContain('<@U0MGR0001>'); // the admin to ask
    expect(answer.blocks).toEqual([]);
  });
});

describe('/funnel plan set', () => {
  it('refuses a seller and stores nothing', async () => {
    const answer = await funnel('U0SDR0001', 'plan set 10 this-quarter');
    expect(answer).toMatchObject({
      via: 'response',
      text: 'Only managers and admins set the team’s goal. You can still see the plan with `/funnel plan &lt;deals&gt; [period]`.',
    });
    expect(await goals()).toEqual([]);
  });

  it('stores a manager’s goal with its plan, and a second set replaces it', async () => {
    // Two more leads this quarter reach Opportunity and Closing. count(S) is now Lead 19, MQL 13, SAL 9,
    // SQL 7, Opportunity 2, Negotiation 1, Closing 1.
    await seed(1, 'Opportunity', '2026-04-21T00:00:00Z');
    await seed(1, 'Closing', '2026-04-22T00:00:00Z');

    const first = await funnel('U0MGR0001', 'plan set 10 this-quarter');
    expect(first.text).toBe('Goal set: 10 deals — this-quarter');
    // SQL is observed now (7 ≥ 5): 2/7. Opportunity (2) and Negotiation (1) and Closing (1) are under 5.
    // Closing 10; Negotiation 20; Opportunity 34; SQL ceil(34×7/2) = 119; SAL ceil(119×9/7) = 153;
    // MQL 153×13/9 = 221; Lead 221×19/13 = 323; Retention 9. Per week (13): 25, 17, 12, 10, 3, 2, 1, 1.
    const lines = texts(first.blocks);
    expect(lines.slice(0, 2)).toEqual([
      'Goal set: 10 deals — this-quarter',
      ':dart: The team’s goal is *10* deals from 2026-04-01 to 2026-06-30. The weekly retro and App Home will compare each week with the per-week figures below.',
    ]);
    expect(lines[2]).toContain(
      [
        'Lead         68.4 %               323        25',
        'MQL          69.2 %               221        17',
        'SAL          77.8 %               153        12',
        'SQL          28.6 %               119        10',
        'Opportunity  60.0 % (default)      34         3',
      ].join('\n'),
    );
    expect(lines[3]).toBe(
      [
        '• *Opportunity*: 60.0 % (default — only 2 leads reached Opportunity in the last 90 days, need 5)',
        '• *Negotiation*: 50.0 % (default — only 1 lead reached Negotiation in the last 90 days, need 5)',
        '• *Closing*: 90.0 % (default — only 1 lead reached Closing in the last 90 days, need 5)',
      ].join('\n'),
    );

    const [stored, ...others] = await goals();
    expect(others).toEqual([]);
    expect(stored).toMatchObject({
      teamId: TEAM_ID,
      periodStart: '2026-04-01',
      periodEnd: '2026-07-01',
      deals: 10,
      setBy: 'U0MGR0001',
      setAt: new Date(NOW),
    });
    expect(needed(stored!.plan)).toEqual({
      Lead: [323, 25],
      MQL: [221, 17],
      SAL: [153, 12],
      SQL: [119, 10],
      Opportunity: [34, 3],
      Negotiation: [20, 2],
      Closing: [10, 1],
      Retention: [9, 1],
    });
    expect(stored!.plan).toMatchObject({ days: 91, weeks: 13, trailingDays: 90, minSample: 5 });

    t.clock.set('2026-05-13T04:00:00Z');
    const second = await funnel('U0MGR0001', 'plan set 12 this-quarter');
    expect(texts(second.blocks)[1]).toBe(
      ':dart: The team’s goal is *12* deals from 2026-04-01 to 2026-06-30. The weekly retro and App Home will compare each week with the per-week figures below. It replaces the goal of 10 deals set by <@U0MGR0001>.',
    );
    const [replaced, ...none] = await goals();
    expect(none).toEqual([]);
    expect(replaced).toMatchObject({ id: stored!.id, deals: 12, setAt: new Date('2026-05-13T04:00:00Z') });
    // An hour later the window starts at 2026-02-12T04:00Z, so its first lead (03:00) has left it:
    // count(Lead) is 18. Closing 12; Negotiation 24; Opportunity 24/0.6 = 40; SQL 40×7/2 = 140;
    // SAL 140×9/7 = 180; MQL 180×13/9 = 260; Lead 260×18/13 = 360; Retention ceil(12×0.9 = 10.8) = 11.
    // Per week (13): ceil(27.7) = 28, 20, ceil(13.8) = 14, ceil(10.8) = 11, ceil(3.1) = 4, 2, 1, 1.
    expect(needed(replaced!.plan)).toEqual({
      Lead: [360, 28],
      MQL: [260, 20],
      SAL: [180, 14],
      SQL: [140, 11],
      Opportunity: [40, 4],
      Negotiation: [24, 2],
      Closing: [12, 1],
      Retention: [11, 1],
    });
    t.clock.set(NOW);
  });

  it('stores goals for a week and a future quarter beside it; the most specific covers a day', async () => {
    await funnel('U0MGR0001', 'plan set 3 this-week');
    await funnel('U0MGR0001', 'plan set 14 2026-07-01..2026-09-30');
    expect(
      (await goals()).map((g) => [
        g.periodStart,
        g.periodEnd,
        g.deals,
        (g.plan as unknown as FunnelPlan).weeks,
      ]),
    ).toEqual([
      ['2026-04-01', '2026-07-01', 12, 13],
      ['2026-05-11', '2026-05-18', 3, 1], // Monday to Sunday in Seoul
      ['2026-07-01', '2026-10-01', 14, 14], // 92 days = 14 weeks
    ]);
    const service = t.baton.context.services.funnelPlan;
    expect((await service.goalFor(TEAM_ID, '2026-05-13'))?.deals).toBe(3);
    expect((await service.goalFor(TEAM_ID, '2026-05-18'))?.deals).toBe(12);
    expect((await service.goalFor(TEAM_ID, '2026-06-30'))?.deals).toBe(12);
    expect((await service.goalFor(TEAM_ID, '2026-07-01'))?.deals).toBe(14);
    expect(await service.goalFor(TEAM_ID, '2026-10-01')).toBeUndefined();
  });
});
