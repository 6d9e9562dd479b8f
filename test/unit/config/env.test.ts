import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from '../../../src/config/env.js';

const base = { SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: 'signing-secret-123' };

function problems(env: Record<string, string>): string {
  try {
    parseEnv(env);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as Error).message;
  }
  throw new Error('expected parseEnv to throw');
}

describe('parseEnv', () => {
  it('fills defaults for everything optional', () => {
    expect(parseEnv(base)).toEqual({
      ...base,
      BATON_DATA_DIR: './.baton-data',
      PORT: 3000,
      BATON_CONFIG: './baton.yaml',
      LOG_LEVEL: 'info',
    });
  });

  it('names every missing Slack variable in one line', () => {
    const message = problems({});
    expect(message).toMatch(
      /^Invalid environment: SLACK_BOT_TOKEN is not set.*; SLACK_SIGNING_SECRET is not set/,
    );
    expect(message).not.toContain('\n');
    expect(message).toContain('See .env.example');
  });

  it('accepts Socket Mode without a signing secret', () => {
    const env = parseEnv({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1-A-1-abc' });
    expect(env.SLACK_APP_TOKEN).toBe('xapp-1-A-1-abc');
    expect(env.SLACK_SIGNING_SECRET).toBeUndefined();
  });

  it('treats empty values as unset', () => {
    const env = parseEnv({ ...base, SLACK_APP_TOKEN: '', DATABASE_URL: ' ', PORT: '' });
    expect(env.SLACK_APP_TOKEN).toBeUndefined();
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PORT).toBe(3000);
  });

  it('normalises SLACK_API_URL to end in a slash', () => {
    expect(parseEnv({ ...base, SLACK_API_URL: 'http://127.0.0.1:9999/api' }).SLACK_API_URL).toBe(
      'http://127.0.0.1:9999/api/',
    );
  });

  it.each([
    ['SLACK_BOT_TOKEN', 'xoxp-user-token', 'SLACK_BOT_TOKEN must be a bot token starting with xoxb-'],
    ['SLACK_APP_TOKEN', 'xoxb-wrong', 'SLACK_APP_TOKEN must be an app-level token starting with xapp-'],
    ['SLACK_API_URL', 'ftp://host/api/', 'SLACK_API_URL must be an http(s) URL'],
    ['DATABASE_URL', 'mysql://x', 'DATABASE_URL must be a postgres:// URL'],
    ['PORT', 'eighty', 'PORT must be a port number'],
    ['PORT', '70000', 'PORT must be 0–65535'],
    ['LEAD_WEBHOOK_SECRET', 'short', 'LEAD_WEBHOOK_SECRET must be at least 16 characters'],
    ['LOG_LEVEL', 'verbose', 'LOG_LEVEL must be one of debug, info, warn, error'],
  ])('rejects a malformed %s', (name, value, expected) => {
    expect(problems({ ...base, [name]: value })).toContain(expected);
  });
});
