import { expect, it } from 'vitest';
import { asciiOnly } from '../../../scripts/bundle-main.mjs';

// What esbuild leaves unescaped (regular expressions, template literals) means the same escaped.
it('escapes past ASCII without changing what a regular expression matches or a template holds', () => {
  const source =
    "[/^(\\d+)\\s*(?:-|–|—|~|to)\\s*(\\d+)$/.exec('10–20')?.[2], /명$/u.test('30명'), /[😀]/u.test('😀'), `a → b`]";
  const escaped = asciiOnly(source);
  expect(/[\u0080-\uffff]/.test(escaped)).toBe(false);
  expect(new Function(`return ${escaped}`)()).toEqual(new Function(`return ${source}`)());
  expect(new Function(`return ${escaped}`)()).toEqual(['20', true, true, 'a → b']);
  // After a backslash an escape would read differently: refused rather than changed.
  expect(() => asciiOnly('/\\–/')).toThrow(/backslash/);
});
