/**
 * `auth.test` at start: who the bot is in which workspace. It gives up within seconds with the
 * reason (DNS, refused connection, no answer, or Slack's error code) instead of web-api's default
 * of retrying for half an hour, so a wrong token or a wrong SLACK_API_URL is seen at once.
 */
import { ErrorCode, type RetryOptions, WebClient } from '@slack/web-api';
import { WHERE } from '../config/slack-credentials.js';
import { StartupError } from '../errors.js';
import type { Logger } from '../observability/logger.js';
import type { BatonMetrics } from '../observability/metrics.js';
import { slackClientOptions } from './web-client.js';

/** All attempts together; a retry pause begun before it adds at most 1 s more. */
export const AUTH_TEST_DEADLINE_MS = 10_000;

export interface SlackIdentity {
  teamId: string;
  teamName: string | undefined;
  botUserId: string;
  botId: string | undefined;
}

export interface WhoAmIOptions {
  token: string;
  apiUrl?: string;
  logger: Logger;
  metrics: BatonMetrics;
  /** Retries on network errors and 5xx within the deadline; default 2. */
  retries?: number;
  deadlineMs?: number;
}

export async function whoAmI(o: WhoAmIOptions): Promise<SlackIdentity> {
  const options = slackClientOptions({ ...o, retries: 0 });
  // One deadline for every attempt: a server that accepts and never answers cannot hold us longer.
  const deadline = AbortSignal.timeout(o.deadlineMs ?? AUTH_TEST_DEADLINE_MS);
  const client = new WebClient(o.token, {
    ...options,
    retryConfig: {
      retries: o.retries ?? 2,
      factor: 2,
      minTimeout: 500,
      maxTimeout: 1_000,
      randomize: false,
      // p-retry (web-api passes these options to it) stops when this throws: past the deadline
      // every further attempt would fail at once, so give the reason now.
      onFailedAttempt: (error: Error) => {
        if (deadline.aborted) throw error;
      },
    } as RetryOptions,
    rejectRateLimitedCalls: true,
    fetch: (input, init) => options.fetch(input, { ...init, signal: deadline }),
  });
  try {
    const auth = await client.auth.test();
    if (!auth.team_id || !auth.user_id) throw new Error('auth.test returned no team_id or user_id');
    return { teamId: auth.team_id, teamName: auth.team, botUserId: auth.user_id, botId: auth.bot_id };
  } catch (error) {
    throw new StartupError(
      describeAuthFailure(error, o.apiUrl ?? 'https://slack.com/api/', o.deadlineMs ?? AUTH_TEST_DEADLINE_MS),
    );
  }
}

const REVOKED = new Set(['token_revoked', 'account_inactive', 'token_expired', 'app_uninstalled']);

/** One line saying why auth.test failed and what to do. */
export function describeAuthFailure(error: unknown, apiUrl: string, deadlineMs: number): string {
  const e = error as { code?: string; data?: { error?: string }; statusCode?: number; retryAfter?: number };
  if (e.code === ErrorCode.PlatformError) {
    const code = e.data?.error ?? 'unknown_error';
    const hint = REVOKED.has(code)
      ? 'the token was revoked or the app uninstalled: reinstall the app to the workspace and copy the new token'
      : `check the token, or reinstall the app to the workspace (${WHERE.bot})`;
    return `Slack rejected SLACK_BOT_TOKEN (${code}): ${hint}`;
  }
  const reach = `could not reach Slack at ${apiUrl}`;
  if (e.code === ErrorCode.RateLimitedError) {
    return `${reach}: rate limited on auth.test (retry after ${e.retryAfter} s)`;
  }
  if (e.code === ErrorCode.HTTPError) {
    return `${reach}: auth.test answered HTTP ${e.statusCode}: check SLACK_API_URL, or Slack's status at https://slack-status.com`;
  }
  const cause = rootCause(error);
  const host = hostOf(apiUrl);
  if (cause.name === 'TimeoutError' || cause.name === 'AbortError') {
    return `${reach}: no answer within ${deadlineMs / 1000} s (timeout): check the network, a proxy or SLACK_API_URL`;
  }
  if (cause.code === 'ENOTFOUND' || cause.code === 'EAI_AGAIN') {
    return `${reach}: DNS lookup of ${host} failed (${cause.code}): check the network's DNS, or SLACK_API_URL`;
  }
  if (cause.code === 'ECONNREFUSED') {
    return `${reach}: connection refused by ${host} (ECONNREFUSED): check SLACK_API_URL, a proxy or a firewall`;
  }
  return `${reach}: ${cause.code ? `${cause.code}: ` : ''}${cause.message}`;
}

/** The innermost error: web-api wraps fetch's error, which wraps the socket's (with `code`). */
function rootCause(error: unknown): { name: string; message: string; code?: string } {
  let current = error as {
    name?: string;
    message?: string;
    code?: string;
    original?: unknown;
    cause?: unknown;
  };
  for (let depth = 0; depth < 5; depth++) {
    const next = current.original ?? current.cause;
    if (!next || typeof next !== 'object') break;
    current = next as typeof current;
  }
  // AggregateError (IPv4 and IPv6 both refused) keeps the code on the first inner error.
  const inner = (current as { errors?: { code?: string }[] }).errors?.[0];
  return {
    name: current.name ?? 'Error',
    message: current.message ?? String(error),
    code: current.code ?? inner?.code,
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
