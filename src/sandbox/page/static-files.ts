/** Serves the built page (dist/sandbox/web): index.html and its bundle, nothing outside that folder. */
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  map: 'application/json',
  ttf: 'font/ttf',
};

export async function serveWebFile(webDir: string, name: string, res: ServerResponse): Promise<void> {
  // Only plain names: no way out of the folder.
  if (!/^[a-z0-9-]+\.(html|js|css|map|ttf)$/.test(name)) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not_found');
    return;
  }
  try {
    const body = await readFile(join(webDir, name));
    const type = TYPES[name.split('.').at(-1) ?? ''] ?? 'application/octet-stream';
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache' }).end(body);
  } catch {
    const hint = name === 'index.html' ? ' (build it: node scripts/build-sandbox-web.mjs)' : '';
    res.writeHead(404, { 'content-type': 'text/plain' }).end(`the sandbox page is not built${hint}`);
  }
}
