/**
 * Preloaded into a Baton process under test (`NODE_OPTIONS=--import <this file>`, MODULE_LOG=<file>):
 * appends the URL of every ES module and CommonJS file the process loads to MODULE_LOG, one a line,
 * so a test can tell which packages an idle process holds. Node has no public list of loaded ES modules.
 */
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';

const log = process.env.MODULE_LOG;
if (log) {
  // ES modules and the CommonJS files they import: through the loader's load hook (its own thread).
  register(
    `data:text/javascript,${encodeURIComponent(`
      import { appendFileSync } from 'node:fs';
      export async function load(url, context, next) {
        appendFileSync(${JSON.stringify(log)}, url + '\\n');
        return next(url, context);
      }`)}`,
  );
  // Files CommonJS code require()s: past the ESM loader, so seen where require resolves them.
  const Module = createRequire(import.meta.url)('node:module');
  const load = Module._load;
  Module._load = function (request, parent, isMain, ...rest) {
    try {
      const file = Module._resolveFilename(request, parent, isMain);
      if (file.startsWith('/')) appendFileSync(log, `${pathToFileURL(file).href}\n`);
    } catch {
      // Let the real load report it.
    }
    return load.call(this, request, parent, isMain, ...rest);
  };
}
