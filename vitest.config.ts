import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // *.pg.test.ts need a real PostgreSQL server (e.g. several Baton processes on one database);
    // *.pglite.test.ts measure the embedded database itself (Linux /proc), so they run on the PGlite pass only.
    exclude: process.env.TEST_DATABASE_URL ? ['test/**/*.pglite.test.ts'] : ['test/**/*.pg.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    // Each file gets its own embedded PostgreSQL; two at a time suits a 2-core machine.
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
