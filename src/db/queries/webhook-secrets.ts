/** Stored webhook signing secrets (endpoints added in Slack); never part of the config document. */
import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../client.js';
import { webhookSecrets } from '../schema.js';

export async function storedWebhookSecret(
  q: Queryable,
  teamId: string,
  name: string,
): Promise<string | null> {
  const [row] = await q
    .select({ secret: webhookSecrets.secret })
    .from(webhookSecrets)
    .where(and(eq(webhookSecrets.teamId, teamId), eq(webhookSecrets.name, name)))
    .limit(1);
  return row?.secret ?? null;
}

/** Sets (or replaces: a rotation, or an endpoint added again under an old name) the secret. */
export async function putWebhookSecret(
  q: Queryable,
  teamId: string,
  name: string,
  secret: string,
  now: Date,
): Promise<void> {
  await q
    .insert(webhookSecrets)
    .values({ teamId, name, secret, createdAt: now })
    .onConflictDoUpdate({
      target: [webhookSecrets.teamId, webhookSecrets.name],
      set: { secret: sql`excluded.secret`, createdAt: sql`excluded.created_at` },
    });
}

export async function deleteWebhookSecret(q: Queryable, teamId: string, name: string): Promise<void> {
  await q.delete(webhookSecrets).where(and(eq(webhookSecrets.teamId, teamId), eq(webhookSecrets.name, name)));
}
