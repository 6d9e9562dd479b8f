import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from '../../../src/config/env.js';

const base = {
  SLACK_BOT_TOKEN: 'xoxb-1000000001-2000000002-AbCdEf0123456789GhIjKlMn',
  SLACK_SIGNING_SECRET: '8f742231b10e8888abcd99aaa0bb85a5',
};

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
      BATON_DATA_DIR: resolve('.baton-data'),
      PORT: 3000,
      BATON_CONFIG: './baton.yaml',
      BATON_ADMINS: [],
      LOG_LEVEL: 'info',
      HUBSPOT_API_URL: 'https://api.hubapi.com',
    });
  });

  it('reads BATON_ADMINS as a list of Slack user ids, and names the ones that are not', () => {
    expect(parseEnv({ ...base, BATON_ADMINS: ' U0AAA1, W0BBB2 ,,U0AAA1' }).BATON_ADMINS).toEqual([
      'U0AAA1',
      'W0BBB2',
    ]);
    expect(parseEnv({ ...base, BATON_ADMINS: '' }).BATON_ADMINS).toEqual([]);
    const message = problems({ ...base, BATON_ADMINS: 'U0AAA1,@hana,c0chan' });
    expect(message).toContain(
      'BATON_ADMINS must be Slack user ids separated by commas (like U0123ABCD,U0456EFGH); not a user id: @hana, c0chan',
    );
  });

  it('names every missing Slack variable in one line', () => {
    const message = problems({});
    expect(message).toMatch(
      /^Invalid environment: SLACK_BOT_TOKEN is not set.*; SLACK_SIGNING_SECRET is not set/,
    );
    expect(message).not.toContain('\n');
    expect(message).toContain('See .env.example');
  });

  it('points someone without Slack credentials at the sandbox, on the same line', () => {
    const message = problems({});
    expect(message).toMatch(
      /See \.env\.example\. No Slack app yet\? `npm run sandbox` tries Baton without Slack\.$/,
    );
    expect(message).not.toContain('\n');
    // A deploy that has its bot token but a bad other variable is not sent to the sandbox.
    expect(problems({ ...base, PORT: 'eighty' })).not.toContain('sandbox');
  });

  it('accepts Socket Mode without a signing secret', () => {
    const appToken = 'xapp-1-A052FGTS2DL-5171572773297-610b6a11f4b7eb819e87b767d80e6575';
    const env = parseEnv({ SLACK_BOT_TOKEN: base.SLACK_BOT_TOKEN, SLACK_APP_TOKEN: appToken });
    expect(env.SLACK_APP_TOKEN).toBe(appToken);
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

  it('resolves a relative BATON_DATA_DIR once, against the working directory', () => {
    expect(parseEnv({ ...base, BATON_DATA_DIR: 'var/baton' }).BATON_DATA_DIR).toBe(resolve('var/baton'));
    expect(parseEnv({ ...base, BATON_DATA_DIR: '/srv/baton' }).BATON_DATA_DIR).toBe('/srv/baton');
    expect(parseEnv({ ...base, BATON_DATA_DIR: 'memory://' }).BATON_DATA_DIR).toBe('memory://');
  });

  it('refuses the .env.example placeholders, saying where the real values are', () => {
    const message = problems({ SLACK_BOT_TOKEN: 'xoxb-replace-me', SLACK_SIGNING_SECRET: 'replace-me' });
    expect(message).toContain(
      'SLACK_BOT_TOKEN is still a placeholder: copy the Bot User OAuth Token (xoxb-…) from https://api.slack.com/apps → your app → OAuth & Permissions',
    );
    expect(message).toContain(
      'SLACK_SIGNING_SECRET is still a placeholder: copy the Signing Secret from https://api.slack.com/apps → your app → Basic Information → App Credentials',
    );
    expect(message).not.toContain('\n');
  });

  it.each([
    [
      'SLACK_BOT_TOKEN',
      'xoxb-test-token',
      'SLACK_BOT_TOKEN is not a real token (a bot token looks like xoxb-<digits>-<digits>-',
    ],
    ['SLACK_BOT_TOKEN', 'xoxb-1-2-', 'SLACK_BOT_TOKEN is not a real token'],
    [
      'SLACK_BOT_TOKEN',
      'xoxp-1-2-3-abc',
      'SLACK_BOT_TOKEN is a user token (xoxp-), not the bot token: copy the Bot',
    ],
    [
      'SLACK_SIGNING_SECRET',
      'test-signing-secret-0123456789',
      'SLACK_SIGNING_SECRET is not a real Signing Secret (a Signing Secret is 32 hexadecimal characters): copy',
    ],
    [
      'SLACK_SIGNING_SECRET',
      '8f742231b10e8888abcd99aaa0bb85a',
      'SLACK_SIGNING_SECRET is not a real Signing Secret',
    ],
    [
      'SLACK_APP_TOKEN',
      'xapp-replace-me',
      'SLACK_APP_TOKEN is still a placeholder: create an App-Level Token',
    ],
    [
      'SLACK_APP_TOKEN',
      'xoxb-1-2-abc',
      'SLACK_APP_TOKEN is not an app-level token (an app-level token looks like xapp-',
    ],
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
