import { describe, expect, it } from 'vitest';
import { parseWorkspaceConfig } from '../../../src/config/workspace.js';
import type { ConditionMatcher, QualificationRule } from '../../../src/config/workspace-schema.js';
import { type LeadInput, parseLeadInput } from '../../../src/domain/lead-input.js';
import {
  isRouted,
  matcherHolds,
  type QualificationConfig,
  qualify,
  ruleMatches,
} from '../../../src/domain/qualification.js';

const BASE = 'channels: { leads: C0123LEADS }\nroster: [{ user: U0AAAAAAA, roles: [sdr] }]';
const configWith = (yaml = '') => parseWorkspaceConfig(`${BASE}\n${yaml}`, 'baton.yaml');

function lead(fields: Record<string, unknown> = {}): LeadInput {
  const result = parseLeadInput({ email: 'jane@acme.com', source: 'website', ...fields }, {});
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.lead;
}

const tests = (t: Partial<Extract<ConditionMatcher, { kind: 'test' }>>): ConditionMatcher => ({
  kind: 'test',
  gte: null,
  gt: null,
  lte: null,
  lt: null,
  contains: null,
  matches: null,
  exists: null,
  domainIn: null,
  ...t,
});
const rule = (
  when: QualificationRule['when'],
  set: Partial<QualificationRule['set']>,
): QualificationRule => ({
  when,
  set: { segment: null, stage: null, score: null, ...set },
});

describe('qualify with the default rules', () => {
  const q = configWith().qualification;
  const cases: [what: string, fields: Record<string, unknown>, expected: ReturnType<typeof qualify>][] = [
    [
      'no form stays a Lead in smb',
      {},
      {
        segment: 'smb',
        stage: 'Lead',
        score: 10,
        because: { segment: 'default', stage: 'default', score: 'default' },
      },
    ],
    [
      'a demo request is an SQL',
      { form: 'demo_request', company_size: 50 },
      { segment: 'smb', stage: 'SQL', score: 80, because: { segment: 'default', stage: 1, score: 1 } },
    ],
    [
      'a trial from 200+ employees is an enterprise SQL',
      { form: 'Trial', company_size: '200-500' },
      { segment: 'enterprise', stage: 'SQL', score: 80, because: { segment: 0, stage: 1, score: 1 } },
    ],
    [
      'a contact form is an MQL',
      { form: 'contact', company_size: 199 },
      { segment: 'smb', stage: 'MQL', score: 50, because: { segment: 'default', stage: 2, score: 2 } },
    ],
    [
      'an e-book download is an MQL',
      { form: 'ebook', company_size: '1,000+' },
      { segment: 'enterprise', stage: 'MQL', score: 30, because: { segment: 0, stage: 3, score: 3 } },
    ],
    [
      'a newsletter sign-up is an MQL',
      { form: 'newsletter' },
      { segment: 'smb', stage: 'MQL', score: 20, because: { segment: 'default', stage: 4, score: 4 } },
    ],
    [
      'an unknown form stays a Lead',
      { form: 'webinar', company_size: 200 },
      {
        segment: 'enterprise',
        stage: 'Lead',
        score: 10,
        because: { segment: 0, stage: 'default', score: 'default' },
      },
    ],
  ];

  it.each(cases)('%s', (_what, fields, expected) => {
    expect(qualify(lead(fields), q)).toEqual(expected);
  });

  it('with other segments and stages, keeps what still fits', () => {
    const fitted = configWith(
      'segments: [mid, smb]\nstages: { working: [New, MQL, Won] }\ncadence: { stop_at_stage: Won }',
    ).qualification;
    expect(qualify(lead({ form: 'demo_request', company_size: 900 }), fitted)).toEqual({
      segment: 'smb',
      stage: 'New',
      score: 80,
      because: { segment: 'default', stage: 'default', score: 0 },
    });
    expect(qualify(lead({ form: 'contact' }), fitted)).toMatchObject({ stage: 'MQL', score: 50 });
  });
});

describe('qualify: first matching rule per part', () => {
  const q: QualificationConfig = {
    rules: [
      rule({ utm_source: { kind: 'equals', value: 'partner' } }, { score: 95 }),
      rule({ form: { kind: 'equals', value: 'demo_request' } }, { stage: 'SQL', score: 70 }),
      rule({ company_size: tests({ gte: 1000 }) }, { segment: 'enterprise', score: 60 }),
      rule({}, { segment: 'mid', stage: 'MQL', score: 5 }),
    ],
    defaults: { segment: 'smb', stage: 'Lead', score: 1 },
  };

  it('lets each part be set by a different rule', () => {
    expect(qualify(lead({ form: 'demo_request', company_size: 5000, utm_source: 'Partner' }), q)).toEqual({
      segment: 'enterprise',
      stage: 'SQL',
      score: 95,
      because: { segment: 2, stage: 1, score: 0 },
    });
  });

  it('lets a later rule fill what earlier ones left, and a rule without conditions match all', () => {
    expect(qualify(lead({ form: 'contact', company_size: 5000 }), q)).toEqual({
      segment: 'enterprise',
      stage: 'MQL',
      score: 60,
      because: { segment: 2, stage: 3, score: 2 },
    });
    expect(qualify(lead(), q)).toEqual({
      segment: 'mid',
      stage: 'MQL',
      score: 5,
      because: { segment: 3, stage: 3, score: 3 },
    });
  });

  it('uses the defaults when nothing matches', () => {
    const onlyDemo = { ...q, rules: [q.rules[1]!] };
    expect(qualify(lead({ form: 'contact' }), onlyDemo)).toEqual({
      segment: 'smb',
      stage: 'Lead',
      score: 1,
      because: { segment: 'default', stage: 'default', score: 'default' },
    });
  });

  it('requires every condition of a rule', () => {
    const both = rule(
      { form: { kind: 'equals', value: 'contact' }, title: tests({ contains: 'director' }) },
      { score: 1 },
    );
    expect(ruleMatches(both, lead({ form: 'contact', title: 'Sales Director' }))).toBe(true);
    expect(ruleMatches(both, lead({ form: 'contact', title: 'Engineer' }))).toBe(false);
    expect(ruleMatches(both, lead({ form: 'ebook', title: 'Director' }))).toBe(false);
    expect(ruleMatches(rule({}, { score: 1 }), lead())).toBe(true);
  });
});

describe('matcherHolds', () => {
  it('equals: text ignoring case, numbers exactly, numbers against text by their digits', () => {
    expect(matcherHolds({ kind: 'equals', value: 'Contact' }, 'contact', 'form')).toBe(true);
    expect(matcherHolds({ kind: 'equals', value: 'contact' }, 'contacts', 'form')).toBe(false);
    expect(matcherHolds({ kind: 'equals', value: 'ÉTÉ' }, 'été', 'utm_campaign')).toBe(true);
    expect(matcherHolds({ kind: 'equals', value: 200 }, 200, 'company_size')).toBe(true);
    expect(matcherHolds({ kind: 'equals', value: 200 }, 201, 'company_size')).toBe(false);
    expect(matcherHolds({ kind: 'equals', value: 2024 }, '2024', 'utm_campaign')).toBe(true);
    expect(matcherHolds({ kind: 'equals', value: 'x' }, null, 'form')).toBe(false);
  });

  it('any_of: any listed value', () => {
    const m: ConditionMatcher = { kind: 'any_of', values: ['demo_request', 'TRIAL'] };
    expect(matcherHolds(m, 'trial', 'form')).toBe(true);
    expect(matcherHolds(m, 'demo_request', 'form')).toBe(true);
    expect(matcherHolds(m, 'ebook', 'form')).toBe(false);
    expect(matcherHolds(m, null, 'form')).toBe(false);
    expect(matcherHolds({ kind: 'any_of', values: [10, 50] }, 50, 'company_size')).toBe(true);
  });

  it('gte, gt, lte, lt at and around their bounds, all of them together', () => {
    expect(matcherHolds(tests({ gte: 200 }), 200, 'company_size')).toBe(true);
    expect(matcherHolds(tests({ gte: 200 }), 199, 'company_size')).toBe(false);
    expect(matcherHolds(tests({ gt: 200 }), 200, 'company_size')).toBe(false);
    expect(matcherHolds(tests({ gt: 200 }), 201, 'company_size')).toBe(true);
    expect(matcherHolds(tests({ lte: 50 }), 50, 'company_size')).toBe(true);
    expect(matcherHolds(tests({ lte: 50 }), 51, 'company_size')).toBe(false);
    expect(matcherHolds(tests({ lt: 50 }), 50, 'company_size')).toBe(false);
    expect(matcherHolds(tests({ lt: 50 }), 0, 'company_size')).toBe(true);
    const band = tests({ gte: 50, lt: 200 });
    expect([49, 50, 199, 200].map((n) => matcherHolds(band, n, 'company_size'))).toEqual([
      false,
      true,
      true,
      false,
    ]);
    expect(matcherHolds(tests({ gte: 0 }), null, 'company_size')).toBe(false);
  });

  it('contains: a substring, ignoring case', () => {
    expect(matcherHolds(tests({ contains: 'director' }), 'Marketing DIRECTOR', 'title')).toBe(true);
    expect(matcherHolds(tests({ contains: 'director' }), 'Manager', 'title')).toBe(false);
    expect(matcherHolds(tests({ contains: 'x' }), null, 'title')).toBe(false);
  });

  it('matches: a regular expression, ignoring case', () => {
    const m = tests({ matches: '^(vp|head)\\b' });
    expect(matcherHolds(m, 'VP Sales', 'title')).toBe(true);
    expect(matcherHolds(m, 'Head of Growth', 'title')).toBe(true);
    expect(matcherHolds(m, 'Headhunter', 'title')).toBe(false);
    expect(matcherHolds(m, 'Senior VP', 'title')).toBe(false);
    expect(matcherHolds(tests({ matches: '대표' }), '대표이사', 'title')).toBe(true);
  });

  it('exists: sent or not', () => {
    expect(matcherHolds(tests({ exists: true }), '010', 'phone')).toBe(true);
    expect(matcherHolds(tests({ exists: true }), null, 'phone')).toBe(false);
    expect(matcherHolds(tests({ exists: false }), null, 'phone')).toBe(true);
    expect(matcherHolds(tests({ exists: false }), '010', 'phone')).toBe(false);
    expect(matcherHolds(tests({ exists: true }), 0, 'company_size')).toBe(true);
  });

  it('domain_in: the email or website domain, or a subdomain of one', () => {
    const m = tests({ domainIn: ['gmail.com', 'acme.com'] });
    expect(matcherHolds(m, 'jane@gmail.com', 'email')).toBe(true);
    expect(matcherHolds(m, 'jane@eu.acme.com', 'email')).toBe(true);
    expect(matcherHolds(m, 'jane@notacme.com', 'email')).toBe(false);
    expect(matcherHolds(m, 'jane@acme.com.evil.io', 'email')).toBe(false);
    expect(matcherHolds(m, 'https://www.acme.com/about', 'website')).toBe(true);
    expect(matcherHolds(m, 'https://shop.acme.com', 'website')).toBe(true);
    expect(matcherHolds(m, 'https://acme.co', 'website')).toBe(false);
    expect(matcherHolds(m, null, 'email')).toBe(false);
  });

  it('combined tests must all hold', () => {
    const m = tests({ exists: true, contains: 'acme', domainIn: ['acme.com'] });
    expect(matcherHolds(m, 'sales@acme.com', 'email')).toBe(true);
    expect(matcherHolds(m, 'acme@gmail.com', 'email')).toBe(false);
  });

  it('reads utm and source from the lead', () => {
    const r = rule(
      { utm_medium: { kind: 'equals', value: 'cpc' }, source: { kind: 'equals', value: 'website' } },
      { score: 1 },
    );
    expect(ruleMatches(r, lead({ utm_medium: 'CPC' }))).toBe(true);
    expect(ruleMatches(r, lead({ utm_medium: 'email' }))).toBe(false);
    expect(ruleMatches(r, lead({ utm_medium: 'cpc', source: 'ads' }))).toBe(false);
  });
});

describe('qualify with rules written in baton.yaml', () => {
  it('applies domain, regex and exists rules end to end', () => {
    const q = configWith(
      [
        'qualification:',
        '  rules:',
        '    - when: { email: { domain_in: [competitor.io] } }',
        '      set: { stage: Lead, score: 0 }',
        '    - when: { title: { matches: "^(vp|head|chief)" }, phone: { exists: true } }',
        '      set: { segment: enterprise, stage: SQL, score: 90 }',
        '    - when: { utm_campaign: [spring, summer] }',
        '      set: { stage: MQL, score: 40 }',
        '  defaults: { score: 5 }',
      ].join('\n'),
    ).qualification;
    expect(qualify(lead({ email: 'spy@competitor.io', title: 'VP', phone: '1' }), q)).toEqual({
      segment: 'enterprise',
      stage: 'Lead',
      score: 0,
      because: { segment: 1, stage: 0, score: 0 },
    });
    expect(qualify(lead({ title: 'Chief of Staff', phone: '1', utm_campaign: 'Spring' }), q)).toEqual({
      segment: 'enterprise',
      stage: 'SQL',
      score: 90,
      because: { segment: 1, stage: 1, score: 1 },
    });
    expect(qualify(lead({ title: 'Chief of Staff', utm_campaign: 'summer' }), q)).toEqual({
      segment: 'smb',
      stage: 'MQL',
      score: 40,
      because: { segment: 'default', stage: 2, score: 2 },
    });
    expect(qualify(lead(), q)).toEqual({
      segment: 'smb',
      stage: 'Lead',
      score: 5,
      because: { segment: 'default', stage: 'default', score: 'default' },
    });
  });
});

describe('isRouted', () => {
  const stages = ['Lead', 'MQL', 'SAL', 'SQL', 'Opportunity'];

  it('is routed at or past the threshold', () => {
    expect(isRouted('Lead', 'MQL', stages)).toBe(false);
    expect(isRouted('MQL', 'MQL', stages)).toBe(true);
    expect(isRouted('SQL', 'MQL', stages)).toBe(true);
    expect(isRouted('Opportunity', 'SQL', stages)).toBe(true);
    expect(isRouted('SAL', 'SQL', stages)).toBe(false);
    expect(isRouted('Lead', 'Lead', stages)).toBe(true);
  });

  it('is not routed for a stage or threshold outside the working list', () => {
    expect(isRouted('Disqualified', 'MQL', stages)).toBe(false);
    expect(isRouted('mql', 'MQL', stages)).toBe(false);
    expect(isRouted('SQL', 'Won', stages)).toBe(false);
  });
});
