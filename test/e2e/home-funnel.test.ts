import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { upsertGoal } from '../../src/db/queries/funnel-goals.js';
import { buildPlan } from '../../src/domain/plan.js';
import { startTestApp, TEAM_ID, type TestApp } from '../harness/test-app.js';
import { cardTs, claimCard, newCard } from './support/lead-cards.js';
import { CLAIM_ROUTING_YAML, HANDOFF_ROSTER, rosterYaml } from './support/team-yaml.js';

/**
 * Default calendar: UTC, Monday to Friday 09:00–18:00, a 60-minute business-hours SLA whose only
 * escalation step marks the breach; the default cadence (day 1 call within 5 min, day 2 email,
 * day 4 call, day 7 email with deck, …) and stop stage (Opportunity). The week under test is
 * Monday 2026-11-30 to Sunday 2026-12-06; "now" is Wednesday 2026-12-02 10:20. The handoff team,
 * plus a team lead who is an enterprise AE, a manager and a marketer at once.
 */
const CONFIG = `locale: en
sla:
  escalations:
    - { after_minutes: 60, action: breach }
${CLAIM_ROUTING_YAML}${rosterYaml([
  ...HANDOFF_ROSTER,
  '{ user: U0LEAD0001, roles: [ae, manager, marketer], segments: [enterprise] }',
])}`;
const SELLER = 'U0SDR0001';
const NOW = '2026-12-02T10:20:00Z';

let t: TestApp;
const ids: Record<string, number> = {};
const cards: Record<string, string> = {};

/** The text of every block (section text or fields, headers, contexts), one entry per block. */
function texts(blocks: unknown): string[] {
  return ((blocks ?? []) as Array<Record<string, unknown>>).map((b) => {
    const text = (b.text as { text?: string } | undefined)?.text;
    if (text !== undefined) return text;
    const fields = b.fields as Array<{ text: string }> | undefined;
    if (fields) return fields.map((f) => f.text).join(' | ');
    return ((b.elements as Array<{ text?: string }> | undefined) ?? []).map((e) => e.text ?? '').join(' ');
  });
}

const date = (iso: string) =>
  `<!date^${Date.parse(iso) / 1000}^{date_short_pretty} {time}|${iso.slice(0, 16).replace('T', ' ')} UTC>`;
const link = (key: string) =>
  `https://baton-test.slack.com/archives/C0LEADS/p${cards[key]!.replace('.', '')}`;

/**
 * Moves the clock, runs the jobs due by then (SLA breach, cadence steps) and delivers Slack writes;
 * delivering paces posts by moving the clock, so it is set back to `iso` for what happens next.
 */
async function at(iso: string) {
  t.clock.set(iso);
  await t.baton.jobs.runDue();
  await t.flushOutbox();
  t.clock.set(iso);
}

/** A small-business lead with a card; `form` decides its stage (contact: MQL, demo_request: SQL). */
async function smbLead(
  key: string,
  when: string,
  name: string,
  form: 'contact' | 'demo_request',
  owner: string | null,
) {
  await at(when);
  const made = await newCard(t, `${key}@acme.io`, name, form);
  ids[key] = made.leadId;
  cards[key] = made.cardTs;
  if (owner) await claim(key, owner);
}

const claim = (key: string, owner: string) => claimCard(t, owner, ids[key]!, cards[key]!);

async function touch(key: string, when: string) {
  await at(when);
  const res = await t.driver.command('/lead', `touch ${ids[key]} call`, { userId: SELLER });
  await t.slack.waitForResponse(res.responseUrl);
}

async function move(key: string, when: string, request: { to: string; [k: string]: unknown }) {
  await at(when);
  const moved = await t.baton.context.services.stageMoves.move(
    TEAM_ID,
    ids[key]!,
    request,
    { actorId: SELLER, via: 'slack' },
    t.clock.now(),
  );
  expect(moved.ok).toBe(true);
  await t.flushOutbox();
}

async function openHome(userId: string) {
  const before = t.slack.callsTo('views.publish').length;
  await t.driver.event({ type: 'app_home_opened', user: userId, tab: 'home' });
  await vi.waitFor(() => expect(t.slack.callsTo('views.publish').length).toBeGreaterThan(before));
  const blocks = t.slack.homeView(userId)?.blocks ?? [];
  expect(blocks.length).toBeLessThanOrEqual(100);
  return texts(blocks);
}

/** The blocks of the team section, from its header to the report hint. */
function teamSection(home: string[]): string[] {
  const start = home.indexOf('Team funnel — this week');
  expect(start).toBeGreaterThan(0);
  return home.slice(
    start,
    home.indexOf('The full report: `/funnel` · last week: `/funnel last-week`', start) + 1,
  );
}

beforeAll(async () => {
  t = await startTestApp({ configYaml: CONFIG });
  t.slack.addUser({ id: 'U0SDR0002', name: 'yuna', tz: 'Asia/Seoul' });
  t.slack.addUser({ id: 'U0LEAD0001', name: 'jun', tz: 'Asia/Seoul' });

  // Last week: Pia, claimed (an MQL claimed by sales becomes a SAL) and touched on time, then SQL.
  await smbLead('pia', '2026-11-27T10:00:00Z', 'Pia Prior', 'contact', SELLER);
  await touch('pia', '2026-11-27T10:10:00Z');
  await move('pia', '2026-11-30T09:30:00Z', { to: 'SQL' });
  // Monday: Ann (SAL, touched on time); Dee (arrived SQL, touched on time); Eve (SAL, touched, then Lost).
  await smbLead('ann', '2026-11-30T10:00:00Z', 'Ann Alpha', 'contact', SELLER);
  await touch('ann', '2026-11-30T10:30:00Z');
  await smbLead('dee', '2026-11-30T11:00:00Z', 'Dee Delta', 'demo_request', SELLER);
  await touch('dee', '2026-11-30T11:20:00Z');
  await smbLead('eve', '2026-11-30T12:00:00Z', 'Eve Lost', 'contact', SELLER);
  await touch('eve', '2026-11-30T12:10:00Z');
  await move('eve', '2026-11-30T12:30:00Z', { to: 'Lost', reason: 'no_budget' });
  // Tuesday: Ben (SQL, never touched: breached at 11:00); Dee becomes an opportunity, so her cadence stops.
  await smbLead('ben', '2026-12-01T10:00:00Z', 'Ben Beta', 'demo_request', SELLER);
  await move('dee', '2026-12-01T10:05:00Z', { to: 'Opportunity', amount: 5000, currency: 'USD' });
  // Tuesday 14:00: an enterprise demo request nobody claims (breached at 15:00).
  await at('2026-12-01T14:00:00Z');
  const big = await t.sendLead({
    source: 'website',
    name: 'Gus Big',
    email: 'gus@globex.io',
    company: 'Globex',
    company_size: 5000,
    form: 'demo_request',
  });
  ids.gus = big.json.lead_id as number;
  // Wednesday: Lou (a Lead: counted, not routed), Uma (unclaimed MQL), Cy (SQL, claimed, clock running).
  await at('2026-12-02T09:00:00Z');
  const low = await t.sendLead({ source: 'website', name: 'Lou Low', email: 'lou@acme.io', company: 'Acme' });
  ids.lou = low.json.lead_id as number;
  await smbLead('uma', '2026-12-02T10:00:00Z', 'Uma Unclaimed', 'contact', null);
  await smbLead('cy', '2026-12-02T10:10:00Z', 'Cy Gamma', 'demo_request', null);
  await at('2026-12-02T10:12:00Z');
  await claim('cy', SELLER);
  await at(NOW);
});
afterAll(async () => {
  await t?.stop();
});

describe('App Home for a seller', () => {
  it('lists their open leads by stage with the SLA state and the next cadence step, linked to the cards', async () => {
    const home = await openHome(SELLER);
    expect(home[0]).toMatch(/^Hi <@U0SDR0001>!/);
    expect(home[1]).toBe('SLA board');
    const start = home.indexOf('My open leads (5)');
    expect(start).toBeGreaterThan(1);
    // Stage order, oldest first within a stage; Eve is Lost, so not open.
    expect(home.slice(start, start + 4)).toEqual([
      'My open leads (5)',
      // Claimed Monday 10:00: day 1 and day 2 have run; day 4 is Thursday's working start.
      `*SAL* (1)\n• #${ids.ann} <${link('ann')}|Ann Alpha> (Acme) · :white_check_mark: SLA met · next: Day 4 · Second call, ${date('2026-12-03T09:00:00Z')}`,
      [
        '*SQL* (3)',
        // Claimed Friday 11-27: days 1, 2 (Saturday → Monday) and 4 (Monday) have run; day 7 is Thursday.
        `• #${ids.pia} <${link('pia')}|Pia Prior> (Acme) · :white_check_mark: SLA met · next: Day 7 · Email with deck, ${date('2026-12-03T09:00:00Z')}`,
        // Claimed Tuesday 10:00 and never touched: breached at 11:00; day 4 is Friday.
        `• #${ids.ben} <${link('ben')}|Ben Beta> (Acme) · :red_circle: SLA breached · next: Day 4 · Second call, ${date('2026-12-04T09:00:00Z')}`,
        // Arrived 10:10, due 11:10; claimed 10:12, day 1 (10:17) has run; day 2 is Thursday.
        `• #${ids.cy} <${link('cy')}|Cy Gamma> (Acme) · :stopwatch: first touch due ${date('2026-12-02T11:10:00Z')} · next: Day 2 · Follow-up email, ${date('2026-12-03T09:00:00Z')}`,
      ].join('\n'),
      // Opportunity is the cadence's stop stage: its remaining steps will be skipped, so none is next.
      `*Opportunity* (1)\n• #${ids.dee} <${link('dee')}|Dee Delta> (Acme) · :white_check_mark: SLA met`,
    ]);
    // A seller is not shown the team funnel.
    expect(home).not.toContain('Team funnel — this week');
  });

  it('asks Slack for each card link once, not on every open', async () => {
    const before = t.slack.callsTo('chat.getPermalink').length;
    const home = await openHome(SELLER);
    expect(t.slack.callsTo('chat.getPermalink')).toHaveLength(before);
    expect(home.join('\n')).toContain(`<${link('cy')}|Cy Gamma>`);
  });

  it('shows a touch logged since on the next open', async () => {
    await touch('cy', NOW);
    const home = await openHome(SELLER);
    expect(home.join('\n')).toContain(`<${link('cy')}|Cy Gamma> (Acme) · :white_check_mark: SLA met`);
  });
});

describe('App Home for the team', () => {
  it('shows a manager this week’s cohort counts, and how to set a goal when none is stored', async () => {
    const home = await openHome('U0MGR0001');
    expect(home[1]).toBe('SLA board — the team');
    // Leads created this week by furthest stage: Ann SAL, Ben SQL, Cy SQL, Dee Opportunity,
    // Eve SAL (now Lost), Gus SQL, Lou Lead, Uma MQL. Each counts for its stage and every earlier one:
    // Lead 8; MQL 8 − Lou = 7; SAL 7 − Uma = 6; SQL 6 − Ann − Eve = 4; Opportunity: Dee = 1.
    expect(teamSection(home)).toEqual([
      'Team funnel — this week',
      '2026-11-30 – 2026-12-06 · leads that arrived this week, by the furthest stage they reached (cohort)',
      '*Lead*\n8 | *MQL*\n7 | *SAL*\n6 | *SQL*\n4 | *Opportunity*\n1 | *Negotiation*\n0 | *Closing*\n0 | *Retention*\n0',
      'No goal covers this week. A manager sets one with `/funnel plan set &lt;deals&gt; [period]`.',
      'The full report: `/funnel` · last week: `/funnel last-week`',
    ]);
    // Unclaimed leads and breaches are on the manager's team board, not repeated in the team section.
    expect(home.filter((line) => line.startsWith('*Unclaimed*'))).toHaveLength(1);
    expect(home.join('\n')).not.toContain('My open leads');
  });

  it('compares the week with its share of the stored goal', async () => {
    const config = t.baton.context.configs.for(TEAM_ID);
    // 4 deals in December (31 days, so 5 weeks), worked back through default rates only (no history
    // reaches the minimum sample): Negotiation ⌈4 / 0.5⌉ = 8, Opportunity ⌈8 / 0.6⌉ = 14,
    // SQL ⌈14 / 0.5⌉ = 28, SAL ⌈28 / 0.5⌉ = 56, MQL ⌈56 / 0.6⌉ = 94, Lead ⌈94 / 0.4⌉ = 235,
    // Retention ⌈4 × 0.9⌉ = 4. Per week ⌈need / 5⌉: 47, 19, 12, 6, 3, 2, 1 (Closing), 1 (Retention).
    const planned = buildPlan({
      deals: 4,
      stages: config.stages.working,
      wonStage: 'Closing',
      kpiRoles: config.funnel.kpiRoles,
      trailingDays: 90,
      minSample: 30,
      defaultRates: {
        Lead: 0.4,
        MQL: 0.6,
        SAL: 0.5,
        SQL: 0.5,
        Opportunity: 0.6,
        Negotiation: 0.5,
        Closing: 0.9,
      },
      reach: [],
      days: 31,
    });
    if (!planned.ok) throw new Error('the plan was refused');
    await upsertGoal(t.database.db, {
      teamId: TEAM_ID,
      periodStart: '2026-12-01',
      periodEnd: '2027-01-01',
      deals: 4,
      plan: planned.plan,
      setBy: 'U0MGR0001',
      setAt: new Date(NOW),
    });
    const team = teamSection(await openHome('U0MGR0001'));
    // count / per week (count × 100 / per week, rounded): 8/47 17 %, 7/19 37 %, 6/12 50 %, 4/6 67 %, 1/3 33 %.
    expect(team[2]).toBe(
      [
        '*Lead*\n8 / 47 (17 %)',
        '*MQL*\n7 / 19 (37 %)',
        '*SAL*\n6 / 12 (50 %)',
        '*SQL*\n4 / 6 (67 %)',
        '*Opportunity*\n1 / 3 (33 %)',
        '*Negotiation*\n0 / 2 (0 %)',
        '*Closing*\n0 / 1 (0 %)',
        '*Retention*\n0 / 1 (0 %)',
      ].join(' | '),
    );
    expect(team[3]).toBe(
      'Goal: *4* deals for 2026-12-01 – 2026-12-31; each stage shows count / this week’s share of the goal.',
    );
  });

  it('gives a marketer the team funnel, the unclaimed leads and the week’s breaches', async () => {
    const home = await openHome('U0MKT0001');
    expect(home.join('\n')).not.toContain('SLA board');
    expect(home.join('\n')).not.toContain('My open leads');
    const team = teamSection(home);
    expect(team[2]).toMatch(/^\*Lead\*\n8 \/ 47 \(17 %\) \|/);
    const gusLink = `https://baton-test.slack.com/archives/C0ENTLEADS/p${(await cardTs(t, ids.gus!)).replace('.', '')}`;
    expect(team.slice(4, 6)).toEqual([
      [
        // Oldest first; Lou is below the routing threshold, so nobody is expected to claim him.
        '*Unclaimed* (2)',
        `• #${ids.gus} <${gusLink}|Gus Big> (Globex) — arrived ${date('2026-12-01T14:00:00Z')}, due ${date('2026-12-01T15:00:00Z')}`,
        `• #${ids.uma} <${link('uma')}|Uma Unclaimed> (Acme) — arrived ${date('2026-12-02T10:00:00Z')}, due ${date('2026-12-02T11:00:00Z')}`,
      ].join('\n'),
      // First touches this week: Ann, Dee, Eve, Cy, all on time (Pia's was last week).
      // Breaches due this week: Ben (Tuesday 11:00) and Gus (Tuesday 15:00).
      '*This week*\nFirst touches within the SLA: *100 %* (4 of 4)\nBreaches: *2*',
    ]);
  });

  it('shows someone with several roles each section once', async () => {
    const home = await openHome('U0LEAD0001');
    const count = (line: string) => home.filter((l) => l === line).length;
    expect(count('SLA board — the team')).toBe(1);
    expect(count('My open leads (0)')).toBe(1);
    expect(count('Team funnel — this week')).toBe(1);
    expect(home.filter((line) => line.startsWith('*Unclaimed*'))).toHaveLength(1);
  });

  it('shows someone not on the roster how to be added, and nothing of the team', async () => {
    const home = await openHome('U0STRANGER');
    expect(home[0]).toBe('You are not on the Baton roster yet');
    expect(home.join('\n')).toContain('`U0STRANGER`');
    expect(home.join('\n')).not.toMatch(/Team funnel|My open leads|SLA board/);
  });
});

describe('a long list of leads', () => {
  it('shows the first 25 in stage order and says how many more `/lead mine` has', async () => {
    // 27 leads for the second seller: 25 MQLs and 2 in Negotiation (the later stage is what is cut).
    for (let i = 0; i < 27; i++) {
      const res = await t.sendLead({
        source: 'website',
        name: `Bulk ${i}`,
        email: `bulk${i}@acme.io`,
        form: 'contact',
      });
      expect(res.status).toBe(202);
    }
    await t.database.rows(sql`update leads set owner_id = 'U0SDR0002' where email like 'bulk%'`);
    await t.database.rows(
      sql`update leads set stage = 'Negotiation' where email in ('bulk0@acme.io', 'bulk1@acme.io')`,
    );
    const home = await openHome('U0SDR0002');
    const start = home.indexOf('My open leads (27)');
    expect(start).toBeGreaterThan(0);
    const listed = home.slice(start + 1, home.indexOf('…and 2 more — `/lead mine`'));
    expect(listed[0]).toMatch(/^\*MQL\* \(25\)\n/);
    const lines = listed
      .join('\n')
      .split('\n')
      .filter((l) => l.startsWith('• '));
    expect(lines).toHaveLength(25);
    expect(lines.every((l) => /Bulk (\d+)/.test(l) && Number(/Bulk (\d+)/.exec(l)![1]) >= 2)).toBe(true);
    expect(listed.join('\n')).not.toContain('Negotiation');
  });
});
