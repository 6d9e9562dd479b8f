import { describe, expect, it } from 'vitest';
import type { LeadRow } from '../../../src/db/queries/leads.js';
import { weekPeriod } from '../../../src/domain/periods.js';
import { messages } from '../../../src/i18n/index.js';
import type { MyPipeline, TeamFunnel } from '../../../src/services/home.js';
import type { SlaBoard } from '../../../src/services/sla-board.js';
import { memberHome } from '../../../src/slack/blocks/home.js';
import { homeFunnelBlocks, stageFigure } from '../../../src/slack/blocks/home-funnel.js';
import { homeMyLeadsBlocks } from '../../../src/slack/blocks/home-my-leads.js';
import { packedSections } from '../../../src/slack/blocks/sections.js';
import { slaBoardBlocks } from '../../../src/slack/blocks/sla-board.js';

const en = messages('en');
const ko = messages('ko');
const NOW = new Date('2026-12-02T10:20:00Z');
// Monday 2026-11-30 to Sunday 2026-12-06, still running.
const WEEK = weekPeriod(NOW, 'UTC');

const token = (iso: string) =>
  `<!date^${Date.parse(iso) / 1000}^{date_short_pretty} {time}|${iso.slice(0, 16).replace('T', ' ')} UTC>`;

function lead(id: number, over: Partial<LeadRow> = {}): LeadRow {
  const at = new Date('2026-12-01T09:00:00Z');
  return {
    id,
    teamId: 'T0TEST',
    source: 'website',
    externalId: null,
    email: `lead${id}@acme.io`,
    name: `Lead ${id}`,
    company: 'Acme',
    title: null,
    phone: null,
    companySize: 20,
    industry: null,
    website: null,
    message: null,
    form: 'demo_request',
    utm: {},
    extra: {},
    emailDomain: 'acme.io',
    segment: 'smb',
    stage: 'SAL',
    stageEnteredAt: at,
    furthestStage: 'SAL',
    amount: null,
    currency: null,
    competitor: null,
    stageReason: null,
    revisitOn: null,
    score: 0,
    routed: true,
    ownerId: 'U0SDR0001',
    ownerSince: at,
    marketerId: null,
    cardChannel: 'C0LEADS',
    cardTs: `17000000${id}.000100`,
    contextCount: 0,
    slaDueAt: null,
    slaState: null,
    firstTouchAt: null,
    firstTouchChannel: null,
    firstTouchBusinessMinutes: null,
    importId: null,
    createdAt: at,
    updatedAt: at,
    ...over,
  };
}

/** The text of every block (section text or its fields, headers, contexts), one entry per block. */
function texts(blocks: readonly unknown[]): string[] {
  return blocks.map((b) => {
    const raw = b as {
      text?: { text: string };
      fields?: Array<{ text: string }>;
      elements?: Array<{ text: string }>;
    };
    if (raw.text) return raw.text.text;
    if (raw.fields) return raw.fields.map((f) => f.text).join(' | ');
    return (raw.elements ?? []).map((e) => e.text).join(' ');
  });
}

describe('my leads on Home', () => {
  const pipeline: MyPipeline = {
    stages: [
      {
        stage: 'SAL',
        label: 'Sales accepted',
        leads: [
          {
            lead: lead(1, { slaState: 'running', slaDueAt: new Date('2026-12-02T11:00:00Z') }),
            nextStep: { day: 1, label: 'First call', dueAt: new Date('2026-12-02T10:05:00Z') },
          },
          {
            lead: lead(2, { slaState: 'running', slaDueAt: new Date('2026-12-02T10:00:00Z') }),
            nextStep: null,
          },
        ],
      },
      {
        stage: 'SQL',
        label: 'SQL',
        leads: [
          {
            lead: lead(3, { stage: 'SQL', slaState: 'met', company: null }),
            nextStep: { day: 4, label: 'Second call', dueAt: new Date('2026-12-04T00:00:00Z') },
          },
          { lead: lead(4, { stage: 'SQL', slaState: 'breached' }), nextStep: null },
          { lead: lead(5, { stage: 'SQL', slaState: null }), nextStep: null },
        ],
      },
    ],
    total: 5,
  };

  it('groups by stage with the SLA state and the next cadence step, linking cards it knows', () => {
    const links = new Map([[1, 'https://acme.slack.com/archives/C0LEADS/p1700000001000100']]);
    expect(texts(homeMyLeadsBlocks(en, pipeline, links, NOW))).toEqual([
      'My open leads (5)',
      [
        '*Sales accepted* (2)',
        `• #1 <https://acme.slack.com/archives/C0LEADS/p1700000001000100|Lead 1> (Acme) · :stopwatch: first touch due ${token('2026-12-02T11:00:00Z')} · next: Day 1 · First call, ${token('2026-12-02T10:05:00Z')}`,
        `• #2 *Lead 2* (Acme) · :red_circle: first touch overdue (was due ${token('2026-12-02T10:00:00Z')})`,
      ].join('\n'),
      [
        '*SQL* (3)',
        `• #3 *Lead 3* · :white_check_mark: SLA met · next: Day 4 · Second call, ${token('2026-12-04T00:00:00Z')}`,
        '• #4 *Lead 4* (Acme) · :red_circle: SLA breached',
        '• #5 *Lead 5* (Acme)',
      ].join('\n'),
    ]);
  });

  it('says how many more there are and where to see them', () => {
    const capped = { ...pipeline, total: 31 };
    expect(texts(homeMyLeadsBlocks(en, capped, new Map(), NOW)).at(-1)).toBe('…and 26 more — `/lead mine`');
    expect(texts(homeMyLeadsBlocks(ko, capped, new Map(), NOW)).at(-1)).toBe('…외 26건 — `/lead mine`');
  });

  it('says so when there are none', () => {
    expect(texts(homeMyLeadsBlocks(en, { stages: [], total: 0 }, new Map(), NOW))).toEqual([
      'My open leads (0)',
      'You have no open leads. New leads for your segments arrive in the leads channel.',
    ]);
  });

  it('escapes names, companies, stage labels and cadence labels, and clips long labels', () => {
    const hostile: MyPipeline = {
      stages: [
        {
          stage: 'SAL',
          label: '<!here> SAL',
          leads: [
            {
              lead: lead(9, { name: '<!channel> & co', company: '<@U0BOSS>' }),
              nextStep: { day: 2, label: `<b>${'x'.repeat(80)}`, dueAt: new Date('2026-12-03T00:00:00Z') },
            },
          ],
        },
      ],
      total: 1,
    };
    const [, text] = texts(homeMyLeadsBlocks(en, hostile, new Map(), NOW));
    // The label is clipped to 60 characters (59 and an ellipsis) before it is escaped.
    expect(text).toBe(
      `*&lt;!here&gt; SAL* (1)\n• #9 *&lt;!channel&gt; &amp; co* (&lt;@U0BOSS&gt;) · next: Day 2 · &lt;b&gt;${'x'.repeat(56)}…, ${token('2026-12-03T00:00:00Z')}`,
    );
    expect(text).not.toMatch(/<!(channel|here)>|<@U0BOSS>/);
  });
});

describe('packedSections', () => {
  it('keeps every section under Slack’s 3000 characters and loses no line', () => {
    const lines = Array.from(
      { length: 20 },
      (_, i) => `• line ${String(i).padStart(2, '0')} ${'y'.repeat(480)}`,
    );
    const sections = texts(packedSections('*Heading*', lines));
    for (const text of sections) expect(text.length).toBeLessThanOrEqual(3000);
    // Lines are 491 characters: 5 fit under 2900 with the heading (9 + 5 × 492), then 5 a section.
    expect(sections.map((s) => s.split('\n').length)).toEqual([6, 5, 5, 5]);
    expect(sections.join('\n').split('\n')).toEqual(['*Heading*', ...lines]);
  });
});

describe('the team funnel on Home', () => {
  const stages = [
    { stage: 'Lead', label: 'Lead', count: 1234, goal: 2000 },
    { stage: 'MQL', label: 'MQL', count: 13, goal: 12 },
    { stage: 'SAL', label: '<SAL>', count: 0, goal: 7 },
  ];

  it('shows each stage as count / the week’s goal with the share reached', () => {
    expect(stageFigure(en, 1234, 2000)).toBe('1,234 / 2,000 (62 %)');
    expect(stageFigure(en, 13, 12)).toBe('13 / 12 (108 %) :white_check_mark:');
    expect(stageFigure(en, 12, 12)).toBe('12 / 12 (100 %) :white_check_mark:');
    expect(stageFigure(en, 5, null)).toBe('5');
    const team: TeamFunnel = {
      period: WEEK,
      stages,
      goal: { deals: 1200, firstDay: '2026-10-01', lastDay: '2026-12-31' },
      pulse: null,
    };
    expect(texts(homeFunnelBlocks(en, team, new Map()))).toEqual([
      'Team funnel — this week',
      '2026-11-30 – 2026-12-06 · leads that arrived this week, by the furthest stage they reached (cohort)',
      '*Lead*\n1,234 / 2,000 (62 %) | *MQL*\n13 / 12 (108 %) :white_check_mark: | *&lt;SAL&gt;*\n0 / 7 (0 %)',
      'Goal: *1,200* deals for 2026-10-01 – 2026-12-31; each stage shows count / this week’s share of the goal.',
      'The full report: `/funnel` · last week: `/funnel last-week`',
    ]);
  });

  it('without a goal shows counts and how to set one; more than 10 stages take two sections', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({
      stage: `S${i}`,
      label: `S${i}`,
      count: 12 - i,
      goal: null,
    }));
    const blocks = homeFunnelBlocks(en, { period: WEEK, stages: many, goal: null, pulse: null }, new Map());
    const fieldCounts = blocks.flatMap((b) => ('fields' in b && b.fields ? [b.fields.length] : []));
    expect(fieldCounts).toEqual([10, 2]);
    expect(texts(blocks)[2]).toMatch(/^\*S0\*\n12 \| \*S1\*\n11 \|/);
    expect(texts(blocks)[4]).toBe(
      'No goal covers this week. A manager sets one with `/funnel plan set &lt;deals&gt; [period]`.',
    );
  });

  it('gives a marketer the unclaimed leads and the week’s breaches', () => {
    const team: TeamFunnel = {
      period: WEEK,
      stages,
      goal: null,
      pulse: {
        unclaimed: {
          leads: [
            lead(21, {
              ownerId: null,
              name: '<!channel>',
              slaState: 'running',
              slaDueAt: new Date('2026-12-02T11:00:00Z'),
            }),
            lead(22, { ownerId: null }),
          ],
          total: 7,
        },
        week: { touched: 3, met: 2, breached: 1 },
      },
    };
    const links = new Map([[22, 'https://acme.slack.com/archives/C0LEADS/p1700000022000100']]);
    expect(texts(homeFunnelBlocks(en, team, links)).slice(4, 6)).toEqual([
      [
        '*Unclaimed* (7)',
        `• #21 *&lt;!channel&gt;* (Acme) — arrived ${token('2026-12-01T09:00:00Z')}, due ${token('2026-12-02T11:00:00Z')}`,
        `• #22 <https://acme.slack.com/archives/C0LEADS/p1700000022000100|Lead 22> (Acme) — arrived ${token('2026-12-01T09:00:00Z')}, due —`,
        '…and 5 more',
      ].join('\n'),
      '*This week*\nFirst touches within the SLA: *67 %* (2 of 3)\nBreaches: *1*',
    ]);
    const quiet = { unclaimed: { leads: [], total: 0 }, week: { touched: 0, met: 0, breached: 0 } };
    expect(texts(homeFunnelBlocks(en, { ...team, pulse: quiet }, new Map())).slice(4, 6)).toEqual([
      '*Unclaimed* (0)\nNothing is waiting to be claimed.',
      '*This week*\nNo first touches yet this week.\nBreaches: *0*',
    ]);
  });

  it('speaks Korean', () => {
    const lines = texts(homeFunnelBlocks(ko, { period: WEEK, stages, goal: null, pulse: null }, new Map()));
    expect(lines[0]).toBe('팀 퍼널 — 이번 주');
    expect(lines[3]).toBe(
      '이번 주에 해당하는 목표가 없습니다. 매니저가 `/funnel plan set &lt;딜 수&gt; [기간]`으로 정할 수 있습니다.',
    );
  });
});

describe('a full Home', () => {
  it('stays within Slack’s 100 blocks and 3000 characters a section at the largest it gets', () => {
    const long = (id: number, over: Partial<LeadRow> = {}) =>
      lead(id, { name: 'N'.repeat(200), company: 'C'.repeat(200), cardChannel: 'C0123456789', ...over });
    const board: SlaBoard = {
      scope: 'team',
      clock: 'business',
      slaMinutes: 60,
      week: { from: WEEK.start, to: new Date('2026-12-07T00:00:00Z') },
      unclaimed: {
        items: Array.from({ length: 10 }, (_, i) => ({ lead: long(100 + i), ageMinutes: 20, dueAt: NOW })),
        total: 40,
      },
      running: {
        items: Array.from({ length: 15 }, (_, i) => ({ lead: long(200 + i), leftMinutes: -5, dueAt: NOW })),
        total: 40,
      },
      breaches: { items: [], total: 0 },
      byOwner: Array.from({ length: 30 }, (_, i) => ({
        ownerId: `U0S${i}`,
        touched: 3,
        met: 2,
        breached: 1,
      })),
      totals: { touched: 90, met: 60, breached: 30 },
    };
    // Each listed lead in a stage of its own is the most sections the list can take.
    const stageKeys = Array.from({ length: 25 }, (_, i) => `Stage ${i}`);
    const pipeline: MyPipeline = {
      stages: stageKeys.map((stage, i) => ({
        stage,
        label: stage,
        leads: [
          {
            lead: long(300 + i, { stage, slaState: 'running', slaDueAt: NOW }),
            nextStep: { day: 14, label: 'L'.repeat(200), dueAt: NOW },
          },
        ],
      })),
      total: 400,
    };
    const team: TeamFunnel = {
      period: WEEK,
      stages: stageKeys.map((stage) => ({ stage, label: stage, count: 100_000, goal: 99_999 })),
      goal: { deals: 100_000, firstDay: '2026-10-01', lastDay: '2026-12-31' },
      pulse: {
        unclaimed: { leads: Array.from({ length: 5 }, (_, i) => long(400 + i)), total: 99 },
        week: { touched: 1, met: 1, breached: 0 },
      },
    };
    const links = new Map(
      Array.from({ length: 500 }, (_, id) => [
        id,
        `https://a-long-workspace.slack.com/archives/C0123456789/p${id}`,
      ]),
    );
    const member = {
      userId: 'U0SDR0001',
      roles: ['sdr', 'marketer', 'manager', 'cs'],
      segments: ['smb'],
      away: true,
      awayUntil: NOW,
    };
    const view = memberHome(en, member, [
      slaBoardBlocks(en, board),
      homeMyLeadsBlocks(en, pipeline, links, NOW),
      homeFunnelBlocks(en, team, links),
    ]);
    // Greeting and out-of-office 2, board 23 (15 clocks), leads 27 (25 stages), team 9 (3 field
    // sections), 3 dividers, 4 tips and the commands hint 5.
    expect(view.blocks).toHaveLength(69);
    for (const text of texts(view.blocks)) expect(text.length).toBeLessThanOrEqual(3000);
  });
});
