import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../harness/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.stop();
});

describe('when the database fails under a request', () => {
  it('tells the caller plainly, logs it, and /readyz reports not ready', async () => {
    // Simulate a broken database: the roster table disappears under the running app.
    await t.database.db.execute(sql`alter table members rename to members_gone`);
    try {
      const res = await t.driver.command('/baton', 'roster', { userId: 'U0SDR0001' });
      expect(res.status).toBe(200);
      const reply = await t.slack.waitForResponse(res.responseUrl);
      expect(reply.body).toMatchObject({
        response_type: 'ephemeral',
        text: 'Something went wrong on Baton’s side; nothing was changed. Please try again in a minute.',
      });
      expect(t.logs.find((l) => l.msg === '/baton failed')).toMatchObject({
        level: 'error',
        subcommand: 'roster',
      });

      await t.database.db.execute(
        sql`delete from drizzle.__drizzle_migrations where id = (select max(id) from drizzle.__drizzle_migrations)`,
      );
      const ready = await fetch(`${t.baseUrl}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: 'migrations_pending', database: t.database.kind });
    } finally {
      await t.database.db.execute(sql`alter table members_gone rename to members`);
    }
  });
});
