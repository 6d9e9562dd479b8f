import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { credentialProblem, type SlackCredential, WHERE } from './slack-credentials.js';

export const DEFAULT_DATA_DIR = './.baton-data';

/** BATON_DATA_DIR as an absolute path, resolved once against the working directory at start. */
export function resolveDataDir(value: string | undefined): string {
  const dir = value?.trim() || DEFAULT_DATA_DIR;
  // PGlite URLs (memory://, file://…) are kept as they are.
  return dir.includes('://') ? dir : resolve(dir);
}

// Empty values in .env files ("SLACK_APP_TOKEN=") mean "not set".
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

// A placeholder or a malformed credential is refused here, with where to get the real one.
const credential = (kind: SlackCredential, schema = z.string()) =>
  schema.superRefine((value, ctx) => {
    const problem = credentialProblem(kind, value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const EnvSchema = z.object({
  SLACK_BOT_TOKEN: credential('bot', z.string({ error: `is not set: ${WHERE.bot}` })),
  SLACK_SIGNING_SECRET: optional(credential('signing')),
  SLACK_APP_TOKEN: optional(credential('app')),
  SLACK_API_URL: optional(
    z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://127.0.0.1:9999/api/' })
      .transform((u) => (u.endsWith('/') ? u : `${u}/`)),
  ),
  DATABASE_URL: optional(
    z
      .string()
      .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// URL (leave unset for the embedded database)'),
  ),
  BATON_DATA_DIR: optional(z.string()).transform(resolveDataDir),
  PORT: optional(
    z.coerce
      .number({ error: 'must be a port number' })
      .int('must be a whole number')
      .min(0, 'must be 0–65535')
      .max(65535, 'must be 0–65535'),
  ).transform((v) => v ?? 3000),
  BATON_CONFIG: optional(z.string()).transform((v) => v ?? './baton.yaml'),
  LEAD_WEBHOOK_SECRET: optional(
    z.string().min(16, 'must be at least 16 characters (try: openssl rand -hex 32)'),
  ),
  // Slack user ids who may administer Baton; when set, only they may (see src/admin/admins.ts).
  BATON_ADMINS: optional(z.string()).transform((v, ctx) => {
    const ids = (v ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean);
    const bad = ids.filter((id) => !/^[UW][A-Z0-9]{2,}$/.test(id));
    if (bad.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `must be Slack user ids separated by commas (like U0123ABCD,U0456EFGH); not a user id: ${bad.join(', ')}`,
      });
    }
    return [...new Set(ids)];
  }),
  // HubSpot connector (docs/hubspot.md): off unless the private-app token is set.
  HUBSPOT_TOKEN: optional(z.string().min(10, 'must be a HubSpot private-app access token (pat-…)')),
  HUBSPOT_CLIENT_SECRET: optional(
    z.string().min(8, "must be the HubSpot app's client secret (it signs webhooks, v3)"),
  ),
  HUBSPOT_API_URL: optional(
    z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://api.hubapi.com' }),
  ).transform((u) => (u ?? 'https://api.hubapi.com').replace(/\/+$/, '')),
  // The HubSpot app's id: its own writes echoed back carry it as sourceId and are ignored.
  HUBSPOT_APP_ID: optional(z.string().regex(/^\d{1,20}$/, 'must be the numeric HubSpot app id')),
  LOG_LEVEL: optional(
    z.enum(['debug', 'info', 'warn', 'error'], { error: 'must be one of debug, info, warn, error' }),
  ).transform((v) => v ?? 'info'),
});

export type Env = z.output<typeof EnvSchema>;

export class EnvError extends Error {
  override name = 'EnvError';
}

/** Validates the environment; throws one EnvError whose message names every bad variable. */
export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = EnvSchema.safeParse(source);
  const problems = result.success
    ? []
    : result.error.issues.map((issue) => `${String(issue.path[0])} ${issue.message}`);
  // Checked apart from the schema so it is reported together with any other problem.
  if (!source.SLACK_APP_TOKEN?.trim() && !source.SLACK_SIGNING_SECRET?.trim()) {
    problems.push(
      `SLACK_SIGNING_SECRET is not set: HTTP mode needs it, ${WHERE.signing} (or set SLACK_APP_TOKEN for Socket Mode)`,
    );
  }
  if (result.success && problems.length === 0) return result.data;
  // Someone without a Slack app yet is pointed at the sandbox; a deploy still fails loudly.
  const noSlack = !source.SLACK_BOT_TOKEN?.trim();
  const tryIt = noSlack ? ' No Slack app yet? `npm run sandbox` tries Baton without Slack.' : '';
  throw new EnvError(`Invalid environment: ${problems.join('; ')}. See .env.example.${tryIt}`);
}

/** Loads ./.env (if present) without overriding variables already set, then validates. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env, envFile = '.env'): Env {
  if (source === process.env && existsSync(envFile)) process.loadEnvFile(envFile);
  return parseEnv(source);
}
