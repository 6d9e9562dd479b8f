import { describe, expect, it } from 'vitest';
import type { FunnelGoal } from '../../../src/db/queries/funnel-goals.js';
import { buildPlan, type FunnelPlan, type PlanPeriod } from '../../../src/domain/plan.js';
import { messages } from '../../../src/i18n/index.js';
import {
  formatRate,
  funnelPlanBlocks,
  goalSetBlocks,
  planProblemText,
} from '../../../src/slack/blocks/funnel-plan.js';

const en = messages('en');
const ko = messages('ko');
const PERIOD: PlanPeriod = { key: 'this-month', firstDay: '2026-05-01', lastDay: '2026-05-31' };

/** A three-stage funnel with the given labels: 40 leads, 10 reached the second stage, none the third. */
function plan(labels: [string, string, string], deals = 4): FunnelPlan {
  const result = buildPlan({
    deals,
    stages: [
      { key: 'A', label: labels[0] },
      { key: 'B', label: labels[1] },
      { key: 'C', label: labels[2] },
    ],
    wonStage: 'C',
    kpiRoles: { A: 'marketer', B: 'sdr', C: 'ae' },
    trailingDays: 90,
    minSample: 10,
    defaultRates: { A: 0.5, B: 0.25 },
    reach: [
      { furthestStage: 'A', count: 30 },
      { furthestStage: 'B', count: 10 },
    ],
    days: 31,
  });
  if (!result.ok) throw new Error('no plan');
  return result.plan;
}

/** The text of every block: a section's or header's text, a context's elements joined; '' otherwise. */
const texts = (blocks: ReturnType<typeof funnelPlanBlocks>) =>
  (blocks as Array<{ text?: { text: string }; elements?: Array<{ text?: string }> }>).map(
    (b) => b.text?.text ?? b.elements?.map((e) => e.text ?? '').join(' ') ?? '',
  );

describe('funnelPlanBlocks', () => {
  it('escapes stage labels everywhere and keeps backticks out of the table', () => {
    const blocks = funnelPlanBlocks(en, plan(['<!channel> & co', 'Demo`s', 'Won <@U1>']), PERIOD);
    const all = texts(blocks).join('\n');
    expect(all).not.toMatch(/<!channel>|<@U1>/);
    expect(all).toContain('&lt;!channel&gt; &amp; co');
    // B → C: 10 reached B, none reached C: its default 0.25 is used, and the note names both stages.
    expect(all).toContain(
      '*Demo`s*: 25.0 % (default — none of the 10 leads that reached Demo`s in the last 90 days reached Won &lt;@U1&gt;)',
    );
    const table = texts(blocks)[1]!.split('```')[1]!;
    expect(table).not.toContain('`');
    expect(table).toContain("Demo's");
  });

  it('lines the table up, counting Korean characters as two columns and clipping long labels', () => {
    const blocks = funnelPlanBlocks(ko, plan(['리드', 'A very long stage label here', '성사']), PERIOD);
    const table = texts(blocks)[1]!.split('```\n')[1]!.split('\n```')[0]!.split('\n');
    // A = 40 reached, 10 went on: observed 25 %. C = 4 deals; B = 4/0.25 = 16; A = 16×40/10 = 64.
    // 31 days = 5 weeks: 13, 4, 1.
    expect(table).toEqual([
      '단계              다음 단계 전환율  필요  주당',
      '리드              25.0 %              64    13',
      'A very long sta…  25.0 % (기본값)     16     4',
      '성사              —                    4     1',
    ]);
  });

  it('stays well inside Block Kit limits', () => {
    const blocks = funnelPlanBlocks(en, plan(['Lead', 'Demo', 'Won']), PERIOD);
    expect(blocks.length).toBeLessThanOrEqual(10);
    for (const text of texts(blocks)) expect(text.length).toBeLessThan(3000);
    expect(blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Plan: 4 deals — this-month' },
    });
  });
});

describe('goalSetBlocks', () => {
  it('confirms the goal and names who set the one it replaced', () => {
    const p = plan(['Lead', 'Demo', 'Won'], 1200);
    const goal: FunnelGoal = {
      id: 1,
      teamId: 'T1',
      periodStart: '2026-05-01',
      periodEnd: '2026-06-01',
      deals: 1200,
      plan: p,
      setBy: 'U0MGR',
      setAt: new Date(),
    };
    const lines = texts(goalSetBlocks(en, goal, { ...goal, deals: 900, setBy: 'U0OLD' }, PERIOD));
    expect(lines[0]).toBe('Goal set: 1,200 deals — this-month');
    expect(lines[1]).toBe(
      ':dart: The team’s goal is *1,200* deals from 2026-05-01 to 2026-05-31. The weekly retro and App Home will compare each week with the per-week figures below. It replaces the goal of 900 deals set by <@U0OLD>.',
    );
  });
});

describe('formatting', () => {
  it('shows rates to one decimal', () => {
    expect(formatRate(11 / 17)).toBe('64.7 %');
    expect(formatRate(1)).toBe('100.0 %');
    expect(formatRate(0.0005)).toBe('0.1 %');
  });

  it('escapes what the person typed in problems', () => {
    expect(planProblemText(en, { kind: 'not_a_number', text: '<!here>`x' })).toBe(
      "`&lt;!here&gt;'x` is not a number of deals — give a whole number, like `/funnel plan 10 this-quarter`.",
    );
  });
});
