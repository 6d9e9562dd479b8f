import { describe, expect, it } from 'vitest';
import {
  classifyError,
  classifyResponse,
  DEFAULT_PAUSE_POLICY,
  pauseReason,
  retryAfterMs,
  webhookBackoffMs,
} from '../../../src/crm/webhooks/outcome.js';

const NOW = new Date('2026-12-07T00:00:00Z');

describe('what a webhook answer means', () => {
  it('2xx delivers; 5xx and 408 retry; 429 waits; other 4xx give up', () => {
    expect(classifyResponse(204, null, NOW)).toEqual({ kind: 'delivered', status: 204 });
    expect(classifyResponse(503, null, NOW)).toMatchObject({ kind: 'transient', code: 'http_503' });
    expect(classifyResponse(408, null, NOW)).toMatchObject({ kind: 'transient' });
    expect(classifyResponse(429, '7', NOW)).toMatchObject({ kind: 'rate_limited', retryAfterMs: 7000 });
    expect(classifyResponse(410, null, NOW)).toMatchObject({ kind: 'permanent', code: 'http_410' });
    expect(classifyResponse(301, null, NOW)).toMatchObject({ kind: 'permanent' });
  });

  it('reads Retry-After as seconds or a date, within 1 s … 1 h', () => {
    expect(retryAfterMs('120', NOW)).toBe(120_000);
    expect(retryAfterMs('0', NOW)).toBe(1000);
    expect(retryAfterMs('99999', NOW)).toBe(3_600_000);
    expect(retryAfterMs(new Date(NOW.getTime() + 90_000).toUTCString(), NOW)).toBe(90_000);
    expect(retryAfterMs('soon', NOW)).toBe(30_000);
    expect(retryAfterMs(null, NOW)).toBe(30_000);
  });

  it('network errors and timeouts retry', () => {
    expect(classifyError(Object.assign(new Error('x'), { name: 'TimeoutError' }))).toMatchObject({
      code: 'timeout',
    });
    expect(
      classifyError(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } })),
    ).toEqual({
      kind: 'transient',
      status: null,
      code: 'network',
      error: 'network: ECONNREFUSED',
    });
  });

  it('keeps a network error safe to show in Slack: no mrkdwn controls, at most 200 characters', () => {
    // The error text reaches admins' DMs and App Home; a receiver's message can say anything.
    const said = `<!channel> & ${'x'.repeat(500)}`;
    const outcome = classifyError(Object.assign(new TypeError('fetch failed'), { cause: { message: said } }));
    const error = outcome.kind === 'transient' ? outcome.error : '';
    expect(error).not.toMatch(/[<>&`]/);
    expect(error.length).toBeLessThanOrEqual(200);
    expect(error.startsWith('network: !channel  xxx')).toBe(true);
  });

  it('backs off 10 s, 20 s, 40 s … up to an hour, ±20 %', () => {
    expect(webhookBackoffMs(1, () => 0.5)).toBe(10_000);
    expect(webhookBackoffMs(3, () => 0.5)).toBe(40_000);
    expect(webhookBackoffMs(1, () => 0)).toBe(8_000);
    expect(webhookBackoffMs(1, () => 1)).toBe(12_000);
    expect(webhookBackoffMs(30, () => 0.5)).toBe(3_600_000);
  });

  it('pauses after 10 failed tries in a row or 6 hours of failing', () => {
    const since = (h: number) => new Date(NOW.getTime() - h * 3_600_000);
    expect(
      pauseReason({ failures: 9, failingSince: since(1), lastError: 'http_500' }, DEFAULT_PAUSE_POLICY, NOW),
    ).toBeNull();
    expect(
      pauseReason({ failures: 10, failingSince: since(1), lastError: 'http_500' }, DEFAULT_PAUSE_POLICY, NOW),
    ).toEqual({
      kind: 'failures',
      count: 10,
      lastError: 'http_500',
    });
    expect(
      pauseReason({ failures: 4, failingSince: since(6), lastError: 'network' }, DEFAULT_PAUSE_POLICY, NOW),
    ).toEqual({
      kind: 'hours',
      count: 6,
      lastError: 'network',
    });
  });
});
