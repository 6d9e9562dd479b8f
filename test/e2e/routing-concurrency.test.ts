import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../harness/test-app.js';
import { MONDAY_10, seller } from './support/routing.js';

const SELLERS = ['U0CON0001', 'U0CON0002', 'U0CON0003'];

const CONFIG = `
locale: en
segments: [smb]
channels:
  leads: C0LEADS
routing:
  segments:
    smb: { mode: round_robin }
roster:
${SELLERS.map((s) => seller(s)).join('\n')}
`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ configYaml: CONFIG });
  t.clock.set(MONDAY_10);
});
afterAll(async () => {
  await t?.stop();
});

describe('round robin under concurrent intake', () => {
  it('gives 30 leads arriving at once exactly 10 to each of 3 equal sellers', async () => {
    // Each intake reads and advances the rotation under the workspace's routing lock; without it
    // two leads read the same passes and go to the same seller (on PostgreSQL, where they overlap).
    const sent = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        t.sendLead({
          source: 'website',
          email: `c${i}@concurrent${i}.example`,
          company: `Concurrent ${i}`,
          form: 'demo_request',
        }),
      ),
    );
    expect(sent.map((r) => r.status)).toEqual(Array(30).fill(202));
    const owners = await t.database.rows<{ owner_id: string; n: number }>(
      sql`select owner_id, count(*)::int as n from leads group by owner_id order by owner_id`,
    );
    expect(owners).toEqual(SELLERS.map((owner_id) => ({ owner_id, n: 10 })));
    const assigned = await t.database.rows<{ n: number }>(
      sql`select count(*)::int as n from lead_events where type = 'assigned'`,
    );
    expect(assigned[0]!.n).toBe(30);
  });
});
