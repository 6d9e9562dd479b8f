import { describe, expect, it } from 'vitest';
import { ConfigFileError, parseWorkspaceConfig } from '../../../src/config/workspace.js';

const BASE = ['channels: { leads: C0123LEADS }', 'roster: [{ user: U0AAAAAAA, roles: [sdr] }]'].join('\n');
const parse = (rest = '') => parseWorkspaceConfig(`${BASE}\n${rest}`, 'baton.yaml');

function problemsOf(rest: string): readonly string[] {
  try {
    parse(rest);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigFileError);
    return (error as ConfigFileError).problems;
  }
  throw new Error('expected the config file to be rejected');
}

const STAGES = 'Lead, MQL, SAL, SQL, Opportunity, Negotiation, Closing, Retention';
const notAStage = (value: string) => `"${value}" is not a working stage (stages: ${STAGES})`;

describe('funnel: defaults', () => {
  it('derives every setting from the default stages and routing threshold', () => {
    expect(parse().funnel).toEqual({
      wonStage: 'Closing',
      dealStage: 'Opportunity',
      currency: 'USD',
      recycleReopenStage: 'MQL',
      kpiRoles: {
        Lead: 'marketer',
        MQL: 'marketer',
        SAL: 'sdr',
        SQL: 'sdr',
        Opportunity: 'ae',
        Negotiation: 'ae',
        Closing: 'ae',
        Retention: 'cs',
      },
      plan: {
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
      },
    });
  });

  it('fits its own stages: the last stage wins without a Closing, the deal starts one before it', () => {
    const config = parse(
      [
        'stages: { working: [Lead, Demo, Trial, Proposal, Won] }',
        'routing: { threshold_stage: Demo }',
        'cadence: { stop_at_stage: Proposal }',
      ].join('\n'),
    );
    expect(config.funnel).toMatchObject({
      wonStage: 'Won',
      dealStage: 'Proposal',
      recycleReopenStage: 'Demo',
      // Lead is a known stage; Demo up to the threshold is marketing's; then inside sales until the
      // deal stage; AEs from the deal stage to the won stage.
      kpiRoles: { Lead: 'marketer', Demo: 'marketer', Trial: 'sdr', Proposal: 'ae', Won: 'ae' },
      plan: { defaultRates: { Lead: 0.4, Demo: 0.5, Trial: 0.5, Proposal: 0.5 } },
    });
  });

  it('gives CS the stages after the won stage, and moves the deal stage before an early won stage', () => {
    const config = parse('funnel: { won_stage: SQL }');
    expect(config.funnel.dealStage).toBe('SAL');
    expect(config.funnel.kpiRoles.Retention).toBe('cs');
    const custom = parse(
      [
        'stages: { working: [Lead, MQL, Deal, Won, Renewal] }',
        'cadence: { stop_at_stage: Deal }',
        'funnel: { won_stage: Won }',
      ].join('\n'),
    );
    expect(custom.funnel.dealStage).toBe('Deal');
    expect(custom.funnel.kpiRoles).toEqual({
      Lead: 'marketer',
      MQL: 'marketer',
      Deal: 'ae',
      Won: 'ae',
      Renewal: 'cs',
    });
    // Without a Closing and without won_stage, the last stage is the win.
    const lastWins = [
      'stages: { working: [Lead, MQL, Deal, Won, Renewal] }',
      'cadence: { stop_at_stage: Deal }',
    ];
    expect(parse(lastWins.join('\n')).funnel.wonStage).toBe('Renewal');
  });
});

describe('funnel: overrides', () => {
  it('takes every written setting, merging kpi_roles and default_rates over the defaults', () => {
    const config = parse(`
funnel:
  won_stage: Negotiation
  deal_stage: SQL
  currency: KRW
  recycle_reopen_stage: Lead
  kpi_roles: { SAL: ae }
  plan:
    trailing_days: 60
    min_sample: 10
    default_rates: { Lead: 0.25, Closing: 1 }
`);
    expect(config.funnel).toEqual({
      wonStage: 'Negotiation',
      dealStage: 'SQL',
      currency: 'KRW',
      recycleReopenStage: 'Lead',
      kpiRoles: {
        Lead: 'marketer',
        MQL: 'marketer',
        SAL: 'ae',
        SQL: 'sdr',
        Opportunity: 'ae',
        Negotiation: 'ae',
        Closing: 'ae',
        Retention: 'cs',
      },
      plan: {
        trailingDays: 60,
        minSample: 10,
        defaultRates: {
          Lead: 0.25,
          MQL: 0.6,
          SAL: 0.5,
          SQL: 0.5,
          Opportunity: 0.6,
          Negotiation: 0.5,
          Closing: 1,
        },
      },
    });
  });

  it('follows a routing threshold for where recycled leads reopen', () => {
    expect(parse('routing: { threshold_stage: SAL }').funnel.recycleReopenStage).toBe('SAL');
  });
});

describe('funnel: cross-checks', () => {
  it('refuses stages that are not working stages, with a hint for a case slip', () => {
    expect(problemsOf('funnel: { won_stage: Won, deal_stage: mql, recycle_reopen_stage: Lost }')).toEqual([
      `baton.yaml: funnel.won_stage: ${notAStage('Won')}`,
      `baton.yaml: funnel.deal_stage: ${notAStage('mql')}; keys are case-sensitive, did you mean "MQL"?`,
      `baton.yaml: funnel.recycle_reopen_stage: ${notAStage('Lost')}`,
    ]);
  });

  it('refuses unknown stages in kpi_roles and default_rates', () => {
    expect(
      problemsOf('funnel: { kpi_roles: { Demo: ae }, plan: { default_rates: { Trial: 0.5 } } }'),
    ).toEqual([
      `baton.yaml: funnel.kpi_roles.Demo: ${notAStage('Demo')}`,
      `baton.yaml: funnel.plan.default_rates.Trial: ${notAStage('Trial')}`,
    ]);
  });

  it('refuses a deal stage after the won stage', () => {
    expect(problemsOf('funnel: { won_stage: Negotiation, deal_stage: Closing }')).toEqual([
      'baton.yaml: funnel.deal_stage: "Closing" must not come after funnel.won_stage "Negotiation"',
    ]);
  });

  it('refuses a rate on the last stage, and rates outside (0, 1]', () => {
    expect(problemsOf('funnel: { plan: { default_rates: { Retention: 0.5 } } }')).toEqual([
      'baton.yaml: funnel.plan.default_rates.Retention: "Retention" is the last stage: there is no next stage to convert to',
    ]);
    expect(problemsOf('funnel: { plan: { default_rates: { Lead: 0, MQL: 1.5 } } }')).toEqual([
      'baton.yaml: funnel.plan.default_rates.Lead: must be a share above 0, like 0.25',
      'baton.yaml: funnel.plan.default_rates.MQL: must be a share up to 1 (1 = 100 %)',
    ]);
  });

  it('refuses a malformed currency, role or plan window', () => {
    const problems = problemsOf(
      'funnel: { currency: usd, kpi_roles: { Lead: ceo }, plan: { trailing_days: 3, min_sample: 0 } }',
    );
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(/^baton\.yaml: funnel\.currency: .*three-letter currency code/);
    expect(problems[1]).toMatch(
      /^baton\.yaml: funnel\.kpi_roles\.Lead: "ceo" is not one of: marketer, sdr, ae, cs/,
    );
    expect(problems[2]).toBe('baton.yaml: funnel.plan.trailing_days: must be at least 7');
    expect(problems[3]).toBe('baton.yaml: funnel.plan.min_sample: must be at least 1');
  });

  it('refuses unknown funnel keys', () => {
    expect(problemsOf('funnel: { win_stage: Closing }')[0]).toMatch(
      /^baton\.yaml: funnel\.win_stage: unknown key/,
    );
  });
});

describe('stages: stagnation_days', () => {
  it('is unset (twice the historical median) by default, a number of days, or "off"', () => {
    const config = parse(
      'stages: { working: [Lead, { key: MQL, stagnation_days: 3 }, { key: SAL, stagnation_days: "off" }, SQL, Opportunity, Closing] }',
    );
    expect(config.stages.working.map((s) => [s.key, s.stagnationDays])).toEqual([
      ['Lead', null],
      ['MQL', 3],
      ['SAL', 'off'],
      ['SQL', null],
      ['Opportunity', null],
      ['Closing', null],
    ]);
    expect(parse().stages.working.every((s) => s.stagnationDays === null)).toBe(true);
    // Unquoted, as the docs write it: YAML 1.2 reads `off` as text, not false.
    const unquoted = parse(
      'stages: { working: [Lead, { key: MQL, stagnation_days: off }, SQL, Opportunity] }',
    );
    expect(unquoted.stages.working[1]?.stagnationDays).toBe('off');
  });

  it('refuses anything else', () => {
    expect(
      problemsOf('stages: { working: [Lead, { key: MQL, stagnation_days: never }, SQL, Opportunity] }'),
    ).toEqual(['baton.yaml: stages.working[1].stagnation_days: must be a number of days (1-365) or "off"']);
    expect(
      problemsOf('stages: { working: [Lead, { key: MQL, stagnation_days: 400 }, SQL, Opportunity] }'),
    ).toEqual(['baton.yaml: stages.working[1].stagnation_days: must be at most 365']);
  });
});
