import { describe, expect, it } from 'vitest';
import { checkContext, parseLeadRef } from '../../../src/domain/lead-context.js';

describe('checkContext', () => {
  it('trims fields and treats blank ones as absent', () => {
    expect(checkContext({ campaign: '  Spring  ', content: '   ', note: null })).toEqual({
      ok: true,
      fields: { campaign: 'Spring', content: null, nurture: null, note: null },
    });
  });

  it('needs at least one field', () => {
    expect(checkContext({ campaign: ' ', note: '' })).toEqual({
      ok: false,
      problems: [{ field: null, problem: 'empty' }],
    });
  });

  it('reports every field over its limit, counting after trimming', () => {
    const result = checkContext({
      campaign: ` ${'c'.repeat(200)} `,
      content: 'x'.repeat(501),
      nurture: 'n'.repeat(1000),
      note: 'y'.repeat(2001),
    });
    expect(result).toEqual({
      ok: false,
      problems: [
        { field: 'content', problem: 'too_long', max: 500 },
        { field: 'note', problem: 'too_long', max: 2000 },
      ],
    });
  });
});

describe('parseLeadRef', () => {
  it.each([
    ['42', { kind: 'id', id: 42 }],
    [' #7 ', { kind: 'id', id: 7 }],
    ['Ana@Acme.IO', { kind: 'email', email: 'ana@acme.io' }],
    ['acme', { kind: 'invalid' }],
    ['<@U123>@x.io', { kind: 'invalid' }],
    ['', { kind: 'invalid' }],
  ])('%j → %j', (input, expected) => {
    expect(parseLeadRef(input)).toEqual(expected);
  });
});
