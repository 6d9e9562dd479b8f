import { describe, expect, it } from 'vitest';
import type { CadenceStep } from '../../../src/config/workspace-schema.js';
import { cadenceRuns, groupByStage, nextSteps } from '../../../src/domain/home-leads.js';

const WORKING = ['Lead', 'MQL', 'SAL', 'SQL', 'Opportunity', 'Negotiation', 'Closing', 'Retention'];

const STEPS: CadenceStep[] = [
  { day: 1, action: 'call', label: 'First call', withinMinutes: 5 },
  { day: 2, action: 'email', label: 'Follow-up email', withinMinutes: null },
  { day: 4, action: 'call', label: 'Second call', withinMinutes: null },
];

describe('cadenceRuns', () => {
  it('runs for working stages before the stop stage only', () => {
    expect(cadenceRuns('Lead', WORKING, 'Opportunity')).toBe(true);
    expect(cadenceRuns('SQL', WORKING, 'Opportunity')).toBe(true);
    expect(cadenceRuns('Opportunity', WORKING, 'Opportunity')).toBe(false);
    expect(cadenceRuns('Negotiation', WORKING, 'Opportunity')).toBe(false);
  });

  it('never runs for side stages, and runs through every working stage without a known stop stage', () => {
    for (const side of ['Lost', 'Disqualified', 'Recycle'])
      expect(cadenceRuns(side, WORKING, 'SQL')).toBe(false);
    expect(cadenceRuns('Retention', WORKING, 'Nowhere')).toBe(true);
  });
});

describe('nextSteps', () => {
  const at = (iso: string) => new Date(iso);

  it('takes each lead’s earliest pending step, whatever order the rows come in', () => {
    const next = nextSteps(
      [
        { leadId: 7, step: 2, runAt: at('2026-12-04T00:00:00Z') },
        { leadId: 7, step: 1, runAt: at('2026-12-02T00:00:00Z') },
        { leadId: 9, step: 0, runAt: at('2026-12-01T10:05:00Z') },
      ],
      STEPS,
    );
    expect(next).toEqual(
      new Map([
        [7, { day: 2, label: 'Follow-up email', dueAt: at('2026-12-02T00:00:00Z') }],
        [9, { day: 1, label: 'First call', dueAt: at('2026-12-01T10:05:00Z') }],
      ]),
    );
  });

  it('shows a snoozed step at its new time, and passes over steps no longer in the cadence', () => {
    const next = nextSteps(
      [
        { leadId: 3, step: 5, runAt: at('2026-12-01T09:00:00Z') }, // removed from the config
        { leadId: 3, step: 1, runAt: at('2026-12-02T10:00:00Z') }, // snoozed to 10:00
        { leadId: 4, step: 8, runAt: at('2026-12-01T09:00:00Z') },
      ],
      STEPS,
    );
    expect(next).toEqual(
      new Map([[3, { day: 2, label: 'Follow-up email', dueAt: at('2026-12-02T10:00:00Z') }]]),
    );
  });
});

describe('groupByStage', () => {
  it('groups in the order of the stages, leaving out empty and unknown stages', () => {
    const stages = [
      { key: 'Lead', label: 'Lead' },
      { key: 'MQL', label: 'Marketing qualified' },
      { key: 'SAL', label: 'Sales accepted' },
    ];
    const items = [
      { id: 1, stage: 'SAL' },
      { id: 2, stage: 'Lead' },
      { id: 3, stage: 'SAL' },
      { id: 4, stage: 'Lost' },
    ];
    expect(groupByStage(items, stages, (i) => i.stage)).toEqual([
      { stage: 'Lead', label: 'Lead', items: [{ id: 2, stage: 'Lead' }] },
      {
        stage: 'SAL',
        label: 'Sales accepted',
        items: [
          { id: 1, stage: 'SAL' },
          { id: 3, stage: 'SAL' },
        ],
      },
    ]);
  });
});
