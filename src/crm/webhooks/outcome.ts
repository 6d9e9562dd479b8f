/** How a webhook POST ended, and what the sender does about it. Pure, so the rules are unit-tested. */

export type PostOutcome =
  | { kind: 'delivered'; status: number }
  /** 429: the endpoint is alive but busy; wait what it asked (Retry-After), not counted as a failure. */
  | { kind: 'rate_limited'; status: 429; retryAfterMs: number; error: string }
  /** 5xx, 408, network errors, timeouts, a missing secret: back off and retry until the window closes. */
  | { kind: 'transient'; status: number | null; code: string; error: string }
  /** Other 4xx: the endpoint refuses this request; retrying sends the same bytes, so give up now. */
  | { kind: 'permanent'; status: number; code: string; error: string };

const MAX_RETRY_AFTER_MS = 3_600_000;

/** Retry-After in seconds or as an HTTP date; at least 1 s, at most an hour. */
export function retryAfterMs(header: string | null, now: Date): number {
  if (header) {
    const seconds = Number(header);
    const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - now.getTime();
    if (Number.isFinite(ms)) return Math.min(MAX_RETRY_AFTER_MS, Math.max(1000, ms));
  }
  return 1000 * 30;
}

export function classifyResponse(status: number, retryAfter: string | null, now: Date): PostOutcome {
  if (status >= 200 && status < 300) return { kind: 'delivered', status };
  if (status === 429)
    return { kind: 'rate_limited', status, retryAfterMs: retryAfterMs(retryAfter, now), error: 'http_429' };
  if (status >= 500 || status === 408)
    return { kind: 'transient', status, code: `http_${status}`, error: `http_${status}` };
  return { kind: 'permanent', status, code: `http_${status}`, error: `http_${status}` };
}

export function classifyError(error: unknown): PostOutcome {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError')
    return { kind: 'transient', status: null, code: 'timeout', error: 'timeout: no answer in time' };
  const detail = e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(error);
  return { kind: 'transient', status: null, code: 'network', error: `network: ${plainDetail(detail)}` };
}

/**
 * The error is shown to admins in Slack (the pause DM, App Home, `/baton webhooks`) inside a code
 * span: characters that end it or that mrkdwn reads as controls are dropped, and it is cut short.
 */
function plainDetail(detail: string): string {
  const plain = detail.replace(/[<>&`]/g, '');
  return plain.length > 190 ? `${plain.slice(0, 189)}…` : plain;
}

/** Delay before retry after failed try `attempt` (1-based): 10 s doubling to an hour, ±20 % jitter. */
export function webhookBackoffMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(3_600_000, 10_000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

export interface PausePolicy {
  /** Consecutive failed tries that pause an endpoint. */
  maxFailures: number;
  /** Failing this long with no success pauses it too. */
  maxFailingMs: number;
}

export const DEFAULT_PAUSE_POLICY: PausePolicy = { maxFailures: 10, maxFailingMs: 6 * 3_600_000 };

/** Why an endpoint is paused: failed tries in a row, or hours failing; with the last error. */
export interface PauseReason {
  kind: 'failures' | 'hours';
  count: number;
  lastError: string;
}

/** Why the endpoint should be paused now, or null. */
export function pauseReason(
  state: { failures: number; failingSince: Date | null; lastError: string | null },
  policy: PausePolicy,
  now: Date,
): PauseReason | null {
  const lastError = state.lastError ?? 'unknown';
  if (state.failures >= policy.maxFailures) return { kind: 'failures', count: state.failures, lastError };
  const failingMs = state.failingSince ? now.getTime() - state.failingSince.getTime() : 0;
  if (state.failingSince && failingMs >= policy.maxFailingMs)
    return { kind: 'hours', count: Math.round(failingMs / 3_600_000), lastError };
  return null;
}
