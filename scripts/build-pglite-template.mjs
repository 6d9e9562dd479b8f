/**
 * The build's second step, after tsc: makes dist/pglite-template, a migrated embedded data
 * directory that a new BATON_DATA_DIR is copied from at its first start (src/db/pglite-template.ts).
 * Made from this checkout's migrations by the compiled code, never committed: a fresh clone
 * gets its own. Run from the repository root (npm run build, npm start's prestart do).
 */
import { join } from 'node:path';

const root = process.cwd();
const started = performance.now();
const { buildPgliteTemplate } = await import(join(root, 'dist/db/pglite-template.js'));
await buildPgliteTemplate(join(root, 'dist/pglite-template'), join(root, 'drizzle'));
process.stderr.write(
  `baton: made dist/pglite-template (migrated embedded database) in ${Math.round(performance.now() - started)} ms\n`,
);
