/** `npm run db:migrate`: applies committed migrations to DATABASE_URL (or the embedded database). */
import { existsSync } from 'node:fs';
import { resolveDataDir } from '../config/env.js';
import { StartupError } from '../errors.js';
import { openDatabase } from './client.js';

if (existsSync('.env')) process.loadEnvFile('.env');

const url = process.env.DATABASE_URL?.trim() || undefined;
const dataDir = resolveDataDir(process.env.BATON_DATA_DIR);
let database: Awaited<ReturnType<typeof openDatabase>>;
try {
  // The embedded directory is locked like the app's: migrating under a running Baton is refused.
  database = await openDatabase({ url, dataDir });
} catch (error) {
  if (!(error instanceof StartupError)) throw error;
  process.stderr.write(`baton: ${error.message}\n`);
  process.exit(1);
}
try {
  await database.migrate();
  process.stdout.write(`migrations applied (${url ? 'PostgreSQL' : `embedded database in ${dataDir}`})\n`);
} finally {
  await database.close();
}
