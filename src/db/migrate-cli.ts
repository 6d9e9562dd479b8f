/** `npm run db:migrate`: applies committed migrations to DATABASE_URL (or the embedded database). */
import { existsSync } from 'node:fs';
import { openDatabase } from './client.js';

if (existsSync('.env')) process.loadEnvFile('.env');

const url = process.env.DATABASE_URL?.trim() || undefined;
const dataDir = process.env.BATON_DATA_DIR?.trim() || './.baton-data';
const database = await openDatabase({ url, dataDir });
try {
  await database.migrate();
  process.stdout.write(`migrations applied (${url ? 'PostgreSQL' : `embedded database in ${dataDir}`})\n`);
} finally {
  await database.close();
}
