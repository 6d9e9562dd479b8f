import { describe, expect, it } from 'vitest';
import { defaultEscalationLadder, type EscalationStep } from '../../../src/config/workspace-schema.js';
import type { BusinessCalendar } from '../../../src/domain/business-time.js';
import { isLate, planLadder, stepDueAt } from '../../../src/domain/sla-ladder.js';

const utc: BusinessCalendar = {
  timeZone: 'UTC',
  workingDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
  workingHours: { start: '09:00', end: '18:00' },
  holidays: [],
};
const plan = (at: string, escalations: EscalationStep[], clock: 'business' | 'always' = 'business') =>
  planLadder(new Date(at), { clock, escalations }, utc).map((p) => [
    p.index,
    p.step.action,
    p.dueAt.toISOString(),
  ]);

describe('planLadder', () => {
  const ladder = defaultEscalationLadder(60); // 15 nudge, 30 auto_assign, 45 warn, 60 breach, 90 reassign

  it('puts the default ladder on business hours across a weekend, leaving auto_assign to routing', () => {
    // Friday 17:30 UTC: 30 working minutes left on Friday, the rest on Monday from 09:00.
    expect(plan('2026-11-27T17:30:00Z', ladder)).toEqual([
      [0, 'nudge', '2026-11-27T17:45:00.000Z'],
      [2, 'warn_owner', '2026-11-30T09:15:00.000Z'],
      [3, 'breach', '2026-11-30T09:30:00.000Z'],
      [4, 'reassign', '2026-11-30T10:00:00.000Z'],
    ]);
  });

  it('starts counting at the next working start for a lead arriving outside hours', () => {
    expect(plan('2026-11-28T20:00:00Z', ladder).map(([, , due]) => due)).toEqual([
      '2026-11-30T09:15:00.000Z',
      '2026-11-30T09:45:00.000Z',
      '2026-11-30T10:00:00.000Z',
      '2026-11-30T10:30:00.000Z',
    ]);
  });

  it('counts plain minutes on the 24/7 clock', () => {
    expect(plan('2026-11-28T20:00:00Z', ladder, 'always').map(([, , due]) => due)).toEqual([
      '2026-11-28T20:15:00.000Z',
      '2026-11-28T20:45:00.000Z',
      '2026-11-28T21:00:00.000Z',
      '2026-11-28T21:30:00.000Z',
    ]);
  });

  it('skips disabled steps but keeps the configured indexes', () => {
    const steps = ladder.map((s) =>
      s.action === 'reassign' || s.action === 'nudge' ? { ...s, enabled: false } : s,
    );
    expect(plan('2026-11-23T10:00:00Z', steps)).toEqual([
      [2, 'warn_owner', '2026-11-23T10:45:00.000Z'],
      [3, 'breach', '2026-11-23T11:00:00.000Z'],
    ]);
  });

  it('plans nothing for an empty ladder', () => {
    expect(plan('2026-11-23T10:00:00Z', [])).toEqual([]);
  });
});

describe('isLate', () => {
  it('is late only more than a minute after the due time', () => {
    const due = new Date('2026-11-23T10:00:00Z');
    expect(isLate(due, new Date('2026-11-23T10:01:00Z'))).toBe(false);
    expect(isLate(due, new Date('2026-11-23T10:01:01Z'))).toBe(true);
  });
});

describe("stepDueAt (every rung, routing's auto-assign included)", () => {
  const friday19 = new Date('2026-11-27T19:00:00Z');

  it('counts working minutes on the business clock: Friday 19:00 + 30 is Monday 09:30', () => {
    expect(stepDueAt(friday19, 30, { clock: 'business' }, utc).toISOString()).toBe(
      '2026-11-30T09:30:00.000Z',
    );
  });

  it('counts clock minutes with sla.clock: always', () => {
    expect(stepDueAt(friday19, 30, { clock: 'always' }, utc).toISOString()).toBe('2026-11-27T19:30:00.000Z');
  });
});
