// POST /api/leads under concurrency (issue 16): webhook intakes arriving together share group-commit
// batches on PostgreSQL, and one lead the database refuses gets its own 503 while the others get their 202.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { openTestDatabase, refuseLeadEmail } from '../harness/database.js';
import { startTestApp, type TestApp } from '../harness/test-app.js';

let t: TestApp;
let database: Database;
const statements: string[] = [];
beforeAll(async () => {
  database = await openTestDatabase({ onQuery: (text) => statements.push(text) });
  t = await startTestApp({ database });
  t.clock.set(new Date('2026-11-23T10:00:00Z'));
});
afterAll(async () => {
  await t?.stop();
  await database?.close();
});

const lead = (n: number, email = `lead${n}@company${n}.example`) => ({
  external_id: `wb-${n}`,
  source: 'website',
  email,
  name: `Lead ${n}`,
  company: `Company ${n}`,
  company_size: 40,
  form: 'demo_request',
});

describe('POST /api/leads, many at once', () => {
  it('answers each sender for its own lead: 202 for those stored, 503 for the one refused', async () => {
    await refuseLeadEmail(database, 'boom@fail.example');
    statements.length = 0;
    const bodies = Array.from({ length: 12 }, (_, n) => (n === 5 ? lead(n, 'boom@fail.example') : lead(n)));
    const answers = await Promise.all(bodies.map((body) => t.sendLead(body)));
    expect(answers.map((a) => a.status)).toEqual(bodies.map((_, n) => (n === 5 ? 503 : 202)));
    // Group commit is PostgreSQL's (services/leads.ts defaultBatching); PGlite sends each lead alone.
    expect(statements.some((s) => s.includes('intake_leads('))).toBe(database.kind === 'postgres');
    for (const [n, answer] of answers.entries()) {
      const stored = await database.rows<{ id: number }>(
        sql`select id::int from leads where external_id = ${`wb-${n}`}`,
      );
      if (n === 5) {
        expect(stored).toEqual([]);
        continue;
      }
      expect(stored).toEqual([{ id: answer.json.lead_id }]);
      expect(
        await database.rows(
          sql`select type from lead_events where lead_id = ${answer.json.lead_id as number}`,
        ),
      ).toEqual([{ type: 'created' }]);
    }
    // On PostgreSQL the refused lead failed its batch: the app says so once per failed batch.
    if (database.kind === 'postgres')
      expect(
        t.logs.find((l) => l.msg === 'intake batch failed; its leads were stored one by one'),
      ).toMatchObject({
        level: 'warn',
      });
    // Nothing of the refused lead, nor of the batch it failed, was left half-written.
    expect(
      await database.rows(
        sql`select o.id from outbox o left join leads l on l.id = o.lead_id where o.lead_id is not null and l.id is null`,
      ),
    ).toEqual([]);
    expect(
      await database.rows(sql`select count(*)::int as n from stage_changes where via = 'intake'`),
    ).toEqual([{ n: 11 }]);
  });
});
