/**
 * `npm run sandbox -- --dev`: watches Baton's sources and calls back once per burst of saves (an
 * editor writes a file in several steps; a branch switch touches many). Only source-like files
 * count, so editor swap files and the page's own sources (bundled separately) restart nothing.
 */
import { type FSWatcher, watch } from 'node:fs';
import { join, sep } from 'node:path';

const SOURCE = /\.(ts|tsx|mts|js|mjs|json|yaml|sql)$/;
const QUIET_MS = 150;

export interface SourceWatch {
  close(): void;
}

/**
 * Calls `changed` with the first changed file of each burst, `QUIET_MS` after the burst ends; files
 * under an `ignore` folder do not count.
 */
export function watchSources(
  paths: string[],
  ignore: string[],
  changed: (file: string) => void,
): SourceWatch {
  let timer: NodeJS.Timeout | undefined;
  let first: string | undefined;
  const watchers: FSWatcher[] = paths.map((root) =>
    watch(root, { recursive: true }, (_event, name) => {
      if (!name || !SOURCE.test(name)) return;
      const file = join(root, name);
      if (ignore.some((folder) => file.startsWith(folder + sep))) return;
      first ??= file;
      clearTimeout(timer);
      timer = setTimeout(() => {
        const file = first!;
        first = undefined;
        changed(file);
      }, QUIET_MS);
    }).on('error', (error) => {
      // Out of inotify watches, a folder removed: Baton keeps running, only the restarts stop.
      process.stderr.write(`baton sandbox: stopped watching ${root}: ${error.message}\n`);
    }),
  );
  return {
    close() {
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
  };
}
