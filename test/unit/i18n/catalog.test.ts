import { describe, expect, it } from 'vitest';
import { en } from '../../../src/i18n/en.js';
import { LOCALES, messages } from '../../../src/i18n/index.js';
import { leaves, type Tree } from './catalog-leaves.js';

describe('message catalogs', () => {
  const reference = leaves(en as unknown as Tree);

  it.each(LOCALES)('%s has every message, none empty, using every placeholder', (locale) => {
    const catalog = leaves(messages(locale) as unknown as Tree);
    expect(catalog.map(([path]) => path)).toEqual(reference.map(([path]) => path));
    for (const [path, text] of catalog) {
      expect(text.trim(), path).not.toBe('');
      const expected = reference.find(([p]) => p === path)![1].match(/‹\d›/g) ?? [];
      for (const placeholder of expected) expect(text, `${path} drops ${placeholder}`).toContain(placeholder);
    }
  });

  it('Korean is translated, not copied from English', () => {
    const ko = new Map(leaves(messages('ko') as unknown as Tree));
    // A symbol with no letters (the "—" of an empty rate) reads the same in every language.
    const copied = reference
      .filter(([path, text]) => /\p{L}/u.test(text) && ko.get(path) === text)
      .map(([path]) => path);
    expect(copied).toEqual([]);
  });
});
