import { describe, expect, it } from 'vitest';
import { parseLeadQuery } from '../../../src/domain/lead-query.js';

describe('parseLeadQuery', () => {
  it('reads a number, with or without #, as a lead id', () => {
    expect(parseLeadQuery('42')).toEqual({ kind: 'id', id: 42 });
    expect(parseLeadQuery(' #7 ')).toEqual({ kind: 'id', id: 7 });
  });

  it('reads an address as an email, lower-cased, also when Slack linked it', () => {
    expect(parseLeadQuery('Kim@Acme.IO')).toEqual({ kind: 'email', email: 'kim@acme.io' });
    expect(parseLeadQuery('<mailto:kim@acme.io|kim@acme.io>')).toEqual({
      kind: 'email',
      email: 'kim@acme.io',
    });
  });

  it('searches anything else as text, with spaces collapsed', () => {
    expect(parseLeadQuery('  Acme   Corp ')).toEqual({ kind: 'text', text: 'Acme Corp' });
    expect(parseLeadQuery('7 Eleven')).toEqual({ kind: 'text', text: '7 Eleven' });
    expect(parseLeadQuery('a@b c')).toEqual({ kind: 'text', text: 'a@b c' });
  });

  it('finds nothing to look for in blank input', () => {
    expect(parseLeadQuery('   ')).toBeUndefined();
  });
});
