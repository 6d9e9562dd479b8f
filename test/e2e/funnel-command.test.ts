import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLead } from '../../src/db/queries/leads.js';
import { recordStageMove } from '../../src/db/queries/stage-changes.js';
import { planStageMove, type StageMoveRequest } from '../../src/domain/lead-stages.js';
import { startTestApp, TEAM_ID, type TestApp } from '../harness/test-app.js';
import { cardTs, claimCard, HANDOFF_YAML } from './support/lead-cards.js';
import { SEOUL_CALENDAR_YAML } from './support/team-yaml.js';

const [S1, S2] = ['U0SDR0001', 'U0SDR0002'];

/**
 * The handoff team on a Seoul calendar (working hours 09:00–18:00 KST = 00:00–09:00 UTC), SQL stuck
 * after 3 days, Opportunity (shown as "Opp") never stuck.
 */
const CONFIG = `${HANDOFF_YAML}${SEOUL_CALENDAR_YAML}stages:
  working:
    - Lead
    - MQL
    - SAL
    - { key: SQL, stagnation_days: 3 }
    - { key: Opportunity, label: Opp, stagnation_days: off }
    - Negotiation
    - Closing
    - Retention
`;

// "Now" is Wednesday 2026-12-02 14:00 KST. Last week: Mon 11-23 00:00 KST (11-22T15:00Z) to
// Mon 11-30 00:00 KST (11-29T15:00Z); the week before it starts 11-15T15:00Z.
const NOW = '2026-12-02T05:00:00Z';

let t: TestApp;
const ids: Record<string, number> = {};

/** A small-business lead through the signed webhook: contact → MQL, demo_request → SQL, no form → Lead. */
async function arrive(name: string, at: string, form: 'contact' | 'demo_request' | null, source = 'website') {
  t.clock.set(at);
  const res = await t.sendLead({
    source,
    name,
    email: `${name.toLowerCase()}@acme.io`,
    company: 'Acme',
    company_size: 20,
    ...(form ? { form } : {}),
  });
  expect(res.status).toBe(202);
  await t.flushOutbox();
  ids[name] = res.json.lead_id as number;
}

/** A seller's Claim click on the card (an MQL claimed becomes a SAL). */
async function claim(name: string, owner: string, at: string) {
  t.clock.set(at);
  const leadId = ids[name]!;
  await claimCard(t, owner, leadId, await cardTs(t, leadId));
}

/** The first touch, logged with `/lead touch`. */
async function touch(name: string, owner: string, at: string) {
  t.clock.set(at);
  const res = await t.driver.command('/lead', `touch ${ids[name]} call`, { userId: owner });
  await t.slack.waitForResponse(res.responseUrl);
  await t.flushOutbox();
}

/** A stage move, checked by the funnel's rules and stored by the same query the product uses. */
async function move(name: string, at: string, request: StageMoveRequest, actor: string) {
  const config = t.baton.context.configs.for(TEAM_ID);
  const rules = {
    working: config.stages.working.map((s) => s.key),
    dealStage: config.funnel.dealStage,
    lostReasons: config.stages.lostReasons,
    disqualifyReasons: config.stages.disqualifyReasons,
    defaultCurrency: config.funnel.currency,
  };
  await t.database.db.transaction(async (tx) => {
    const lead = (await findLead(tx, TEAM_ID, ids[name]!))!;
    const planned = planStageMove(lead, request, rules, '2026-11-01');
    if (!planned.ok) throw new Error(JSON.stringify(planned.problem));
    await recordStageMove(tx, lead, planned.move, { actorId: actor, via: 'slack' }, new Date(at));
  });
}

/** The mrkdwn/plain text of every block. */
function texts(blocks: unknown): string[] {
  return ((blocks ?? []) as Array<Record<string, unknown>>).map((b) => {
    const text = (b.text as { text?: string } | undefined)?.text;
    if (text !== undefined) return text;
    return ((b.elements as Array<{ text?: string }> | undefined) ?? []).map((e) => e.text ?? '').join(' ');
  });
}

/** `/funnel …` as someone types it; the answer from the ack (help, bad input) or the response_url. */
async function funnel(text: string, userId = S1) {
  const res = await t.driver.command('/funnel', text, { userId });
  expect(res.status).toBe(200);
  if (res.body) {
    const acked = JSON.parse(res.body) as { response_type?: string; text?: string; blocks?: unknown };
    if (acked.text)
      return { via: 'ack', type: acked.response_type, text: acked.text, lines: texts(acked.blocks) };
  }
  const reply = await t.slack.waitForResponse(res.responseUrl);
  return {
    via: 'response',
    type: reply.body.response_type,
    text: String(reply.body.text),
    lines: texts(reply.body.blocks),
  };
}

/** The stage table's rows, split into cells (columns are two or more spaces apart). */
const rows = (lines: string[]) =>
  lines[2]!
    .replace(/```/g, '')
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s{2,}/));

beforeAll(async () => {
  t = await startTestApp({ configYaml: CONFIG });
  t.slack.addUser({ id: S2, name: 'yuna', tz: 'Asia/Seoul' });

  // The week before last week: an MQL nobody claimed, and an SQL that has sat in SQL ever since.
  await arrive('L0', '2026-11-18T01:00:00Z', 'contact', 'webinar');
  await arrive('L00', '2026-11-19T01:00:00Z', 'demo_request');
  await claim('L00', S2, '2026-11-19T01:05:00Z');

  // Last week.
  await arrive('L1', '2026-11-23T01:00:00Z', 'contact', 'webinar'); // Mon 10:00 KST, MQL
  await claim('L1', S1, '2026-11-23T01:10:00Z'); // → SAL
  await touch('L1', S1, '2026-11-23T01:20:00Z'); // 20 working minutes: met
  await arrive('L2', '2026-11-23T02:00:00Z', 'demo_request'); // SQL
  await claim('L2', S2, '2026-11-23T02:05:00Z');
  await touch('L2', S2, '2026-11-23T03:30:00Z'); // 90 working minutes: breached
  await arrive('L3', '2026-11-24T00:00:00Z', 'contact', 'webinar'); // MQL, never claimed
  await arrive('L4', '2026-11-24T01:00:00Z', 'demo_request');
  await claim('L4', S1, '2026-11-24T01:05:00Z');
  await touch('L4', S1, '2026-11-24T01:40:00Z'); // 40: met
  await move('L2', '2026-11-24T02:00:00Z', { to: 'Opportunity', amount: 10_000, currency: 'USD' }, S2);
  await arrive('L8', '2026-11-25T00:30:00Z', 'demo_request');
  await claim('L8', S2, '2026-11-25T00:40:00Z');
  await touch('L8', S2, '2026-11-25T00:50:00Z'); // 20: met
  await move('L1', '2026-11-25T01:00:00Z', { to: 'SQL' }, S1);
  await move('L2', '2026-11-25T02:00:00Z', { to: 'Negotiation' }, S2);
  await move('L2', '2026-11-26T02:00:00Z', { to: 'Closing' }, S2); // won
  await move(
    'L4',
    '2026-11-27T01:00:00Z',
    { to: 'Lost', reason: 'lost_to_competitor', competitor: 'Globex <b>' },
    S1,
  );
  await move('L1', '2026-11-27T01:00:00Z', { to: 'Opportunity', amount: 5_000_000, currency: 'KRW' }, S1);
  await move('L8', '2026-11-28T12:30:00Z', { to: 'Opportunity', amount: 2000, currency: 'USD' }, S2);
  await arrive('L5', '2026-11-29T14:59:00Z', null); // Sunday 23:59 KST: still last week, a Lead

  // This week.
  await arrive('L6', '2026-11-29T15:30:00Z', null); // Monday 00:30 KST (Sunday in UTC): this week
  await move('L1', '2026-12-01T01:00:00Z', { to: 'Negotiation' }, S1);
  await arrive('L7', '2026-12-01T01:00:00Z', 'demo_request');
  await claim('L7', S2, '2026-12-01T01:05:00Z');
  await touch('L7', S2, '2026-12-01T01:15:00Z'); // 15: met
  await move('L7', '2026-12-02T02:00:00Z', { to: 'SAL' }, S2); // back from SQL
  t.clock.set(NOW);
});
afterAll(async () => {
  await t?.stop();
});

describe('/funnel last-week (cohort)', () => {
  it('counts last week’s six leads by the furthest stage each reached, against the week before', async () => {
    const answer = await funnel('last-week');
    expect(answer.via).toBe('response');
    expect(answer.type).toBe('ephemeral');
    expect(answer.text).toBe('Funnel — last week (cohort)');
    expect(answer.lines[1]).toBe(
      ':calendar: 2026-11-23 – 2026-11-29 · change against 2026-11-16 – 2026-11-22',
    );
    // Cohort L1 (now Negotiation), L2 (Closing), L3 (MQL), L4 (SQL, then Lost), L5 (Lead), L8 (Opp).
    // The week before: L0 (MQL) and L00 (SQL): Lead 2, MQL 2, SAL 1, SQL 1.
    // Medians over stays that ended last week: MQL L1 10 min; SAL L1 2 days − 10 min;
    // SQL L2 1, L1 2, L4 3, L8 3.5 days → (2 + 3) / 2; Opp L2 1; Negotiation L2 1.
    expect(rows(answer.lines)).toEqual([
      ['Stage', 'Count', '→ next', 'Change', 'Days'],
      ['Lead', '6', '83%', '▲4 +200%', '—'], // 5/6; 6 − 2
      ['MQL', '5', '80%', '▲3 +150%', '0.0'], // 4/5; 5 − 2
      ['SAL', '4', '100%', '▲3 +300%', '2.0'], // L1, L2, L4, L8 (the SQLs passed through SAL)
      ['SQL', '4', '75%', '▲3 +300%', '2.5'], // 3/4
      ['Opp', '3', '67%', '▲3', '1.0'], // 2/3; none the week before
      ['Negotiation', '2', '50%', '▲2', '1.0'],
      ['Closing', '1', '0%', '▲1', '—'],
      ['Retention', '0', '—', '0', '—'],
    ]);
    // Lead (6) converts 83 %, MQL (5) 80 %: MQL is the bottleneck; the week before MQL → SAL was 1/2.
    expect(answer.lines[4]).toBe(
      ':warning: *Bottleneck: MQL → SAL* converts 80% (previous period: 50%); median time in MQL: 0.0 days.',
    );
    // Routed: L1, L2, L3, L4, L8 (L5 is a Lead, not routed). Touches 20, 90, 40, 20 minutes:
    // median (20 + 40) / 2 = 30; p90 at rank 0.9 × 3 = 2.7: 40 + 0.7 × (90 − 40) = 75. Met 3, breached 1.
    expect(answer.lines[5]).toBe(
      '*Speed to lead*\nmedian 30 working minutes · p90 75 working minutes to the first touch · 75% within the SLA (3 of 4 decided)\n4 of 5 routed leads touched',
    );
    // Won: L2 (reached Closing, $10,000). Lost: L4, to Globex.
    expect(answer.lines[6]).toBe(
      '*Deals*\nwon 1 · lost 1 · win rate 50%\nAmount won: $10,000.00\nPer competitor: Globex &lt;b&gt; 0 won / 1 lost (0%)',
    );
    // Stuck now: L00 has sat in SQL since 11-19 (13 days > 3). L8 sits in Opp, which is never stuck;
    // no other stage has 5 finished stays for a historical threshold.
    expect(answer.lines[7]).toBe('*Stuck now* (1)\n• SQL: 1 over 3.0 days');
    expect(answer.lines.at(-1)).toContain(
      'For the stage entries that happened during the period: `/funnel last-week flow`',
    );
  });

  it('in flow mode counts last week’s stage entries, skips expanded, and deals by their moves', async () => {
    const answer = await funnel('flow last-week');
    expect(answer.text).toBe('Funnel — last week (flow)');
    // Arrivals: L1, L3 (MQL: Lead + MQL), L2, L4, L8 (SQL: Lead, MQL, SAL, SQL), L5 (Lead).
    // Moves: L1 MQL→SAL (claim), SAL→SQL, SQL→Opp; L2 SQL→Opp, →Negotiation, →Closing; L8 SQL→Opp.
    expect(rows(answer.lines).slice(1)).toEqual([
      ['Lead', '6', '83%', '▲4 +200%', '—'],
      ['MQL', '5', '80%', '▲3 +150%', '0.0'],
      ['SAL', '4', '100%', '▲3 +300%', '2.0'],
      ['SQL', '4', '75%', '▲3 +300%', '2.5'],
      ['Opp', '3', '33%', '▲3', '1.0'], // L2, L1, L8 entered; only L2 went on to Negotiation
      ['Negotiation', '1', '100%', '▲1', '1.0'],
      ['Closing', '1', '0%', '▲1', '—'],
      ['Retention', '0', '—', '0', '—'],
    ]);
    // Won: L2's move into Closing ($10,000 on the move). Lost: L4's move into Lost.
    expect(answer.lines[6]).toBe(
      '*Deals*\nwon 1 · lost 1 · win rate 50%\nAmount won: $10,000.00\nPer competitor: Globex &lt;b&gt; 0 won / 1 lost (0%)',
    );
  });
});

describe('/funnel this-week by owner flow', () => {
  it('counts this week’s entries so far against last week cut at Wednesday 14:00, per owner on the move', async () => {
    const answer = await funnel('this-week by owner flow', S2);
    expect(answer.text).toBe('Funnel — this week (flow)');
    expect(answer.lines[1]).toBe(
      ':calendar: 2026-11-30 – 2026-12-06, so far · change against 2026-11-23 – 2026-11-25, cut at the same point',
    );
    // This week: L6 arrives as a Lead at 00:30 Monday KST; L7 arrives as an SQL; L1 Opp → Negotiation;
    // L7 SQL → SAL is a move back. Last week to Wednesday 14:00 KST: arrivals L1, L3 (MQL),
    // L2, L4, L8 (SQL), L1's claim (SAL) and SAL → SQL, L2 → Opp and → Negotiation.
    expect(rows(answer.lines).slice(1)).toEqual([
      ['Lead', '2', '50%', '▼3 -60%', '—'], // 2 − 5
      ['MQL', '1', '100%', '▼4 -80%', '—'], // 1 − 5
      ['SAL', '1', '100%', '▼3 -75%', '—'], // 1 − 4
      ['SQL', '1', '0%', '▼3 -75%', '1.0'], // L7's SQL stay: 1 day 1 hour
      ['Opp', '0', '—', '▼1 -100%', '4.0'], // L1's Opp stay ended Tuesday: 4 days
      ['Negotiation', '1', '0%', '0', '—'],
      ['Closing', '0', '—', '0', '—'],
      ['Retention', '0', '—', '0', '—'],
    ]);
    expect(answer.lines[4]).toBe(
      'Bottleneck: not enough data — no stage before the won stage has 5 or more.\n:leftwards_arrow_with_hook: 1 move back to an earlier stage (not counted as entries).',
    );
    expect(answer.lines[5]).toBe(
      '*Speed to lead*\nmedian 15 working minutes · p90 15 working minutes to the first touch · 100% within the SLA (1 of 1 decided)\n1 of 1 routed leads touched',
    );
    expect(answer.lines[6]).toBe('*Deals*\nwon 0 · lost 0 · win rate —\nAmount won: none recorded');
    // Arrivals carry no owner yet (claims come later); L1's move is S1's; S2's only move went back.
    expect(answer.lines[8]).toBe(
      [
        '*By owner* — counts per stage: Lead → MQL → SAL → SQL → Opp → Negotiation → Closing → Retention',
        '• Unassigned — 2 → 1 → 1 → 1 → 0 → 0 → 0 → 0',
        `• <@${S1}> — 0 → 0 → 0 → 0 → 0 → 1 → 0 → 0`,
      ].join('\n'),
    );
    expect(answer.lines.at(-1)).toContain('how far they got: `/funnel this-week by owner cohort`');
  });
});

describe('/funnel input and access', () => {
  it('refuses an impossible date in the ack, naming it and the accepted forms', async () => {
    const answer = await funnel('2026-02-30..2026-03-01');
    expect(answer.via).toBe('ack');
    expect(answer.type).toBe('ephemeral');
    expect(answer.text).toBe(
      '`2026-02-30` is not a date: use YYYY-MM-DD, like 2026-01-05. Try `/funnel [this-week | last-week | this-month | last-month | this-quarter | last-quarter | YYYY-MM-DD..YYYY-MM-DD] [by segment | source | owner] [cohort | flow] [chart]`, or `/funnel help`.',
    );
    const future = await funnel('2026-12-03..2026-12-05');
    expect(future.text).toMatch(/^The range starts on 2026-12-03, after today \(2026-12-02\)/);
  });

  it('names an unknown word, escaped', async () => {
    const answer = await funnel('last-week <!channel>');
    expect(answer.via).toBe('ack');
    expect(answer.text).toMatch(/^I don't know `&lt;!channel&gt;` in `\/funnel`\. Try /);
    expect((await funnel('by region')).text).toBe(
      "`by region` can't split the funnel: use `by segment`, `by source` or `by owner`.",
    );
  });

  it('explains itself with help, plan, export and chart included', async () => {
    const answer = await funnel('help');
    expect(answer.via).toBe('ack');
    expect(answer.text).toBe('Baton — /funnel: the funnel, stage by stage');
    const all = answer.lines.join('\n');
    expect(all).toContain('`/funnel [period] [by segment|source|owner] [cohort|flow] [chart]`');
    expect(all).toContain('`/funnel plan &lt;deals&gt; [period]`');
    expect(all).toContain('`/funnel export [period]`');
    expect(all).toContain('`chart` — Also share the funnel as a chart image.');
  });

  it('tells someone off the roster how to be added', async () => {
    const answer = await funnel('last-week', 'U0STRANGER');
    expect(answer.type).toBe('ephemeral');
    expect(answer.text).toContain('Ask <@U0MGR0001> to add your Slack user ID `U0STRANGER`');
    expect(answer.lines).toEqual([]);
  });
});
