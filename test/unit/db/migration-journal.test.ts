import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface Entry {
  idx: number;
  when: number;
  tag: string;
}

const journal = JSON.parse(readFileSync('drizzle/meta/_journal.json', 'utf8')) as { entries: Entry[] };
const sqlFiles = readdirSync('drizzle')
  .filter((f) => f.endsWith('.sql'))
  .sort();

// drizzle's migrator applies a migration only when its `when` is later than the last one applied:
// merged branches that keep their own times would make existing databases skip migrations.
describe('migration journal', () => {
  it('numbers its entries 0, 1, 2… with times that only go up', () => {
    const { entries } = journal;
    expect(entries.map((e) => e.idx)).toEqual(entries.map((_, i) => i));
    for (let i = 1; i < entries.length; i++)
      expect(entries[i]!.when, `${entries[i]!.tag} is older than ${entries[i - 1]!.tag}`).toBeGreaterThan(
        entries[i - 1]!.when,
      );
  });

  it('has one entry per SQL file, in file order, tagged with the file’s number', () => {
    expect(journal.entries.map((e) => `${e.tag}.sql`)).toEqual(sqlFiles);
    for (const e of journal.entries) expect(e.tag.startsWith(String(e.idx).padStart(4, '0'))).toBe(true);
  });
});
