/**
 * Preloaded into a Baton process under test (`NODE_OPTIONS=--import <this file>`, MODULE_LOG=<file>):
 * appends the URL of every ES module and CommonJS file the process loads to MODULE_LOG, one a line,
 * so a test can tell which packages an idle process holds. Node has no public list of loaded ES modules.
 * It also appends `v8-flag <flag>` for each V8 flag the process sets (v8.setFlagsFromString) and
 * `wasm-compile <how>` for each WebAssembly compile, in the order they happen.
 */
import { appendFileSync } from 'node:fs';
import { createRequire, register, syncBuiltinESMExports } from 'node:module';
import { pathToFileURL } from 'node:url';

const log = process.env.MODULE_LOG;
if (log) {
  const require = createRequire(import.meta.url);
  const v8 = require('node:v8');
  const setFlags = v8.setFlagsFromString;
  v8.setFlagsFromString = (flags) => {
    appendFileSync(log, `v8-flag ${flags}\n`);
    return setFlags(flags);
  };
  // `import { setFlagsFromString } from 'node:v8'` reads the patched function from here on.
  syncBuiltinESMExports();
  for (const how of ['compile', 'instantiate', 'compileStreaming', 'instantiateStreaming']) {
    const compile = WebAssembly[how];
    WebAssembly[how] = function (...args) {
      appendFileSync(log, `wasm-compile ${how}\n`);
      return compile.apply(this, args);
    };
  }

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
  const Module = require('node:module');
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
