import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/observability/logger.js';

function capture(level: 'debug' | 'info' | 'warn' | 'error' = 'info') {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger(level, { service: 'baton' }, (line) => lines.push(JSON.parse(line)));
  return { logger, lines };
}

describe('logger', () => {
  it('writes one JSON record per line with level, message and fields', () => {
    const { logger, lines } = capture();
    logger.child({ team_id: 'T1' }).info('hello', { n: 2 });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'info', msg: 'hello', service: 'baton', team_id: 'T1', n: 2 });
    expect(typeof lines[0]!.time).toBe('string');
  });

  it('drops records below its level', () => {
    const { logger, lines } = capture('warn');
    logger.info('quiet');
    logger.debug('quieter');
    logger.warn('loud');
    expect(lines.map((l) => l.msg)).toEqual(['loud']);
  });

  it('never writes secrets, by key or inside text', () => {
    const { logger, lines } = capture();
    logger.error('call failed with xoxb-123-456-secret', {
      headers: { Authorization: 'Bearer abc', accept: 'json' },
      signing_secret: 's3cret',
      error: new Error('token xapp-1-A-abc rejected'),
    });
    const text = JSON.stringify(lines[0]);
    expect(text).not.toMatch(/xoxb-123|s3cret|Bearer abc|xapp-1-A-abc/);
    expect(lines[0]).toMatchObject({
      msg: 'call failed with [redacted]',
      headers: { Authorization: '[redacted]', accept: 'json' },
      signing_secret: '[redacted]',
      error: { name: 'Error', message: 'token [redacted] rejected' },
    });
  });
});
