import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { messages } from '../../../src/i18n/index.js';
import { leaves, type Tree } from './catalog-leaves.js';

interface Row {
  concept: string;
  korean: string;
  banned: string[];
}

/** The glossary's table rows: the last column lists the variants in backticks. */
function glossaryRows(markdown: string): Row[] {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('|') && !line.startsWith('|---') && !line.startsWith('| Concept'))
    .map((line) => {
      const cells = line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim());
      const banned = [...(cells[3] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
      return { concept: cells[0]!, korean: cells[2]!, banned };
    });
}

/** A variant counts only at the start of a word: `소스` is not found in `리소스`. */
function usesVariant(text: string, variant: string): boolean {
  let from = 0;
  for (;;) {
    const at = text.indexOf(variant, from);
    if (at < 0) return false;
    if (at === 0 || !/\p{Script=Hangul}/u.test(text[at - 1]!)) return true;
    from = at + 1;
  }
}

const glossary = glossaryRows(readFileSync(new URL('../../../docs/glossary-ko.md', import.meta.url), 'utf8'));
const korean = leaves(messages('ko') as unknown as Tree);

describe('Korean glossary', () => {
  it('has a row per concept with a Korean term and its banned variants', () => {
    expect(glossary.length).toBeGreaterThan(20);
    for (const row of glossary) expect(row.korean, row.concept).not.toBe('');
    const firstTouch = glossary.find((row) => row.concept.startsWith('first touch'));
    expect(firstTouch?.korean).toBe('첫 연락');
    expect(firstTouch?.banned).toContain('첫 응대');
  });

  it('no Korean message uses a variant the glossary does not allow', () => {
    const offences = korean.flatMap(([path, text]) =>
      glossary.flatMap((row) =>
        row.banned
          .filter((variant) => usesVariant(text, variant))
          .map((variant) => `${path}: “${variant}” → ${row.korean}`),
      ),
    );
    expect(offences).toEqual([]);
  });

  it('matches variants at word starts only', () => {
    expect(usesVariant('유입 소스별', '유입 소스')).toBe(true);
    expect(usesVariant('리소스', '소스')).toBe(false);
    expect(usesVariant('Baton 명단에', '명단')).toBe(true);
  });
});
