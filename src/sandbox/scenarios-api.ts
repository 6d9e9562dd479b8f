/**
 * The sandbox's scenario controls over HTTP, on the emulator's port (the page calls them):
 *   GET  /sandbox/api/scenarios        → the clock, the canned leads and the workspace
 *   POST /sandbox/api/scenarios/lead   → a lead (intake fields, or `{canned}`) through Baton's signed webhook
 *   POST /sandbox/api/scenarios/clock  → `{advance}` moves Baton's clock forward
 *   POST /sandbox/api/scenarios/reset  → `{mode, lang}` starts over
 * Bad input is a 400 whose `field` names what is wrong; nothing is changed then.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { cannedLead, cannedList, isCannedId } from './canned-leads.js';
import { CLOCK_STEPS } from './clock-jumps.js';
import { SANDBOX_LANGS, SANDBOX_MODES, type SandboxLang, type SandboxMode } from './demo-workspace.js';
import type { Sandbox } from './sandbox.js';
import { sendJson } from './slack-emulator/http.js';
import type { ExtraRoute } from './slack-emulator/index.js';

const BASE = '/sandbox/api/scenarios';

class BadInput extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

function jsonObject(raw: Buffer): Record<string, unknown> {
  let body: unknown;
  try {
    body = raw.length === 0 ? {} : JSON.parse(raw.toString('utf8'));
  } catch {
    throw new BadInput('body', 'The body must be JSON.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new BadInput('body', 'The body must be a JSON object.');
  return body as Record<string, unknown>;
}

function oneOf<T extends string>(body: Record<string, unknown>, field: string, allowed: readonly T[]): T {
  const value = body[field];
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value))
    throw new BadInput(field, `${field} must be one of ${allowed.join(', ')}.`);
  return value as T;
}

function state(sandbox: Sandbox) {
  const { workspace } = sandbox;
  return {
    clock: { now: sandbox.clock.now().toISOString(), offsetMs: sandbox.clock.offsetMs },
    canned: cannedList(workspace.lang),
    workspace: { lang: workspace.lang, demo: workspace.mode === 'demo' },
  };
}

type Handler = (sandbox: Sandbox, raw: Buffer, res: ServerResponse) => Promise<void>;

const handlers: Record<string, Handler> = {
  'POST lead': async (sandbox, raw, res) => {
    const body = jsonObject(raw);
    let lead: Record<string, unknown> = body;
    if ('canned' in body) {
      if (!isCannedId(body.canned))
        throw new BadInput(
          'canned',
          `canned must be one of ${cannedList('en')
            .map((c) => c.id)
            .join(', ')}.`,
        );
      lead = cannedLead(body.canned, sandbox.workspace.lang);
    }
    const answer = await sandbox.sendLead(lead);
    // Baton's own status: 202 stored, 400 naming its fields, 409 not set up yet.
    sendJson(res, answer.status, answer as unknown as Record<string, unknown>);
  },
  'POST clock': async (sandbox, raw, res) => {
    const step = oneOf(jsonObject(raw), 'advance', CLOCK_STEPS);
    sendJson(res, 200, await sandbox.advance(step));
  },
  'POST reset': async (sandbox, raw, res) => {
    const body = jsonObject(raw);
    const mode = oneOf<SandboxMode>(body, 'mode', SANDBOX_MODES);
    const lang = oneOf<SandboxLang>(body, 'lang', SANDBOX_LANGS);
    await sandbox.reset({ mode, lang });
    sendJson(res, 200, state(sandbox));
  },
};

async function handle(sandbox: Sandbox, req: IncomingMessage, raw: Buffer, url: URL, res: ServerResponse) {
  const rest = url.pathname.slice(BASE.length).replace(/^\//, '');
  if (rest === '') {
    if (req.method !== 'GET') return sendJson(res, 405, { error: 'method_not_allowed', allow: 'GET' });
    return sendJson(res, 200, state(sandbox));
  }
  const handler = handlers[`${req.method} ${rest}`];
  if (!handler) {
    const known = Object.keys(handlers).some((key) => key.endsWith(` ${rest}`));
    return known
      ? sendJson(res, 405, { error: 'method_not_allowed', allow: 'POST' })
      : sendJson(res, 404, { error: 'not_found', message: `No scenario control at ${url.pathname}.` });
  }
  try {
    await handler(sandbox, raw, res);
  } catch (error) {
    if (error instanceof BadInput)
      return sendJson(res, 400, { error: 'invalid_input', field: error.field, message: error.message });
    // Baton is down or restarting: the control did not happen; say so rather than fail silently.
    const message = error instanceof Error ? error.message : String(error);
    return sendJson(res, 503, { error: 'unavailable', message });
  }
}

export function scenarioRoutes(sandbox: Sandbox): ExtraRoute[] {
  return [
    async (req, raw, url, res) => {
      if (url.pathname !== BASE && !url.pathname.startsWith(`${BASE}/`)) return false;
      await handle(sandbox, req, raw, url, res);
      return true;
    },
  ];
}
