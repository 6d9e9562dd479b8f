import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/client.js';
import { freePort, waitForReady } from '../harness/baton-process.js';
import { crashWorld } from '../harness/crash-world.js';
import { postSigned } from '../harness/lead-webhook.js';

const LEADS = 'C0LEADS';
const CONFIG = `
channels:
  leads: ${LEADS}
roster:
  - user: U0SDR0001
    roles: [sdr]
  - user: U0AE00001
    roles: [ae]
`;
// Three batches of 250 and one of 50: the kill lands after the first commit, before the last.
const ROWS = 800;
const FILE = `email,name,form\n${Array.from({ length: ROWS }, (_, i) => `crash${i}@bulk.io,Crash ${i},demo_request`).join('\n')}\n`;

describe('a kill -9 in the middle of a bulk import', () => {
  const world = crashWorld('bulk-crash', CONFIG);

  it('leaves only whole rows, and the rerun stores the rest once', { timeout: 240_000 }, async () => {
    const port = await freePort();
    const env = world.env(port);
    const { slack, dir, pg } = world;
    const baseUrl = `http://127.0.0.1:${port}`;
    const send = () =>
      postSigned(baseUrl, '/api/leads/bulk?source=expo', FILE, { headers: { 'content-type': 'text/csv' } });

    const first = world.launch(env);
    await waitForReady(first, port);
    const cut = send().catch((error: unknown) => error);
    await expect
      .poll(() => first.logs().filter((l) => l.msg === 'bulk import batch committed').length, {
        timeout: 120_000,
        interval: 50,
      })
      .toBeGreaterThan(0);
    first.child.kill('SIGKILL');
    await first.exited;
    expect(await cut).toBeInstanceOf(Error); // the connection died with the process: no answer
    const committed = first.logs().filter((l) => l.msg === 'bulk import batch committed');
    expect(committed.at(-1)!.recorded).toBeLessThan(ROWS);

    const second = world.launch(env);
    await waitForReady(second, port);
    const rerun = await send();
    expect(rerun.status).toBe(200);
    expect(rerun.json.counts).toEqual({ stored: ROWS, duplicate: 0, invalid: 0 });
    const rows = rerun.json.rows as Array<{ row: number; status: string; lead_id: number }>;
    expect(new Set(rows.map((r) => r.lead_id)).size).toBe(ROWS);
    // One summary for the one segment, sent once.
    await expect.poll(() => slack.messages(LEADS).length, { timeout: 30_000 }).toBe(1);
    expect(slack.messages(LEADS)[0]!.text).toBe(`Imported ${ROWS} new leads into smb`);
    second.child.kill('SIGTERM');
    await second.exited;

    const database: Database = pg ? pg.database : await openDatabase({ dataDir: join(dir, 'data') });
    try {
      const [check] = await database.rows<Record<string, number>>(sql`
        select (select count(*)::int from leads) as leads,
               (select count(distinct email)::int from leads) as emails,
               (select count(*)::int from lead_events where type = 'created') as created,
               (select count(*)::int from lead_import_rows) as recorded,
               (select count(*)::int from leads l where not exists
                  (select 1 from lead_import_rows r where r.lead_id = l.id)) as unrecorded`);
      expect(check).toEqual({ leads: ROWS, emails: ROWS, created: ROWS, recorded: ROWS, unrecorded: 0 });
    } finally {
      if (!pg) await database.close();
    }
    expect(slack.messages(LEADS)).toHaveLength(1);
  });
});
