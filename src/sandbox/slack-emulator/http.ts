import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SlackArgs, SlackObject } from './types.js';
import { isObject } from './values.js';

// Free-text arguments are never JSON-decoded, even if they happen to look like JSON.
const TEXT_ARGS = new Set([
  'text',
  'initial_comment',
  'title',
  'alt_text',
  'alt_txt',
  'filename',
  'query',
  'name',
]);

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: SlackObject,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}

/** Form bodies carry nested values as JSON strings (that is how WebClient serialises them); decode those. */
export function parseArgs(contentType: string, raw: string, query: URLSearchParams): SlackArgs {
  const args: SlackArgs = {};
  const assign = (entries: Iterable<[string, string]>) => {
    for (const [key, value] of entries) args[key] = decodeFormValue(key, value);
  };
  assign(query);
  if (contentType.startsWith('application/json')) {
    const parsed: unknown = raw.trim() === '' ? {} : JSON.parse(raw);
    if (!isObject(parsed)) throw new Error('JSON body must be an object');
    Object.assign(args, parsed);
  } else {
    assign(new URLSearchParams(raw));
  }
  return args;
}

export function tryParseArgs(contentType: string, raw: string): SlackArgs | undefined {
  try {
    return parseArgs(contentType, raw, new URLSearchParams());
  } catch {
    return undefined;
  }
}

function decodeFormValue(key: string, value: string): unknown {
  if (TEXT_ARGS.has(key) || !/^\s*[[{]/.test(value)) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** The file bytes of an upload body. */
export async function uploadedBytes(contentType: string, raw: Buffer): Promise<Buffer> {
  // Slack takes raw bytes or multipart; WebClient sends multipart with one file part.
  if (!contentType.startsWith('multipart/form-data')) return raw;
  const form = await new Response(new Uint8Array(raw), {
    headers: { 'content-type': contentType },
  }).formData();
  const part = [...form.values()].find((v) => typeof v !== 'string');
  return part && typeof part !== 'string' ? Buffer.from(await part.arrayBuffer()) : Buffer.alloc(0);
}
