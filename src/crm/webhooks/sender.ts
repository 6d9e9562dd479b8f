/**
 * Sends queued webhook deliveries: claims due ones per endpoint (a lead's deliveries one at a time,
 * in order), POSTs each outside any transaction, signed like intake, and records the outcome:
 * delivered, retried with backoff (5xx, 408, network, timeout; 429 after its Retry-After) until
 * 24 h have passed, or dead. An endpoint that keeps failing is paused and admins are told.
 */
import type { ConfigSource } from '../../config/config-source.js';
import type { WebhookEndpoint } from '../../config/workspace-schema.js';
import type { Database } from '../../db/client.js';
import { enqueueDms } from '../../db/queries/outbox.js';
import { storedWebhookSecret } from '../../db/queries/webhook-secrets.js';
import {
  claimDeliveries,
  dueEndpoints,
  endpointFailed,
  endpointStates,
  endpointSucceeded,
  markDead,
  markDelivered,
  markRetry,
  pauseEndpoint,
  pendingByEndpoint,
  type WebhookDeliveryRow,
} from '../../db/queries/webhooks.js';
import type { Clock } from '../../domain/clock.js';
import { adminIds } from '../../domain/configured-channels.js';
import { signWebhook } from '../../http/webhook-auth.js';
import { messages } from '../../i18n/index.js';
import { Pump } from '../../jobs/pump.js';
import type { Logger } from '../../observability/logger.js';
import type { BatonMetrics } from '../../observability/metrics.js';
import {
  classifyError,
  classifyResponse,
  DEFAULT_PAUSE_POLICY,
  type PausePolicy,
  type PauseReason,
  type PostOutcome,
  pauseReason,
  webhookBackoffMs,
} from './outcome.js';

export const WEBHOOK_PAUSED_PURPOSE = 'webhook_paused_dm';

export interface WebhookSenderOptions {
  database: Database;
  configs: ConfigSource;
  clock: Clock;
  logger: Logger;
  metrics: BatonMetrics;
  /** Where endpoint secrets are read (`secret_env`); process.env by default. */
  env?: Record<string, string | undefined>;
  /** Wakes the Slack outbox after an admin notice is queued. */
  wakeOutbox?: () => void;
  /** Per-request timeout (default 10 s); a claim lasts this plus 5 s (a killed process's claim frees that soon). */
  timeoutMs?: number;
  /** Deliveries in flight at once per endpoint (a slow endpoint never holds up the others). */
  perEndpoint?: number;
  backoffMs?: (attempt: number) => number;
  pause?: PausePolicy;
}

export class WebhookSender {
  readonly #o: WebhookSenderOptions & { timeoutMs: number; perEndpoint: number };
  readonly #pump: Pump;
  /** Deliveries this process is sending now, by endpoint key. */
  readonly #inFlight = new Map<string, number>();
  readonly #sending = new Set<Promise<void>>();
  /** Endpoints whose last try failed: probed one delivery at a time until one succeeds. */
  readonly #failing = new Set<string>();
  /** When this process last wrote an endpoint's success (its row is one hot row per endpoint). */
  readonly #successWritten = new Map<string, number>();

  constructor(options: WebhookSenderOptions) {
    this.#o = { timeoutMs: 10_000, perEndpoint: 16, ...options };
    // Woken after every intake (its events may have been relayed): an empty pass is one query, so
    // wakes that come during a pass are answered together after a short gap; claimed work goes on at once.
    this.#pump = new Pump(() => this.#claimAndSend(), options.logger, 'webhook sender', {
      gapMs: 100,
      fullPass: 1,
    });
    options.metrics.registry.onCollect(async () => {
      const now = options.clock.now();
      const pending = await pendingByEndpoint(options.database.db, now);
      for (const p of pending) {
        options.metrics.webhookPending(p.pending, { endpoint: p.endpoint });
        options.metrics.webhookLag(Math.max(0, p.oldestSeconds), { endpoint: p.endpoint });
      }
      const teams = new Set(pending.map((p) => p.teamId));
      for (const teamId of teams)
        for (const state of await endpointStates(options.database.db, teamId))
          options.metrics.webhookPaused(state.pausedAt ? 1 : 0, { endpoint: state.name });
    });
  }

  start(everyMs = 1_000): void {
    this.#pump.start(everyMs);
  }

  wake(): void {
    this.#pump.wake();
  }

  /** Sends everything due now and waits for the answers; returns how many were sent. For tests and tools. */
  async deliverDue(): Promise<number> {
    let total = 0;
    for (;;) {
      const claimed = await this.#pump.run();
      total += claimed;
      // Sends started by this pass or by a background one (a wake after each answer) are waited for.
      if (this.#sending.size > 0) await Promise.all(this.#sending);
      else if (claimed === 0 && !this.#pump.busy) return total;
    }
  }

  async stop(): Promise<void> {
    await this.#pump.stop();
    await Promise.all(this.#sending);
  }

  /** Claims what each endpoint has room for and starts sending it; returns how many were claimed. */
  async #claimAndSend(): Promise<number> {
    const { database, clock } = this.#o;
    const now = clock.now();
    let claimed = 0;
    for (const { teamId, endpoint } of await dueEndpoints(database.db, now)) {
      const key = `${teamId}:${endpoint}`;
      const busy = this.#inFlight.get(key) ?? 0;
      const rows = await claimDeliveries(database.db, {
        teamId,
        endpoint,
        now,
        lockMs: this.#o.timeoutMs + 5_000,
        // A failing endpoint gets one try at a time, so an outage costs one failure per backoff, not 16.
        limit: (this.#failing.has(key) ? 1 : this.#o.perEndpoint) - busy,
      });
      for (const row of rows) {
        this.#inFlight.set(key, (this.#inFlight.get(key) ?? 0) + 1);
        const sending: Promise<void> = this.#deliver(row)
          .catch((error) =>
            this.#o.logger.error('webhook delivery could not be recorded', { error, delivery_id: row.id }),
          )
          .finally(() => {
            this.#inFlight.set(key, (this.#inFlight.get(key) ?? 1) - 1);
            this.#sending.delete(sending);
            // Its lead's next delivery (or the endpoint's next batch) may be claimable now.
            this.wake();
          });
        this.#sending.add(sending);
      }
      claimed += rows.length;
    }
    return claimed;
  }

  async #deliver(row: WebhookDeliveryRow): Promise<void> {
    const { configs, database, clock, metrics } = this.#o;
    const endpoint = configs.for(row.teamId).webhooks.find((e) => e.name === row.endpoint);
    if (!endpoint?.enabled) {
      const error = endpoint ? 'endpoint disabled in the config' : 'endpoint removed from the config';
      await markDead(database.db, row.id, { status: null, error });
      metrics.webhookDelivery({ endpoint: row.endpoint, outcome: 'dead' });
      return;
    }
    const outcome = await this.#post(endpoint, row);
    const now = clock.now();
    const key = `${row.teamId}:${row.endpoint}`;
    if (outcome.kind === 'delivered') {
      await markDelivered(database.db, row.id, outcome.status, now);
      // The endpoint's health row is written on the first success after failures and then at most
      // once a second: sixteen deliveries in flight must not queue on one row lock.
      const wasFailing = this.#failing.delete(key);
      const last = this.#successWritten.get(key) ?? 0;
      if (wasFailing || now.getTime() - last >= 1000) {
        this.#successWritten.set(key, now.getTime());
        await endpointSucceeded(database.db, row.teamId, row.endpoint, outcome.status, now);
      }
      metrics.webhookDelivery({ endpoint: row.endpoint, outcome: 'delivered' });
      return;
    }
    this.#failing.add(key);
    metrics.webhookFailure({
      endpoint: row.endpoint,
      error: outcome.kind === 'rate_limited' ? 'http_429' : outcome.code,
    });
    await this.#failed(endpoint, row, outcome, now);
  }

  async #failed(
    endpoint: WebhookEndpoint,
    row: WebhookDeliveryRow,
    outcome: Exclude<PostOutcome, { kind: 'delivered' }>,
    now: Date,
  ) {
    const { database, metrics, logger } = this.#o;
    const failure = { status: outcome.status, error: outcome.error };
    const log = logger.child({ delivery_id: row.id, endpoint: row.endpoint, attempt: row.attempts });
    let paused = false;
    await database.db.transaction(async (tx) => {
      const wait =
        outcome.kind === 'rate_limited'
          ? outcome.retryAfterMs
          : (this.#o.backoffMs ?? webhookBackoffMs)(row.attempts);
      const at = new Date(now.getTime() + wait);
      if (outcome.kind === 'permanent' || at.getTime() > row.giveUpAt.getTime()) {
        await markDead(tx, row.id, failure);
        metrics.webhookDelivery({ endpoint: row.endpoint, outcome: 'dead' });
        log.error('webhook delivery given up', { error: outcome.error });
      } else {
        await markRetry(tx, row.id, at, failure);
        metrics.webhookDelivery({
          endpoint: row.endpoint,
          outcome: outcome.kind === 'rate_limited' ? 'rate_limited' : 'retry',
        });
        log.warn('webhook delivery failed; will retry', { error: outcome.error, retry_at: at.toISOString() });
      }
      // A 429 is the endpoint saying "later", not failing: it does not count towards a pause.
      if (outcome.kind === 'rate_limited') return;
      const state = await endpointFailed(tx, row.teamId, row.endpoint, failure, now);
      const reason = pauseReason(state, this.#o.pause ?? DEFAULT_PAUSE_POLICY, now);
      if (reason && (await pauseEndpoint(tx, row.teamId, row.endpoint, JSON.stringify(reason), now))) {
        paused = true;
        await this.#tellAdmins(tx, row.teamId, endpoint, reason, now);
      }
    });
    if (paused) {
      log.error('webhook endpoint paused', { url: redactUrl(endpoint.url) });
      this.#o.wakeOutbox?.();
    }
  }

  async #tellAdmins(
    tx: Parameters<Parameters<Database['db']['transaction']>[0]>[0],
    teamId: string,
    endpoint: WebhookEndpoint,
    reason: PauseReason,
    now: Date,
  ) {
    const config = this.#o.configs.for(teamId);
    const t = messages(config.locale).webhooks;
    const text = t.pausedDm(endpoint.name, reason);
    await enqueueDms(
      tx,
      { teamId, users: adminIds(config), args: { text }, purpose: WEBHOOK_PAUSED_PURPOSE },
      (admin) => `webhook_paused:${endpoint.name}:${admin}:${now.getTime()}`,
      now,
    );
  }

  async #post(endpoint: WebhookEndpoint, row: WebhookDeliveryRow): Promise<PostOutcome> {
    const { clock, env = process.env, timeoutMs } = this.#o;
    const secret =
      endpoint.secretEnv === null
        ? await storedWebhookSecret(this.#o.database.db, row.teamId, endpoint.name)
        : env[endpoint.secretEnv];
    if (!secret)
      return {
        kind: 'transient',
        status: null,
        code: 'secret_missing',
        error:
          endpoint.secretEnv === null
            ? 'secret_missing: no stored secret (rotate it in Settings → Webhooks and CRM)'
            : `secret_missing: ${endpoint.secretEnv} is not set in Baton's environment`,
      };
    const now = clock.now();
    const timestamp = Math.floor(now.getTime() / 1000);
    try {
      const res = await fetch(endpoint.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Baton-Webhooks/1',
          'x-baton-event': row.eventType,
          'x-baton-delivery': deliveryKey(row),
          'x-baton-attempt': String(row.attempts),
          'x-baton-timestamp': String(timestamp),
          'x-baton-signature': signWebhook(secret, timestamp, row.body),
        },
        body: row.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      // The body is not needed; reading it frees the connection.
      await res.arrayBuffer().catch(() => undefined);
      return classifyResponse(res.status, res.headers.get('retry-after'), clock.now());
    } catch (error) {
      return classifyError(error);
    }
  }
}

/** X-Baton-Delivery: the same on every retry of a delivery, different for each endpoint and event. */
export const deliveryKey = (row: Pick<WebhookDeliveryRow, 'teamId' | 'id'>) => `${row.teamId}-${row.id}`;

/** Catch-hook URLs carry their token in the path: logs and Slack show only the host. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}/…`;
  } catch {
    return '…';
  }
}
