/**
 * The postgres.js patch (patches/postgres+*.patch) at the driver's own level: a connection whose
 * backend dies under a reserved handle or an open transaction must reject what is sent on it
 * (CONNECTION_CLOSED) instead of writing to the null socket from a setImmediate, which throws
 * where no caller can catch it and ends the process (porsager/postgres#1154, #1208). Unpatched,
 * both cases crash the test run. PostgreSQL only: it ends its own backends with
 * pg_terminate_backend.
 */
import postgres from 'postgres';
import { afterAll, beforeAll, expect, it } from 'vitest';

const URL = process.env.TEST_DATABASE_URL;
if (!URL) throw new Error('postgres-driver.pg.test.ts needs TEST_DATABASE_URL (a PostgreSQL server)');

let closes = 0;
let sql: postgres.Sql;
let killer: postgres.Sql;

beforeAll(() => {
  sql = postgres(URL, { max: 2, onnotice: () => {}, onclose: () => void closes++ });
  killer = postgres(URL, { max: 1, onnotice: () => {} });
});
afterAll(async () => {
  await sql?.end({ timeout: 1 });
  await killer?.end({ timeout: 1 });
});

async function waitForClose(before: number): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (closes === before) {
    if (Date.now() > deadline) throw new Error('the terminated connection never closed');
    await new Promise((r) => setTimeout(r, 5));
  }
}

it('rejects a query on a reserved connection whose backend died, and the pool goes on', async () => {
  const reserved = await sql.reserve();
  const [{ pid }] = (await reserved`select pg_backend_pid() as pid`) as unknown as [{ pid: number }];
  const before = closes;
  await killer`select pg_terminate_backend(${pid})`;
  await waitForClose(before);

  await expect(reserved`select 1`).rejects.toMatchObject({ code: 'CONNECTION_CLOSED' });
  reserved.release();
  expect(await sql`select 1 as ok`).toEqual([{ ok: 1 }]);
});

it('rejects a transaction whose backend died mid-query (its own ROLLBACK included), and the pool goes on', async () => {
  let pid: number | undefined;
  const tx = sql.begin(async (t) => {
    [{ pid }] = (await t`select pg_backend_pid() as pid`) as unknown as [{ pid: number }];
    await t`select pg_sleep(5)`;
  });
  // Handled from the start: the transaction may fail before the terminate call has answered.
  const outcome = tx.then(
    () => 'committed',
    (error: unknown) => error,
  );
  while (pid === undefined) await new Promise((r) => setTimeout(r, 5));
  await killer`select pg_terminate_backend(${pid})`;

  expect(await outcome).toBeInstanceOf(Error);
  // The ROLLBACK begin() sends on the dead connection was the write that crashed the process.
  await new Promise((r) => setImmediate(r));
  expect(await sql`select 1 as ok`).toEqual([{ ok: 1 }]);
});
