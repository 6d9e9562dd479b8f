/** Outbound webhook endpoints as admins see them: health, test deliveries, resuming a paused one. */
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { ConfigSource } from '../config/config-source.js';
import type { WebhookEndpoint } from '../config/workspace-schema.js';
import type { PauseReason } from '../crm/webhooks/outcome.js';
import { TEST_EVENT_TYPE, testPayload } from '../crm/webhooks/payload.js';
import type { Database } from '../db/client.js';
import {
  endpointStates,
  queueDelivery,
  resumeEndpoint,
  type WebhookEndpointRow,
} from '../db/queries/webhooks.js';
import { webhookDeliveries } from '../db/schema.js';

export interface EndpointView {
  endpoint: WebhookEndpoint;
  state: WebhookEndpointRow | null;
  pending: number;
  paused: PauseReason | null;
}

export type WebhookActionResult = { ok: true } | { ok: false; reason: 'unknown_endpoint' | 'not_paused' };

export class WebhookService {
  constructor(
    private readonly database: Database,
    private readonly configs: ConfigSource,
  ) {}

  /** Every configured endpoint with its health (never its secret). */
  async list(teamId: string): Promise<EndpointView[]> {
    const { db } = this.database;
    const states = new Map((await endpointStates(db, teamId)).map((s) => [s.name, s]));
    const pending = new Map(
      (
        await db
          .select({ endpoint: webhookDeliveries.endpoint, n: sql<number>`count(*)::int` })
          .from(webhookDeliveries)
          .where(and(eq(webhookDeliveries.teamId, teamId), eq(webhookDeliveries.status, 'pending')))
          .groupBy(webhookDeliveries.endpoint)
      ).map((r) => [r.endpoint, r.n]),
    );
    return this.configs.for(teamId).webhooks.map((endpoint) => {
      const state = states.get(endpoint.name) ?? null;
      return { endpoint, state, pending: pending.get(endpoint.name) ?? 0, paused: pausedReason(state) };
    });
  }

  /** Queues a `webhook.test` delivery (sent even while the endpoint is paused). */
  async sendTest(teamId: string, name: string, by: string, now: Date): Promise<WebhookActionResult> {
    if (!this.#find(teamId, name)) return { ok: false, reason: 'unknown_endpoint' };
    const id = `test:${randomUUID()}`;
    const body = JSON.stringify(testPayload(teamId, id, name, by, now));
    await queueDelivery(
      this.database.db,
      { teamId, endpoint: name, eventId: id, eventType: TEST_EVENT_TYPE, leadId: null, body },
      now,
    );
    return { ok: true };
  }

  async resume(teamId: string, name: string, now: Date): Promise<WebhookActionResult> {
    if (!this.#find(teamId, name)) return { ok: false, reason: 'unknown_endpoint' };
    const resumed = await this.database.db.transaction((tx) => resumeEndpoint(tx, teamId, name, now));
    return resumed ? { ok: true } : { ok: false, reason: 'not_paused' };
  }

  /** Endpoints paused or failing now, for the admins' Home. */
  async failing(teamId: string): Promise<EndpointView[]> {
    return (await this.list(teamId)).filter((v) => v.paused || (v.state?.failures ?? 0) > 0);
  }

  #find(teamId: string, name: string) {
    return this.configs.for(teamId).webhooks.find((e) => e.name === name);
  }
}

function pausedReason(state: WebhookEndpointRow | null): PauseReason | null {
  if (!state?.pausedAt) return null;
  try {
    return JSON.parse(state.pausedReason ?? '') as PauseReason;
  } catch {
    return { kind: 'failures', count: state.failures, lastError: state.lastError ?? 'unknown' };
  }
}
