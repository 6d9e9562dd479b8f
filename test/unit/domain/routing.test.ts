import { describe, expect, it } from 'vitest';
import type { MemberHours } from '../../../src/config/workspace-schema.js';
import {
  chooseNext,
  type Eligibility,
  type EligibilityCandidate,
  type EligibilityContext,
  earliestResume,
  eligibility,
  explainAssignment,
  type RotationCandidate,
} from '../../../src/domain/routing.js';

const ELIGIBLE: Eligibility = { eligible: true };
const AWAY: Eligibility = { eligible: false, reason: 'out_of_office', until: null };

interface SellerState {
  weight: number;
  pass: number | null;
  lastAssignedAt: Date | null;
  count: number;
}

/** A persisted rotation for one segment, driven lead by lead like the routing service would. */
class Rotation {
  readonly sellers = new Map<string, SellerState>();
  readonly picks: (string | null)[] = [];

  constructor(weights: Record<string, number>) {
    for (const [id, weight] of Object.entries(weights)) this.join(id, weight);
  }

  join(id: string, weight = 1) {
    this.sellers.set(id, { weight, pass: null, lastAssignedAt: null, count: 0 });
  }

  /** Routes `n` leads; `status` decides each seller's eligibility for the lead (1-based overall). */
  route(n: number, status: (id: string, lead: number) => Eligibility = () => ELIGIBLE) {
    const results = [];
    for (let i = 0; i < n; i++) {
      const lead = this.picks.length + 1;
      const candidates: RotationCandidate[] = [...this.sellers].map(([userId, s]) => ({
        userId,
        weight: s.weight,
        pass: s.pass,
        lastAssignedAt: s.lastAssignedAt,
        eligibility: status(userId, lead),
      }));
      const result = chooseNext({ candidates });
      for (const [id, pass] of Object.entries(result.passes)) this.sellers.get(id)!.pass = pass;
      if (result.chosen) {
        const s = this.sellers.get(result.chosen)!;
        s.count++;
        s.lastAssignedAt = new Date(Date.UTC(2026, 0, 5, 9) + lead * 60_000);
      }
      this.picks.push(result.chosen);
      results.push(result);
    }
    return results;
  }

  counts(picks = this.picks) {
    const counts: Record<string, number> = {};
    for (const id of this.sellers.keys()) counts[id] = 0;
    for (const p of picks) if (p) counts[p]!++;
    return counts;
  }
}

describe('chooseNext — weighted stride rotation', () => {
  it('splits 40 leads 20/10/10 for weights 2:1:1, in a fixed order', () => {
    const r = new Rotation({ UA: 2, UB: 1, UC: 1 });
    r.route(40);
    expect(r.picks.slice(0, 8)).toEqual(['UA', 'UB', 'UC', 'UA', 'UB', 'UC', 'UA', 'UA']);
    expect(r.counts()).toEqual({ UA: 20, UB: 10, UC: 10 });
    // Fair at every prefix too, not just at the end: A never strays more than one lead from 1/2.
    for (let n = 1; n <= 40; n++) {
      const a = r.counts(r.picks.slice(0, n)).UA!;
      expect(Math.abs(a - n / 2)).toBeLessThanOrEqual(1);
    }
  });

  it('takes equal weights in turn, ties going to the least recently assigned, then the lower id', () => {
    const r = new Rotation({ UC: 1, UB: 1, UA: 1 });
    r.route(6);
    expect(r.picks).toEqual(['UA', 'UB', 'UC', 'UA', 'UB', 'UC']);
  });

  it('gives an away seller nothing while away and no flood on return', () => {
    const r = new Rotation({ UA: 1, UB: 1, UC: 1 });
    r.route(40, (id, lead) => (id === 'UC' && lead <= 20 ? AWAY : ELIGIBLE));
    const first = r.picks.slice(0, 20);
    expect(r.counts(first)).toEqual({ UA: 10, UB: 10, UC: 0 });
    expect(r.counts(r.picks.slice(20, 24)).UC).toBeLessThanOrEqual(2);
    // From the return on, one lead each in turn: C, A, B, C, …
    expect(r.picks.slice(20, 26)).toEqual(['UC', 'UA', 'UB', 'UC', 'UA', 'UB']);
    expect(r.counts(r.picks.slice(20))).toEqual({ UA: 7, UB: 6, UC: 7 });
    expect(r.counts()).toEqual({ UA: 17, UB: 16, UC: 7 });
  });

  it('keeps a seller with history level while away, so they do not catch up on return', () => {
    const r = new Rotation({ UA: 1, UB: 1, UC: 1 });
    r.route(30);
    expect(r.counts()).toEqual({ UA: 10, UB: 10, UC: 10 });
    const away = r.route(20, (id) => (id === 'UC' ? AWAY : ELIGIBLE));
    // C's pass is lifted with the rotation (it would otherwise stay at 10).
    expect(r.sellers.get('UC')!.pass).toBe(19);
    // Lifted each time the rotation's low point moves past it: every second lead.
    expect(away.map((x) => x.passes.UC).filter((x) => x !== undefined)).toEqual([
      11, 12, 13, 14, 15, 16, 17, 18, 19,
    ]);
    expect(away.at(-1)!.skipped).toEqual([{ userId: 'UC', reason: 'out_of_office', until: null }]);
    r.route(12);
    const back = r.picks.slice(50);
    expect(r.counts(back.slice(0, 4)).UC).toBeLessThanOrEqual(2);
    expect(r.counts(back)).toEqual({ UA: 4, UB: 4, UC: 4 });
    expect(r.counts()).toEqual({ UA: 24, UB: 24, UC: 14 });
  });

  it('lifts a stale pass that was not kept level, instead of flooding its owner', () => {
    const result = chooseNext({
      candidates: [
        {
          userId: 'UA',
          weight: 1,
          pass: 20,
          lastAssignedAt: new Date('2026-01-05T10:00Z'),
          eligibility: ELIGIBLE,
        },
        {
          userId: 'UB',
          weight: 1,
          pass: 20,
          lastAssignedAt: new Date('2026-01-05T10:01Z'),
          eligibility: ELIGIBLE,
        },
        {
          userId: 'UC',
          weight: 1,
          pass: 0,
          lastAssignedAt: new Date('2025-06-01T10:00Z'),
          eligibility: ELIGIBLE,
        },
      ],
    });
    expect(result.virtualTime).toBe(19);
    expect(result.chosen).toBe('UC');
    expect(result.passes).toEqual({ UC: 20 });
  });

  it('starts a newcomer at the current virtual time without touching anyone else', () => {
    const r = new Rotation({ UA: 1, UB: 1 });
    r.route(20);
    const before = { UA: r.sellers.get('UA')!.pass, UB: r.sellers.get('UB')!.pass };
    expect(before).toEqual({ UA: 10, UB: 10 });
    r.join('UN');
    const [joined] = r.route(1);
    expect(joined!.virtualTime).toBe(10);
    expect(joined!.chosen).toBe('UN');
    expect(joined!.passes).toEqual({ UN: 11 });
    expect(r.sellers.get('UA')!.pass).toBe(10);
    expect(r.sellers.get('UB')!.pass).toBe(10);
    r.route(11);
    const after = r.picks.slice(20);
    expect(after).toEqual(['UN', 'UA', 'UB', 'UN', 'UA', 'UB', 'UN', 'UA', 'UB', 'UN', 'UA', 'UB']);
    expect(r.counts(after)).toEqual({ UA: 4, UB: 4, UN: 4 });
  });

  it('does not reset when a seller leaves', () => {
    const r = new Rotation({ UA: 2, UB: 1, UC: 1 });
    r.route(8);
    r.sellers.delete('UC');
    const passesBefore = { UA: r.sellers.get('UA')!.pass, UB: r.sellers.get('UB')!.pass };
    expect(passesBefore).toEqual({ UA: 2, UB: 2 });
    r.route(9);
    expect(r.counts(r.picks.slice(8))).toEqual({ UA: 6, UB: 3 });
  });

  it('reports position in roster order among the eligible', () => {
    const at = new Date('2026-01-05T10:00Z');
    const result = chooseNext({
      candidates: [
        { userId: 'U1', weight: 1, pass: 5, lastAssignedAt: at, eligibility: ELIGIBLE },
        { userId: 'U2', weight: 1, pass: 3, lastAssignedAt: at, eligibility: AWAY },
        { userId: 'U3', weight: 1, pass: 4.5, lastAssignedAt: at, eligibility: ELIGIBLE },
        { userId: 'U4', weight: 1, pass: 4, lastAssignedAt: at, eligibility: ELIGIBLE },
      ],
    });
    expect(result).toMatchObject({ chosen: 'U4', position: 3, eligibleCount: 3, virtualTime: 4 });
    // U2 (away, below the virtual time) is lifted; U1 and U3 are untouched.
    expect(result.passes).toEqual({ U2: 4, U4: 5 });
  });

  it('returns no one, with reasons, when nobody is eligible', () => {
    const resumesAt = new Date('2026-11-23T14:00:00Z');
    const result = chooseNext({
      candidates: [
        { userId: 'U1', weight: 1, pass: 2, lastAssignedAt: null, eligibility: AWAY },
        {
          userId: 'U2',
          weight: 1,
          pass: 1,
          lastAssignedAt: null,
          eligibility: { eligible: false, reason: 'outside_hours', resumesAt },
        },
        {
          userId: 'U3',
          weight: 1,
          pass: null,
          lastAssignedAt: null,
          eligibility: { eligible: false, reason: 'at_cap', cap: 20, openLeads: 20 },
        },
      ],
    });
    expect(result).toEqual({
      chosen: null,
      passes: {},
      skipped: [
        { userId: 'U1', reason: 'out_of_office', until: null },
        { userId: 'U2', reason: 'outside_hours', resumesAt },
        { userId: 'U3', reason: 'at_cap', cap: 20, openLeads: 20 },
      ],
      position: 0,
      eligibleCount: 0,
      virtualTime: null,
    });
    expect(earliestResume(result.skipped)).toEqual(resumesAt);
    expect(earliestResume(result.skipped.slice(0, 1))).toBeNull();
  });

  it('rejects bad input', () => {
    const c = { weight: 1, pass: null, lastAssignedAt: null, eligibility: ELIGIBLE };
    expect(() =>
      chooseNext({
        candidates: [
          { ...c, userId: 'U1' },
          { ...c, userId: 'U1' },
        ],
      }),
    ).toThrow(RangeError);
    expect(() => chooseNext({ candidates: [{ ...c, userId: 'U1', weight: 0 }] })).toThrow(RangeError);
  });
});

describe('eligibility', () => {
  const weekdays: MemberHours = { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '18:00' };
  const seller: EligibilityCandidate = {
    userId: 'U1',
    roles: ['sdr'],
    segments: ['smb'],
    onRoster: true,
    outOfOffice: false,
    outOfOfficeUntil: null,
    timeZone: 'Asia/Seoul',
    workingHours: weekdays,
    maxOpenLeads: 20,
    openLeads: 3,
  };
  const mondaySeoul = new Date('2026-11-23T01:00:00Z'); // Monday 10:00 in Seoul, Sunday 20:00 in New York
  const ctx: EligibilityContext = { segment: 'smb', now: mondaySeoul, holidays: [] };
  const check = (
    over: Partial<EligibilityCandidate>,
    c: Partial<typeof ctx> & { holidays?: string[] } = {},
  ) => eligibility({ ...seller, ...over }, { ...ctx, ...c });

  it('accepts a seller on duty', () => {
    expect(check({})).toEqual({ eligible: true });
    expect(check({ roles: ['ae', 'manager'] })).toEqual({ eligible: true });
    expect(check({ maxOpenLeads: null, openLeads: 500 })).toEqual({ eligible: true });
  });

  it('names each reason', () => {
    expect(check({ onRoster: false })).toEqual({ eligible: false, reason: 'not_on_roster' });
    expect(check({ roles: ['marketer', 'cs'] })).toEqual({ eligible: false, reason: 'not_a_seller' });
    expect(check({ segments: ['enterprise'] })).toEqual({ eligible: false, reason: 'not_serving_segment' });
    expect(check({ outOfOffice: true })).toEqual({ eligible: false, reason: 'out_of_office', until: null });
    const until = new Date('2026-11-24T15:00:00Z');
    expect(check({ outOfOffice: true, outOfOfficeUntil: until })).toEqual({
      eligible: false,
      reason: 'out_of_office',
      until,
    });
    expect(check({ openLeads: 20 })).toEqual({ eligible: false, reason: 'at_cap', cap: 20, openLeads: 20 });
    expect(check({ timeZone: 'America/New_York' })).toEqual({
      eligible: false,
      reason: 'outside_hours',
      resumesAt: new Date('2026-11-23T14:00:00Z'), // Monday 09:00 EST
    });
  });

  it('treats a finished absence and room under the cap as available', () => {
    expect(check({ outOfOffice: true, outOfOfficeUntil: new Date('2026-11-23T00:00:00Z') })).toEqual({
      eligible: true,
    });
    expect(check({ openLeads: 19 })).toEqual({ eligible: true });
  });

  it('reports the most lasting reason first', () => {
    expect(check({ onRoster: false, roles: ['marketer'] })).toMatchObject({ reason: 'not_on_roster' });
    expect(check({ roles: ['cs'], segments: [] })).toMatchObject({ reason: 'not_a_seller' });
    expect(check({ segments: [], outOfOffice: true })).toMatchObject({ reason: 'not_serving_segment' });
    expect(check({ outOfOffice: true, openLeads: 20 })).toMatchObject({ reason: 'out_of_office' });
    expect(check({ openLeads: 25, timeZone: 'America/New_York' })).toMatchObject({ reason: 'at_cap' });
  });

  it('is off on a holiday in the team calendar, back the next working day', () => {
    expect(check({}, { holidays: ['2026-11-23'] })).toEqual({
      eligible: false,
      reason: 'outside_hours',
      resumesAt: new Date('2026-11-24T00:00:00Z'),
    });
  });

  it('follows working hours across daylight saving in New York', () => {
    const ny = { timeZone: 'America/New_York' };
    // Monday 2026-03-09 08:30 EDT (it would be 07:30 in EST).
    expect(check(ny, { now: new Date('2026-03-09T12:30:00Z') })).toEqual({
      eligible: false,
      reason: 'outside_hours',
      resumesAt: new Date('2026-03-09T13:00:00Z'),
    });
    expect(check(ny, { now: new Date('2026-03-09T13:30:00Z') })).toEqual({ eligible: true });
    // Monday 2026-11-02 08:30 EST (it would be 09:30 in EDT).
    expect(check(ny, { now: new Date('2026-11-02T13:30:00Z') })).toMatchObject({
      reason: 'outside_hours',
      resumesAt: new Date('2026-11-02T14:00:00Z'),
    });
  });
});

describe('explainAssignment', () => {
  const at = new Date('2026-01-05T10:00Z');
  const candidates: RotationCandidate[] = [
    { userId: 'U1', weight: 1, pass: 6, lastAssignedAt: at, eligibility: ELIGIBLE },
    { userId: 'U2', weight: 1, pass: 5, lastAssignedAt: at, eligibility: AWAY },
    { userId: 'U3', weight: 1, pass: 6, lastAssignedAt: at, eligibility: ELIGIBLE },
    {
      userId: 'U4',
      weight: 1,
      pass: 5,
      lastAssignedAt: at,
      eligibility: { eligible: false, reason: 'at_cap', cap: 20, openLeads: 21 },
    },
    { userId: 'U5', weight: 2, pass: 5.5, lastAssignedAt: at, eligibility: ELIGIBLE },
    { userId: 'U6', weight: 1, pass: 6, lastAssignedAt: at, eligibility: ELIGIBLE },
    {
      userId: 'U7',
      weight: 1,
      pass: null,
      lastAssignedAt: null,
      eligibility: { eligible: false, reason: 'not_a_seller' },
    },
  ];

  it('says who got the lead, their place among the eligible, and who was skipped', () => {
    const e = explainAssignment('smb', chooseNext({ candidates }));
    expect(e.text).toBe(
      'Round robin (smb): <@U5> — 3rd of 4 eligible by weighted rotation; skipped <@U2> (out of office), <@U4> (at their cap of 20 open leads).',
    );
    expect(e).toMatchObject({
      method: 'weighted_rotation',
      segment: 'smb',
      chosen: 'U5',
      position: 3,
      eligibleCount: 4,
      skipped: [
        { userId: 'U2', reason: 'out_of_office', until: null },
        { userId: 'U4', reason: 'at_cap', cap: 20, openLeads: 21 },
      ],
      excluded: [{ userId: 'U7', reason: 'not_a_seller' }],
    });
  });

  it('covers a lone seller and an empty rotation', () => {
    const lone = chooseNext({ candidates: [candidates[0]!, candidates[6]!] });
    expect(explainAssignment('enterprise', lone).text).toBe(
      'Round robin (enterprise): <@U1> — the only eligible seller.',
    );
    const resumesAt = new Date('2026-11-23T14:00:00Z');
    const none = chooseNext({
      candidates: [
        { ...candidates[1]! },
        { ...candidates[3]!, eligibility: { eligible: false, reason: 'at_cap', cap: 1, openLeads: 1 } },
        { ...candidates[0]!, eligibility: { eligible: false, reason: 'outside_hours', resumesAt } },
      ],
    });
    expect(explainAssignment('smb', none).text).toBe(
      'Round robin (smb): no eligible seller; skipped <@U2> (out of office), <@U4> (at their cap of 1 open lead), <@U1> (outside working hours).',
    );
  });

  it('escapes what is not a Slack id', () => {
    const odd = chooseNext({ candidates: [{ ...candidates[0]!, userId: '<!channel>' }] });
    expect(explainAssignment('a&b', odd).text).toBe(
      'Round robin (a&amp;b): &lt;!channel&gt; — the only eligible seller.',
    );
  });
});
