import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { type Database, openDatabase } from '../../src/db/client.js';

export interface SharedPostgres {
  /** The fresh database's URL, to hand to other processes as DATABASE_URL. */
  url: string;
  /** This process's own connection to it (migrated). */
  database: Database;
  /** Closes the connection and drops the database. */
  close(): Promise<void>;
}

/**
 * A fresh, migrated PostgreSQL database on the server of `adminUrl` (like `openTestDatabase()`
 * with TEST_DATABASE_URL), also returning its URL so child processes can share it.
 */
export async function openSharedPostgres(adminUrl: string): Promise<SharedPostgres> {
  const name = `baton_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), maxConnections: 5 });
  await database.migrate();
  return {
    url: url.toString(),
    database,
    async close() {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
