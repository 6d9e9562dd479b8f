import { describe, expect, it } from 'vitest';
import { checkVocInput, excerpt, isVocReaction, parseTags, type VocInput } from '../../../src/domain/voc.js';

const input = (over: Partial<VocInput> = {}): VocInput => ({
  quote: 'We would buy today if it had SSO.',
  category: 'feature_request',
  competitor: null,
  lead: null,
  account: null,
  sentiment: null,
  tags: null,
  ...over,
});

describe('checkVocInput', () => {
  it('keeps a full entry, trimmed, with tags normalised', () => {
    expect(
      checkVocInput(
        input({
          quote: '  We would buy today if it had SSO.\n',
          competitor: '  Acme CRM ',
          lead: '42',
          account: ' Globex ',
          sentiment: 'negative',
          tags: 'SSO, #Security,  sso , #big  deal',
        }),
      ),
    ).toEqual({
      ok: true,
      fields: {
        quote: 'We would buy today if it had SSO.',
        category: 'feature_request',
        competitor: 'Acme CRM',
        leadId: 42,
        account: 'Globex',
        sentiment: 'negative',
        tags: ['sso', 'security', 'big deal'],
      },
    });
  });

  it('treats blank optional fields as absent', () => {
    expect(
      checkVocInput(input({ competitor: '   ', account: '', sentiment: ' ', tags: ' , ,#', lead: ' ' })),
    ).toEqual({
      ok: true,
      fields: {
        quote: 'We would buy today if it had SSO.',
        category: 'feature_request',
        competitor: null,
        leadId: null,
        account: null,
        sentiment: null,
        tags: [],
      },
    });
  });

  it('requires a quote and a category', () => {
    expect(checkVocInput(input({ quote: ' \n ', category: null }))).toEqual({
      ok: false,
      problems: [
        { field: 'quote', problem: 'required' },
        { field: 'category', problem: 'required' },
      ],
    });
  });

  it('accepts exactly the limits and refuses one character more', () => {
    const atLimits = input({
      quote: 'q'.repeat(3000),
      competitor: 'c'.repeat(100),
      account: 'a'.repeat(200),
    });
    expect(checkVocInput(atLimits).ok).toBe(true);
    expect(
      checkVocInput(
        input({ quote: 'q'.repeat(3001), competitor: 'c'.repeat(101), account: 'a'.repeat(201) }),
      ),
    ).toEqual({
      ok: false,
      problems: [
        { field: 'quote', problem: 'too_long', max: 3000 },
        { field: 'competitor', problem: 'too_long', max: 100 },
        { field: 'account', problem: 'too_long', max: 200 },
      ],
    });
  });

  it('refuses a category, sentiment or lead it does not know', () => {
    expect(checkVocInput(input({ category: 'rant', sentiment: 'furious', lead: 'Acme' }))).toEqual({
      ok: false,
      problems: [
        { field: 'category', problem: 'unknown' },
        { field: 'sentiment', problem: 'unknown' },
        { field: 'lead', problem: 'unknown' },
      ],
    });
    expect(checkVocInput(input({ lead: '0' }))).toEqual({
      ok: false,
      problems: [{ field: 'lead', problem: 'unknown' }],
    });
  });

  it('accepts every category and sentiment', () => {
    for (const category of [
      'objection',
      'feature_request',
      'competitor',
      'pricing',
      'praise',
      'churn_risk',
      'lead_quality',
      'other',
    ])
      expect(checkVocInput(input({ category })).ok, category).toBe(true);
    for (const sentiment of ['positive', 'neutral', 'negative'])
      expect(checkVocInput(input({ sentiment })).ok, sentiment).toBe(true);
  });

  it('allows ten tags of up to 30 characters, no more', () => {
    const ten = Array.from({ length: 10 }, (_, i) => `tag${i}`).join(', ');
    expect(checkVocInput(input({ tags: ten }))).toMatchObject({
      ok: true,
      fields: { tags: ten.split(', ') },
    });
    expect(checkVocInput(input({ tags: `${ten}, tag10` }))).toEqual({
      ok: false,
      problems: [{ field: 'tags', problem: 'too_many', max: 10 }],
    });
    expect(checkVocInput(input({ tags: `#${'x'.repeat(30)}` })).ok).toBe(true);
    expect(checkVocInput(input({ tags: `ok, ${'y'.repeat(31)}` }))).toEqual({
      ok: false,
      problems: [{ field: 'tags', problem: 'tag_too_long', tag: 'y'.repeat(31), max: 30 }],
    });
  });

  it('counts tags after removing duplicates', () => {
    const twelve = 'a, A, #a, b, c, d, e, f, g, h, i, j';
    expect(checkVocInput(input({ tags: twelve }))).toMatchObject({
      ok: true,
      fields: { tags: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'] },
    });
  });
});

describe('parseTags', () => {
  it('splits on commas and line breaks, drops #, lower-cases and de-duplicates in order', () => {
    expect(parseTags('Onboarding,#pricing\n##SSO, pricing,  Big   Deal ')).toEqual([
      'onboarding',
      'pricing',
      'sso',
      'big deal',
    ]);
    expect(parseTags(null)).toEqual([]);
  });
});

describe('isVocReaction', () => {
  it('matches the configured name, with or without a skin tone', () => {
    expect(isVocReaction('voc', 'voc')).toBe(true);
    expect(isVocReaction('voc::skin-tone-2', 'voc')).toBe(true);
    expect(isVocReaction('raised_hands::skin-tone-5', 'raised_hands')).toBe(true);
  });

  it('does not match other emoji that merely start the same', () => {
    expect(isVocReaction('vocal', 'voc')).toBe(false);
    expect(isVocReaction('voc_', 'voc')).toBe(false);
    expect(isVocReaction('thumbsup', 'voc')).toBe(false);
    expect(isVocReaction('vo', 'voc')).toBe(false);
  });
});

describe('excerpt', () => {
  it('keeps text that fits, trimmed', () => {
    expect(excerpt('  short quote \n', 20)).toBe('short quote');
    expect(excerpt('x'.repeat(10), 10)).toBe('x'.repeat(10));
  });

  it('cuts with an ellipsis within the limit', () => {
    expect(excerpt('abcdefghijk', 10)).toBe('abcdefghi…');
    expect(excerpt('abcd efgh ijk', 10)).toBe('abcd efgh…');
    expect(excerpt('abcd     efgh', 7)).toBe('abcd…');
  });

  it('folds lines for one-line previews, or keeps them', () => {
    expect(excerpt('line one\n\nline   two', 50, { oneLine: true })).toBe('line one line two');
    expect(excerpt('line one\nline two', 50)).toBe('line one\nline two');
  });

  it('never splits an emoji', () => {
    expect(excerpt('👍👍👍👍', 3)).toBe('👍👍…');
    expect(Array.from(excerpt('a👍'.repeat(100), 11))).toHaveLength(11);
  });
});
