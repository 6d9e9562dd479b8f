/** The webhooks section: where Baton POSTs its events (Zapier, Make, n8n, your own service). */
import { z } from 'zod';
import { BATON_EVENT_TYPES } from '../../crm/events.js';
import { pattern, slug, strictMap, uniqueList } from './primitives.js';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** https anywhere; plain http only to this machine (a local relay, tests). */
export function webhookUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `${JSON.stringify(value)} is not a URL (like "https://hooks.zapier.com/hooks/catch/1/abc/")`;
  }
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname)) return null;
  return url.protocol === 'http:'
    ? 'must use https (plain http is allowed only for localhost)'
    : `must be an https URL, not ${url.protocol}`;
}

const endpointSchema = strictMap({
  name: slug,
  url: z.string().superRefine((value, ctx) => {
    const problem = webhookUrlProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
  events: z.union([z.literal('*'), uniqueList(z.enum(BATON_EVENT_TYPES)).min(1)], {
    error: () => `must be "*" or a list of: ${BATON_EVENT_TYPES.join(', ')}`,
  }),
  // The secret itself never enters the config (nor its history or export): only the variable's
  // name, or `stored` for a secret Baton generated when the endpoint was added in Slack.
  secret_env: pattern(
    /^[A-Z_][A-Z0-9_]{0,63}$/,
    'an environment variable name like BATON_WEBHOOK_ZAPIER_SECRET',
  ).optional(),
  secret: z
    .literal('stored', {
      error: 'must be "stored" (a secret Baton generated in Slack); for your own, use secret_env',
    })
    .optional(),
  enabled: z.boolean().default(true),
}).superRefine((endpoint, ctx) => {
  if (endpoint.secret_env === undefined && endpoint.secret === undefined)
    ctx.addIssue({
      code: 'custom',
      path: ['secret_env'],
      message: 'is required (or `secret: stored` for a secret generated in Slack)',
    });
  if (endpoint.secret_env !== undefined && endpoint.secret !== undefined)
    ctx.addIssue({
      code: 'custom',
      path: ['secret'],
      message: 'give either secret_env or secret: stored, not both',
    });
});

export const webhooksSchema = z
  .array(endpointSchema)
  .max(20)
  .superRefine((list, ctx) => {
    list.forEach((endpoint, i) => {
      if (list.findIndex((e) => e.name === endpoint.name) !== i)
        ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `${endpoint.name} is listed twice` });
    });
  });
