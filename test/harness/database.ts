import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { type Database, openDatabase, type QueryObserver } from '../../src/db/client.js';
import { PGLITE_EXTENSIONS } from '../../src/db/pglite-settings.js';
import { upsertWorkspace } from '../../src/db/queries/workspaces.js';

/**
 * A clean, migrated database for one test file: embedded PGlite by default (loaded from the
 * migrated snapshot global-setup made, which starts ~4x faster than a fresh instance), or a
 * fresh PostgreSQL database when TEST_DATABASE_URL is set. Closing it drops what it created.
 */
export async function openTestDatabase(options: { onQuery?: QueryObserver } = {}): Promise<Database> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) return openPostgresTestDatabase(adminUrl, options.onQuery);
  const snapshot = process.env.BATON_TEST_SNAPSHOT;
  const pglite = snapshot
    ? await PGlite.create({
        loadDataDir: new Blob([await readFile(snapshot)]),
        extensions: PGLITE_EXTENSIONS,
      })
    : await PGlite.create({ extensions: PGLITE_EXTENSIONS });
  const database = await openDatabase({ pglite, ...(options.onQuery ? { onQuery: options.onQuery } : {}) });
  await database.migrate();
  return database;
}

async function openPostgresTestDatabase(adminUrl: string, onQuery?: QueryObserver): Promise<Database> {
  const name = `baton_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({
    url: url.toString(),
    maxConnections: 5,
    ...(onQuery ? { onQuery } : {}),
  });
  await database.migrate();
  return {
    ...database,
    async close() {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** A bare workspace row, for database tests that do not start the app (which applies the config). */
export async function seedWorkspace(database: Database, teamId: string, now: Date): Promise<void> {
  await upsertWorkspace(database.db, {
    teamId,
    teamName: null,
    botUserId: null,
    locale: 'en',
    timeZone: 'UTC',
    settings: {},
    configHash: 'test',
    configAppliedAt: now,
  });
}

/**
 * A test-only trigger that refuses to insert a lead with `email`, as a bad row would. Returns what
 * removes it again.
 */
export async function refuseLeadEmail(database: Database, email: string): Promise<() => Promise<void>> {
  await database.db.execute(
    sql.raw(`create function refuse_boom() returns trigger language plpgsql as $$
      begin
        if new.email = '${email.replaceAll("'", "''")}' then raise exception 'refused %', new.email; end if;
        return new;
      end $$`),
  );
  await database.db.execute(
    sql.raw('create trigger refuse_boom before insert on leads for each row execute function refuse_boom()'),
  );
  return async () => {
    await database.db.execute(sql.raw('drop trigger refuse_boom on leads'));
    await database.db.execute(sql.raw('drop function refuse_boom()'));
  };
}
