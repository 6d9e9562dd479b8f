import type { IncomingMessage } from 'node:http';
import { ApiError } from './api-error.js';
import type { FailurePlan } from './failure-plan.js';
import { parseArgs } from './http.js';
import { APP_TOKEN_METHODS } from './methods/apps.js';
import { methods } from './methods/index.js';
import type { SlackState } from './state.js';
import type { Failure, SlackArgs, SlackObject } from './types.js';
import { str } from './values.js';

/** How the fake answers one Web API call, before it is recorded and sent. */
export interface ApiAnswer {
  args: SlackArgs;
  token: string | undefined;
  status: number;
  response: SlackObject;
  failure?: Failure;
  headers?: Record<string, string>;
  /** Hold the answer this long after recording the call (a `{ delayMs }` failure). */
  delayMs?: number;
}

export interface ApiContext {
  state: SlackState;
  /** The only bot token accepted; otherwise any `xoxb-` token. */
  token: string | undefined;
  failures: FailurePlan;
}

/** Parses a Web API request, applies planned failures and auth checks, then runs the method. */
export async function answerApiCall(
  method: string,
  req: IncomingMessage,
  raw: Buffer,
  url: URL,
  { state, token: acceptedToken, failures }: ApiContext,
): Promise<ApiAnswer> {
  const contentType = String(req.headers['content-type'] ?? '');
  const isJson = contentType.startsWith('application/json');
  let args: SlackArgs;
  try {
    args = parseArgs(contentType, raw.toString('utf8'), url.searchParams);
  } catch {
    return { args: {}, token: undefined, status: 200, response: { ok: false, error: 'invalid_json' } };
  }
  const header = str(req.headers.authorization);
  const bodyToken = str(args.token);
  delete args.token;
  // Slack only reads the token from the body for form posts; JSON bodies need the header.
  const token = header?.startsWith('Bearer ')
    ? header.slice('Bearer '.length)
    : isJson
      ? undefined
      : bodyToken;
  const answer = (response: SlackObject, status = 200): ApiAnswer => ({ args, token, status, response });

  const failure = failures.take(method);
  if (failure && 'lostResponse' in failure) {
    const applied = await run();
    return { ...applied, status: 504, response: { ok: false, error: 'gateway_timeout' }, failure };
  }
  if (failure && 'delayMs' in failure) return { ...(await run()), failure, delayMs: failure.delayMs };
  if (failure) {
    if ('error' in failure)
      return { ...answer({ ok: false, error: failure.error, ...failure.response }), failure };
    const headers: Record<string, string> = {};
    if (failure.retryAfter !== undefined) headers['retry-after'] = String(failure.retryAfter);
    const error = failure.status === 429 ? 'ratelimited' : 'internal_error';
    return { ...answer({ ok: false, error }, failure.status), failure, headers };
  }

  return run();

  async function run(): Promise<ApiAnswer> {
    const handler = methods[method];
    if (!handler) return answer({ ok: false, error: 'unknown_method' });
    if (!token) return answer({ ok: false, error: 'not_authed' });
    const tokenOk = APP_TOKEN_METHODS.has(method)
      ? token.startsWith('xapp-')
      : acceptedToken
        ? token === acceptedToken
        : token.startsWith('xoxb-');
    if (!tokenOk) return answer({ ok: false, error: 'invalid_auth' });

    try {
      return answer({ ok: true, ...(await handler(state, args)) });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      return answer({ ok: false, error: error.code, ...error.extra });
    }
  }
}
