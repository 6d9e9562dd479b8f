/**
 * How Baton's entry points are bundled for plain node with esbuild: `npm run sandbox`
 * (scripts/sandbox.mjs) and the tests (test/global-setup.ts, the sandbox tests) share it, so what the
 * tests run is built the way the sandbox is. Packages stay external (loaded from node_modules);
 * splitting keeps dynamic imports lazy, so a bad environment is reported before the app loads.
 */
export const NODE_BUNDLE = {
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'error',
};

/** The sandbox's launcher and its Baton, side by side (main.js finds baton-entry.js beside it). */
export const SANDBOX_ENTRIES = {
  main: 'src/sandbox/main.ts',
  'baton-entry': 'src/sandbox/baton-entry.ts',
};
