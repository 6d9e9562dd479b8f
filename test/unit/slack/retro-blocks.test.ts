import { describe, expect, it } from 'vitest';
import type { ActionItemRow } from '../../../src/db/queries/action-items.js';
import type { RetroRow } from '../../../src/db/queries/retros.js';
import type { PlaybookSnapshot, RetroSnapshot } from '../../../src/domain/retro-report.js';
import { participation } from '../../../src/domain/retro-thread.js';
import { messages } from '../../../src/i18n/index.js';
import type { WeeklyParentView } from '../../../src/services/retro.js';
import type { Block } from '../../../src/slack/blocks/common.js';
import { playbookParent, playbookReply } from '../../../src/slack/blocks/playbook.js';
import { retroNudge, weeklyParent } from '../../../src/slack/blocks/retro.js';
import { weeklyReply } from '../../../src/slack/blocks/retro-replies.js';

const en = messages('en');
const ko = messages('ko');
const BUSINESS = { clock: 'business' as const };

/** The mrkdwn or plain text of each block, in order ('—actions—' for a row of buttons). */
function texts(blocks: Block[]): string[] {
  return blocks.map((b) => {
    if (b.type === 'section' || b.type === 'header') return String(b.text?.text);
    if (b.type === 'context') return (b.elements as Array<{ text: string }>).map((e) => e.text).join(' ');
    return `—${b.type}—`;
  });
}

/** The retro of 2026-W11, reviewing Monday 2026-03-02 to Sunday 03-08 in Seoul. */
const SNAPSHOT: RetroSnapshot = {
  weekKey: '2026-W11',
  reviewed: {
    key: '2026-W10',
    firstDay: '2026-03-02',
    lastDay: '2026-03-08',
    start: '2026-03-01T15:00:00.000Z',
    end: '2026-03-08T15:00:00.000Z',
  },
  funnel: {
    stages: [
      {
        stage: 'lead',
        label: 'Lead',
        count: 12,
        previousCount: 10,
        change: 2,
        changeRate: 0.2,
        conversion: 0.5,
        goal: 15,
      },
      {
        stage: 'mql',
        label: 'MQL',
        count: 6,
        previousCount: 6,
        change: 0,
        changeRate: 0,
        conversion: 0.5,
        goal: 8,
      },
      {
        stage: 'won',
        label: 'Won',
        count: 3,
        previousCount: 4,
        change: -1,
        changeRate: -0.25,
        conversion: null,
        goal: 2,
      },
    ],
    bottleneck: { stage: 'lead', next: 'mql', conversion: 0.5, previousConversion: 0.6, medianDays: 2.25 },
    goal: { deals: 8, firstDay: '2026-03-01', lastDay: '2026-03-31' },
  },
  speed: {
    leads: 10,
    touched: 8,
    medianMinutes: 42.4,
    p90Minutes: 118,
    met: 6,
    breached: 2,
    withinSla: 0.75,
  },
  sellers: [
    { userId: 'U0SDR0001', leads: 6, touched: 5, met: 4, breached: 1, withinSla: 0.8, medianMinutes: 30 },
    { userId: 'U0AE00001', leads: 0, touched: 0, met: 0, breached: 0, withinSla: null, medianMinutes: null },
  ],
  deals: {
    won: 3,
    lost: 2,
    winRate: 0.6,
    amountWon: [{ currency: 'KRW', amount: 12_000_000 }],
    byCompetitor: [{ competitor: 'Acme <Corp>', won: 1, lost: 1, winRate: 0.5 }],
    lostReasons: [
      { reason: 'price', count: 1 },
      { reason: 'unknown', count: 1 },
    ],
  },
  voc: {
    total: 3,
    previousTotal: 1,
    byCategory: [
      { category: 'pricing', count: 2, previousCount: 0, change: 2 },
      { category: null, count: 1, previousCount: 1, change: 0 },
    ],
    byCompetitor: [{ competitor: 'Acme', count: 1 }],
    tags: [{ tag: 'onboarding', count: 2 }],
    quotes: [
      {
        id: 7,
        quote: 'Too <b>expensive</b>\nfor us',
        category: 'pricing',
        sentiment: 'negative',
        competitor: 'Acme',
        authorId: 'U0CUST001',
        capturedBy: 'U0SDR0001',
        permalink: 'https://acme.slack.com/archives/C0SALES/p1700000000000100',
      },
    ],
  },
  previousActions: [
    {
      id: 1,
      text: 'Call back Acme',
      ownerId: 'U0SDR0001',
      dueOn: '2026-03-06',
      status: 'done',
      carryCount: 0,
    },
    { id: 2, text: 'Fix the <form>', ownerId: 'U0MKT0001', dueOn: null, status: 'open', carryCount: 3 },
  ],
  participants: ['U0SDR0001', 'U0AE00001', 'U0MKT0001', 'U0MGR0001'],
};

const RETRO: RetroRow = {
  id: 41,
  teamId: 'T0BATON',
  kind: 'weekly',
  periodKey: '2026-W11',
  channel: 'C0RETRO',
  parentTs: '1773018000.000100',
  snapshot: { ...SNAPSHOT },
  openedAt: new Date('2026-03-09T01:00:00Z'),
  nudgedAt: null,
  closedAt: null,
  chartClaimedAt: null,
};

const ITEM: ActionItemRow = {
  id: 2,
  teamId: 'T0BATON',
  retroId: 41,
  firstRetroId: 38,
  text: 'Fix the <form>',
  ownerId: 'U0MKT0001',
  dueOn: null,
  status: 'open',
  carryCount: 3,
  createdBy: 'U0MGR0001',
  sourceChannel: null,
  sourceTs: null,
  viewId: null,
  closedAt: null,
  closedBy: null,
  createdAt: new Date('2026-02-16T02:00:00Z'),
  updatedAt: new Date('2026-03-09T01:00:00Z'),
};

const ROLES = new Map<string, string | null>([
  ['U0SDR0001', 'sdr'],
  ['U0AE00001', 'ae'],
  ['U0MKT0001', 'marketer'],
  ['U0MGR0001', 'manager'],
]);

function view(o: Partial<WeeklyParentView> & { authors?: string[] } = {}): WeeklyParentView {
  return {
    kind: 'weekly',
    retro: RETRO,
    snapshot: SNAPSHOT,
    participation: participation(SNAPSHOT.participants, ROLES, o.authors ?? ['U0SDR0001', 'U0MGR0001']),
    notes: 3,
    items: [ITEM],
    vocThisWeek: null,
    ...o,
  };
}

describe('the weekly retro parent', () => {
  it('shows the week, the headline figures, participation so far and the action items with the button', () => {
    const message = weeklyParent(en, view());
    expect(message.text).toBe('Weekly growth retro for 2026-W11: the figures are in the thread.');
    expect(texts(message.blocks)).toEqual([
      'Weekly growth retro — 2026-W11',
      ':calendar: Reviewing 2026-03-02 – 2026-03-08 (2026-W10). The figures, the voices and the last retro’s action items are in the thread.',
      '*Lead* 12 (▲2 +20%) · won 3 · win rate 60% · 75% of first touches within the SLA · 3 VOC captured',
      ':speech_balloon: *Participation so far:* 2 of 4 · 3 notes. Reply in this thread — every reply is kept as a retro note.',
      '*Action items*\n• Fix the &lt;form&gt; · <@U0MKT0001> · :warning: carried 3×',
      '—actions—',
    ]);
    expect(message.blocks.at(-1)).toEqual({
      type: 'actions',
      block_id: 'retro_parent_actions',
      elements: [
        {
          type: 'button',
          text: { type: 'plain_text', text: 'Add action item' },
          action_id: 'retro_add_action_item',
          value: '41',
        },
      ],
    });
    expect(JSON.stringify(message)).not.toMatch(/<!channel>|<!here>/);
  });

  it('says when there are no items and nobody was asked', () => {
    const message = weeklyParent(
      en,
      view({ items: [], participation: participation([], ROLES, []), notes: 0 }),
    );
    expect(texts(message.blocks).slice(3, 5)).toEqual([
      ':speech_balloon: Nobody was on the roster when the retro opened, so nobody was asked to take part.',
      '*Action items*\nNo action items yet.',
    ]);
  });

  it('gains the summary at the close: participation per role, notes, the week’s VOC, items, the goal prompt', () => {
    const closed = view({
      retro: { ...RETRO, closedAt: new Date('2026-03-13T08:00:00Z') },
      vocThisWeek: { count: 5, firstDay: '2026-03-09', lastDay: '2026-03-13' },
    });
    expect(texts(weeklyParent(en, closed).blocks).slice(3)).toEqual([
      '—divider—',
      ':checkered_flag: *Closed — the week in summary*',
      [
        '*Participation:* 2 of 4 (50%)',
        '• Marketer: 0 of 1',
        '• Inside sales (SDR): 1 of 1 — <@U0SDR0001>',
        '• Account executive: 0 of 1',
        '• Manager: 1 of 1 — <@U0MGR0001>',
      ].join('\n'),
      '*Notes:* 3\n*VOC captured this week* (2026-03-09 – 2026-03-13, to the close): 5',
      '*Action items and owners*\n• Fix the &lt;form&gt; · <@U0MKT0001> · :warning: carried 3×',
      ':dart: Set next week’s goal: work it out with `/funnel plan &lt;deals&gt;` and store it with `/funnel plan set &lt;deals&gt;`.',
      '—actions—',
    ]);
  });

  it('is in Korean for a Korean team', () => {
    const message = weeklyParent(ko, view());
    expect(texts(message.blocks).slice(0, 4)).toEqual([
      '주간 그로스 회고 — 2026-W11',
      ':calendar: 2026-03-02 ~ 2026-03-08(2026-W10)을 돌아봅니다. 수치, VOC, 지난 회고의 액션 아이템은 스레드에 있습니다.',
      '*Lead* 12 (▲2 +20%) · 수주 3 · 수주율 60% · 첫 연락의 75%가 SLA 이내 · VOC 3건 수집',
      ':speech_balloon: *지금까지 참여:* 4명 중 2명 · 메모 3개. 이 스레드에 답글을 남겨 주세요. 모든 답글이 회고 메모로 저장됩니다.',
    ]);
  });
});

describe('the weekly retro replies', () => {
  const reply = (part: Parameters<typeof weeklyReply>[1], s = SNAPSHOT) => weeklyReply(en, part, s, BUSINESS);

  it('(a) compares each stage with the week before and the goal, with the bottleneck and speed to lead', () => {
    const message = reply('funnel');
    expect(message.text).toBe(
      '*(a) Funnel* — the leads that arrived 2026-03-02 – 2026-03-08 and how far they got',
    );
    expect(texts(message.blocks)).toEqual([
      [
        '*(a) Funnel* — the leads that arrived 2026-03-02 – 2026-03-08 and how far they got',
        '• *Lead* 12 · week before 10 · ▲2 +20% · 50% to the next stage · goal 15',
        '• *MQL* 6 · week before 6 · 0 · 50% to the next stage · goal 8',
        '• *Won* 3 · week before 4 · ▼1 -25% · goal 2',
      ].join('\n'),
      ':dart: Goal: 8 deals from 2026-03-01 to 2026-03-31; each stage is compared with its per-week figure.',
      ':warning: *Bottleneck: Lead → MQL* converts 50% (previous period: 60%); median time in Lead: 2.3 days.',
      '*Speed to lead*\nmedian 42 working minutes · p90 118 working minutes to the first touch · 75% within the SLA (6 of 8 decided)\n8 of 10 routed leads touched',
    ]);
  });

  it('(a) without a goal says how to set one', () => {
    const noGoal: RetroSnapshot = {
      ...SNAPSHOT,
      funnel: {
        ...SNAPSHOT.funnel,
        goal: null,
        bottleneck: null,
        stages: SNAPSHOT.funnel.stages.map((s) => ({ ...s, goal: null })),
      },
    };
    expect(texts(reply('funnel', noGoal).blocks).slice(0, 3)).toEqual([
      [
        '*(a) Funnel* — the leads that arrived 2026-03-02 – 2026-03-08 and how far they got',
        '• *Lead* 12 · week before 10 · ▲2 +20% · 50% to the next stage',
        '• *MQL* 6 · week before 6 · 0 · 50% to the next stage',
        '• *Won* 3 · week before 4 · ▼1 -25%',
      ].join('\n'),
      ':dart: No goal covers this week. Work one out with `/funnel plan &lt;deals&gt;` and store it with `/funnel plan set &lt;deals&gt;`.',
      'Bottleneck: not enough data — no stage before the won stage has 5 or more.',
    ]);
  });

  it('(b) lists each seller with leads, touches, met and breached, within SLA and the median', () => {
    expect(texts(reply('sla').blocks)).toEqual([
      [
        '*(b) First-touch SLA per seller* — routed leads that arrived 2026-03-02 – 2026-03-08, by current owner',
        '• <@U0SDR0001>: 6 leads · 5 touched · 4 met / 1 breached · 80% within the SLA · median 30 working minutes to the first touch',
        '• <@U0AE00001>: 0 leads · 0 touched · 0 met / 0 breached · no SLA decided · no first touch yet',
      ].join('\n'),
    ]);
  });

  it('(c) shows won and lost, amount, competitors (escaped) and lost reasons', () => {
    expect(texts(reply('deals').blocks)).toEqual([
      [
        '*(c) Won and lost* — decided 2026-03-02 – 2026-03-08',
        'won 3 · lost 2 · win rate 60%',
        'Amount won: ₩12,000,000',
        'Per competitor: Acme &lt;Corp&gt; 1 won / 1 lost (50%)',
        'Lost reasons: price 1 · unknown 1',
      ].join('\n'),
    ]);
  });

  it('(d) counts per category against the week before, names competitors and tags, quotes escaped', () => {
    expect(texts(reply('voc').blocks)).toEqual([
      [
        '*(d) Voice of the customer* — captured 2026-03-02 – 2026-03-08',
        '*3* captured (the week before: 1, ▲2 +200%)',
        '• Pricing: 2 (week before 0, ▲2)',
        '• Uncategorised: 1 (week before 1, 0)',
      ].join('\n'),
      'Competitors named: Acme 1\nTop tags: #onboarding 2',
      '*Top quotes*',
      '>Too &lt;b&gt;expensive&lt;/b&gt;\n>for us\n— <@U0CUST001> · Pricing · Acme · <https://acme.slack.com/archives/C0SALES/p1700000000000100|source>',
    ]);
  });

  it('(d) with no VOC in either week says how to capture it', () => {
    const empty: RetroSnapshot = {
      ...SNAPSHOT,
      voc: { total: 0, previousTotal: 0, byCategory: [], byCompetitor: [], tags: [], quotes: [] },
    };
    expect(texts(reply('voc', empty).blocks)).toEqual([
      '*(d) Voice of the customer* — captured 2026-03-02 – 2026-03-08\nNo VOC was captured this week or the week before. Save what customers say with `/voc`, the “Save as VOC” shortcut or a reaction.',
    ]);
  });

  it('(e) lists the last retro’s items with status and carries, flagging three carries', () => {
    expect(texts(reply('actions').blocks)).toEqual([
      [
        '*(e) Action items from the last retro*',
        '• ~Call back Acme~ · <@U0SDR0001> · due 2026-03-06 · ✅ done',
        '• Fix the &lt;form&gt; · <@U0MKT0001> · :warning: carried 3×',
        '1 still open: carried over to this retro.',
      ].join('\n'),
    ]);
    expect(texts(reply('actions', { ...SNAPSHOT, previousActions: [] }).blocks)).toEqual([
      '*(e) Action items from the last retro*\nNo action items were listed on the last retro.',
    ]);
  });

  it('(f) prompts each role', () => {
    expect(texts(reply('prompts').blocks)).toEqual([
      [
        '*(f) Over to you* — reply in this thread; every reply is kept as a retro note.',
        '• *Marketing:* which campaigns and content produced SALs this week?',
        '• *Sales:* what did customers say, and did the meetings match the notes?',
        '• *Customer success:* any churn risks or praise to pass on?',
      ].join('\n'),
    ]);
  });

  it('keeps a long seller list within a section and says how many more there are', () => {
    const many: RetroSnapshot = {
      ...SNAPSHOT,
      sellers: Array.from({ length: 40 }, (_, i) => ({
        userId: `U0S${String(i).padStart(6, '0')}`,
        leads: 1,
        touched: 1,
        met: 1,
        breached: 0,
        withinSla: 1,
        medianMinutes: 5,
      })),
    };
    const [text] = texts(reply('sla', many).blocks);
    expect(text!.length).toBeLessThanOrEqual(3000);
    expect(text).toMatch(/\n…and \d+ more$/);
  });
});

describe('the nudge DM', () => {
  it('links the thread and never pings a channel', () => {
    const link = 'https://baton.slack.com/archives/C0RETRO/p1773018000000100';
    expect(retroNudge(en, '2026-W11', link).text).toBe(
      `:wave: The growth retro for 2026-W11 is waiting for your reply. Add a line in <${link}|the retro thread>: what you saw this week helps the whole team.`,
    );
    // Anything but a plain https permalink is not made into a link.
    expect(retroNudge(en, '2026-W11', 'javascript:alert(1)|x').text).toContain(
      'Add a line in the retro thread:',
    );
  });
});

describe('the monthly playbook review', () => {
  const PLAYBOOK: PlaybookSnapshot = {
    monthKey: '2026-03',
    reviewed: {
      key: '2026-02',
      firstDay: '2026-02-01',
      lastDay: '2026-02-28',
      start: '2026-01-31T15:00:00.000Z',
      end: '2026-02-28T15:00:00.000Z',
    },
    cadence: [
      {
        step: 0,
        day: 1,
        label: 'Call within 5 min',
        due: 10,
        done: 7,
        skipped: 2,
        unanswered: 1,
        completion: 0.7,
      },
      { step: 1, day: 2, label: 'Email', due: 0, done: 0, skipped: 0, unanswered: 0, completion: null },
    ],
    sla: [
      { weekKey: '2026-W06', firstDay: '2026-02-02', met: 8, breached: 2, withinSla: 0.8, medianMinutes: 25 },
      {
        weekKey: '2026-W07',
        firstDay: '2026-02-09',
        met: 0,
        breached: 0,
        withinSla: null,
        medianMinutes: null,
      },
    ],
    stages: [
      {
        stage: 'mql',
        label: 'MQL',
        weeks: [
          { weekKey: '2026-W06', stays: 4, medianDays: 2 },
          { weekKey: '2026-W07', stays: 1, medianDays: 0.5 },
          { weekKey: '2026-W08', stays: 0, medianDays: null },
        ],
      },
    ],
  };

  it('posts a parent that prompts the team to revise the playbook', () => {
    const message = playbookParent(en, PLAYBOOK);
    expect(message.text).toBe('Monthly playbook review for 2026-03: the figures are in the thread.');
    expect(texts(message.blocks)).toEqual([
      'Monthly playbook review — 2026-03',
      ':calendar: Reviewing 2026-02-01 – 2026-02-28.',
      ':memo: How did the playbook work last month? The thread shows cadence-step completion, the SLA trend and days in stage. Reply with what to revise: cadence steps, the SLA, stage definitions.',
    ]);
  });

  it('replies with cadence-step completion, the SLA trend and days in stage', () => {
    const reply = (part: Parameters<typeof playbookReply>[1]) =>
      texts(playbookReply(en, part, PLAYBOOK, BUSINESS).blocks);
    expect(reply('cadence')).toEqual([
      [
        '*Cadence-step completion*',
        '• *Day 1 · Call within 5 min* · 10 due · 7 done · 2 skipped · 1 unanswered · 70% completed',
        '• *Day 2 · Email* · 0 due · 0 done · 0 skipped · 0 unanswered · —',
      ].join('\n'),
    ]);
    expect(reply('sla_trend')).toEqual([
      [
        '*SLA trend* — the last four weeks, the whole team',
        '• 2026-W06 (from 2026-02-02): 8 met / 2 breached · 80% within the SLA · median 25 working minutes to the first touch',
        '• 2026-W07 (from 2026-02-09): 0 met / 0 breached · no SLA decided · no first touch yet',
      ].join('\n'),
    ]);
    expect(reply('stages')).toEqual([
      [
        '*Days in stage* — median days of the stays that ended each week',
        '• *MQL* — 2026-W06: 2.0 d (4 stays) · 2026-W07: 0.5 d (1 stay) · 2026-W08: no stay (0 stays)',
      ].join('\n'),
    ]);
  });
});
