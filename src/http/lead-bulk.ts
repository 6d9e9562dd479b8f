import type { IncomingMessage } from 'node:http';
import type { CustomRoute } from '@slack/bolt';
import type { AppContext } from '../context.js';
import { findUnstorable, locateInvalidUtf8 } from '../domain/json-safety.js';
import {
  type ImportFileResult,
  importKey,
  MAX_IMPORT_BYTES,
  readCsvImport,
  readNdjsonImport,
} from '../domain/lead-import-file.js';
import { refuseNotSetUp } from './not-set-up.js';
import { BodyTooLargeError, readBody } from './read-body.js';
import { sendJson } from './routes.js';
import { verifyWebhook } from './webhook-auth.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const NDJSON_TYPES = ['application/x-ndjson', 'application/ndjson', 'application/jsonl'];
const MAX_IDEMPOTENCY_KEY = 200;

const mediaType = (req: IncomingMessage) =>
  String(req.headers['content-type'] ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase();

/** A row whose text PostgreSQL cannot store (NUL, lone surrogates) is refused before anything is stored. */
function unstorableRow(read: ImportFileResult): { line: number; field: string; message: string } | undefined {
  if (!read.ok) return undefined;
  for (const row of read.file.rows) {
    if (!row.ok) continue;
    const problem = findUnstorable(row.lead)[0];
    if (problem) return { line: row.line, field: problem.field, message: problem.message };
  }
  return undefined;
}

/**
 * POST /api/leads/bulk: many leads at once, as NDJSON or CSV (docs/leads-bulk.md). Answers 200
 * with every row's outcome once all are committed; the same file again stores nothing twice.
 */
export function leadBulkRoute(ctx: AppContext, secret: string | undefined): CustomRoute {
  return {
    path: '/api/leads/bulk',
    method: 'POST',
    handler: async (req, res) => {
      if (!secret) {
        return sendJson(res, 503, {
          error: 'intake_disabled',
          message: 'Bulk import is off: set LEAD_WEBHOOK_SECRET and restart Baton.',
        });
      }
      let raw: Buffer;
      try {
        raw = await readBody(req, MAX_IMPORT_BYTES);
      } catch (error) {
        if (!(error instanceof BodyTooLargeError)) throw error;
        res.setHeader('connection', 'close');
        return sendJson(res, 413, {
          error: 'payload_too_large',
          message: 'An import may be at most 10 MB (and 10,000 leads). Split the file.',
        });
      }
      const auth = verifyWebhook(req.headers, raw, secret, ctx.clock.now());
      if (!auth.ok) return sendJson(res, 401, { error: 'unauthorized', message: auth.reason });
      const type = mediaType(req);
      const csv = type === 'text/csv';
      if (!csv && !NDJSON_TYPES.includes(type)) {
        return sendJson(res, 415, {
          error: 'unsupported_media_type',
          field: 'content-type',
          message: `Send Content-Type text/csv (a header row, then one lead per row) or application/x-ndjson (one JSON object per line), not "${type || 'nothing'}".`,
        });
      }
      const idempotencyKey = String(req.headers['idempotency-key'] ?? '').trim() || null;
      if (idempotencyKey && idempotencyKey.length > MAX_IDEMPOTENCY_KEY) {
        return sendJson(res, 400, {
          error: 'invalid_header',
          field: 'idempotency-key',
          message: `Idempotency-Key may be at most ${MAX_IDEMPOTENCY_KEY} characters.`,
        });
      }
      let text: string;
      try {
        text = utf8.decode(raw);
      } catch {
        const bad = locateInvalidUtf8(raw);
        return sendJson(res, 400, {
          error: 'invalid_utf8',
          field: 'body',
          offset: bad?.offset ?? 0,
          message: `The file is not valid UTF-8 at byte offset ${bad?.offset ?? 0}; save it as UTF-8 (CSV UTF-8 in Excel).`,
        });
      }
      const config = ctx.configs.for(ctx.teamId);
      if (refuseNotSetUp(res, config)) return;
      const source = new URL(req.url ?? '/', 'http://baton').searchParams.get('source')?.trim() || null;
      const opts = { source: source ?? undefined, sources: config.intake.sources };
      const read = csv ? readCsvImport(text, opts) : readNdjsonImport(text, opts);
      if (!read.ok) {
        const status = read.error === 'too_many_rows' ? 413 : 400;
        return sendJson(res, status, {
          error: read.error,
          message: read.message,
          ...(read.line === undefined ? {} : { line: read.line }),
          ...(read.field === undefined ? {} : { field: read.field }),
        });
      }
      const unstorable = unstorableRow(read);
      if (unstorable) {
        return sendJson(res, 400, {
          error: 'invalid_text',
          line: unstorable.line,
          field: unstorable.field,
          message: `Line ${unstorable.line}: ${unstorable.field} ${unstorable.message}.`,
        });
      }
      try {
        const outcome = await ctx.services.leadImport.run(
          ctx.teamId,
          {
            key: importKey(raw, source, idempotencyKey),
            source,
            via: 'http',
            importedBy: null,
            rows: read.file.rows,
          },
          ctx.clock.now(),
          (progress) => ctx.logger.info('bulk import batch committed', { ...progress }),
        );
        ctx.outbox.wake();
        return sendJson(res, 200, {
          import_id: outcome.importId,
          replayed: outcome.replayed,
          counts: outcome.counts,
          rows: outcome.rows,
        });
      } catch (error) {
        ctx.logger.error('bulk import failed; told the sender to retry', { error });
        return sendJson(res, 503, {
          error: 'unavailable',
          message:
            'The import stopped before it finished. Send the same file again: rows already stored are not stored twice.',
        });
      }
    },
  };
}
