import { describe, expect, it } from 'vitest';
import { section } from '../../../src/slack/blocks/common.js';
import { escapedWithin, joinWithin } from '../../../src/slack/blocks/fit.js';
import { packedSections } from '../../../src/slack/blocks/sections.js';

describe('escapedWithin', () => {
  it('escapes text that fits and leaves it whole', () => {
    expect(escapedWithin('A & <B>', 20)).toBe('A &amp; &lt;B&gt;');
  });

  it('cuts after escaping, never inside an entity, and ends with an ellipsis within the limit', () => {
    // Each & is 5 characters once escaped: 2 fit in 11 with the ellipsis (5 + 5 + 1).
    expect(escapedWithin('&&&&', 11)).toBe('&amp;&amp;…');
    expect(escapedWithin('&&&&', 10)).toBe('&amp;…');
    expect(escapedWithin('abcdef', 4)).toBe('abc…');
  });

  it('counts a character outside the BMP as one piece', () => {
    expect(escapedWithin('😀😀😀', 5)).toBe('😀😀…');
  });
});

describe('joinWithin', () => {
  const more = (n: number) => `+${n}`;

  it('joins every item that fits', () => {
    expect(joinWithin(['a', 'b', 'c'], ', ', 7, more)).toBe('a, b, c');
  });

  it('stops where the rest would not fit, leaving room to say how many are left', () => {
    // "aaa, bbb" is 8; with " +1" it is 11, within 12; "aaa, bbb, ccc" (13) is not.
    expect(joinWithin(['aaa', 'bbb', 'ccc'], ', ', 12, more)).toBe('aaa, bbb +1');
    expect(joinWithin(['aaa', 'bbb', 'ccc'], ', ', 6, more)).toBe('aaa +2');
    expect(joinWithin(['aaaaaaaa'], ', ', 4, more)).toBe('+1');
  });
});

describe('packedSections', () => {
  it('cuts a line longer than a section with an ellipsis, never through an escaped entity or a <…> token', () => {
    const x = 'x'.repeat(2896);
    // Each long line is cut at 2,899 characters: "&am" and "<@U" would be left half, so they go too.
    expect(packedSections('Heading', [`${x}&amp;${'y'.repeat(10)}`, `${x}<@U0AAA>`, 'short'])).toEqual([
      section('Heading'),
      section(`${x}…`),
      section(`${x}…`),
      section('short'),
    ]);
  });

  it('packs short lines together under the heading', () => {
    expect(packedSections('H', ['a', 'b'])).toEqual([section('H\na\nb')]);
  });
});
