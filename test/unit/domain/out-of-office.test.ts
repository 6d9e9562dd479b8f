import { describe, expect, it } from 'vitest';
import { isAway } from '../../../src/domain/members.js';
import { parseOutOfOffice } from '../../../src/domain/out-of-office.js';

const now = new Date('2026-11-23T01:00:00Z'); // Monday 10:00 in Seoul

describe('parseOutOfOffice', () => {
  it('is open-ended without a date', () => {
    expect(parseOutOfOffice('', 'Asia/Seoul', now)).toEqual({ kind: 'open-ended' });
  });

  it('ends at the midnight after the given day, in the person’s zone', () => {
    expect(parseOutOfOffice('2026-11-27', 'Asia/Seoul', now)).toEqual({
      kind: 'until',
      until: new Date('2026-11-27T15:00:00Z'),
    });
    expect(parseOutOfOffice('until 2026-11-27', 'America/New_York', now)).toEqual({
      kind: 'until',
      until: new Date('2026-11-28T05:00:00Z'),
    });
  });

  it('accepts today (away for the rest of the day) but not yesterday', () => {
    expect(parseOutOfOffice('2026-11-23', 'Asia/Seoul', now)).toEqual({
      kind: 'until',
      until: new Date('2026-11-23T15:00:00Z'),
    });
    expect(parseOutOfOffice('2026-11-22', 'Asia/Seoul', now)).toEqual({ kind: 'past-date' });
  });

  it('rejects what is not a date', () => {
    expect(parseOutOfOffice('next week', 'Asia/Seoul', now)).toEqual({ kind: 'bad-date' });
    expect(parseOutOfOffice('2026-02-30', 'Asia/Seoul', now)).toEqual({ kind: 'bad-date' });
  });
});

describe('isAway', () => {
  it('is away while marked and before the end', () => {
    expect(isAway({ outOfOffice: true, outOfOfficeUntil: null }, now)).toBe(true);
    expect(isAway({ outOfOffice: true, outOfOfficeUntil: new Date('2026-11-23T01:00:01Z') }, now)).toBe(true);
    expect(isAway({ outOfOffice: true, outOfOfficeUntil: now }, now)).toBe(false);
    expect(isAway({ outOfOffice: false, outOfOfficeUntil: null }, now)).toBe(false);
  });
});
