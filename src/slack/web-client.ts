import { WebClient } from '@slack/web-api';
import type { Logger } from '../observability/logger.js';
import { toBoltLogger } from '../observability/logger.js';
import type { BatonMetrics } from '../observability/metrics.js';

export interface SlackClientOptions {
  token: string;
  apiUrl?: string;
  logger: Logger;
  metrics: BatonMetrics;
  /** Retries on network errors and 5xx; tests pass 0. */
  retries?: number;
}

/** A fetch that counts every Slack API call and every failure (HTTP errors and ok:false). */
export function countingFetch(metrics: BatonMetrics): typeof fetch {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = url.pathname.includes('/api/') ? url.pathname.split('/api/')[1]! : 'file_upload';
    metrics.slackApiCall({ method });
    let response: Response;
    try {
      response = await fetch(input, init);
    } catch (error) {
      metrics.slackApiError({ method, error: 'network' });
      throw error;
    }
    if (!response.ok) {
      metrics.slackApiError({ method, error: `http_${response.status}` });
    } else if (response.headers.get('content-type')?.includes('json')) {
      const body = (await response.clone().json()) as { ok?: boolean; error?: string };
      if (body.ok === false) metrics.slackApiError({ method, error: body.error ?? 'unknown' });
    }
    return response;
  };
}

/** Options shared by Baton's own WebClient and the ones Bolt builds for listeners. */
export function slackClientOptions(o: Omit<SlackClientOptions, 'token'>) {
  return {
    ...(o.apiUrl ? { slackApiUrl: o.apiUrl } : {}),
    logger: toBoltLogger(o.logger.child({ component: 'web-api' }), 'info'),
    retryConfig: { retries: o.retries ?? 10, factor: 1.96, maxRetryTime: 5 * 60_000 },
    fetch: countingFetch(o.metrics),
  };
}

export function createSlackClient(o: SlackClientOptions): WebClient {
  return new WebClient(o.token, slackClientOptions(o));
}
