/**
 * Runs queued HubSpot tasks: `out` writes Baton events to contacts, `in` applies HubSpot webhooks.
 * Claimed with a lock (several Baton processes may share the database), retried with backoff on
 * 429 (after HubSpot's own wait), 5xx and network errors for up to a day; HubSpot refusing a call
 * (other 4xx) makes the task dead, and admins see it on App Home.
 */
import type { WebClient } from '@slack/web-api';
import type { ConfigSource } from '../../config/config-source.js';
import type { Database } from '../../db/client.js';
import {
  claimHubspotTasks,
  countPendingHubspotTasks,
  finishHubspotTask,
  type HubspotTaskRow,
} from '../../db/queries/hubspot.js';
import { retryDelayMs } from '../../domain/backoff.js';
import type { Clock } from '../../domain/clock.js';
import { Pump } from '../../jobs/pump.js';
import type { Logger } from '../../observability/logger.js';
import type { BatonMetrics } from '../../observability/metrics.js';
import type { LeadService } from '../../services/leads.js';
import type { StageMoveService } from '../../services/stage-moves.js';
import { applyIn } from './apply-in.js';
import { type HubspotClient, HubspotError } from './client.js';
import { deliverOut } from './deliver-out.js';
import type { HubspotWebhookEvent } from './webhook-body.js';

export interface HubspotSenderOptions {
  database: Database;
  configs: ConfigSource;
  clock: Clock;
  logger: Logger;
  metrics: BatonMetrics;
  client: HubspotClient;
  slack: WebClient;
  leads: LeadService;
  stageMoves: StageMoveService;
  appId: string | null;
  /** Called after an inbound task changed Baton (a new lead, a move): the Slack outbox has posts to send. */
  onChange?: () => void;
}

const BATCH = 20;
const LOCK_MS = 120_000;
/** First retry after 5 s, doubling, at most 5 minutes apart: HubSpot back after an outage is seen within 5 minutes. */
const RETRY_BASE_MS = 5_000;
const RETRY_CAP_MS = 300_000;
/** Retried for a day, then given up (dead, shown to admins). */
const GIVE_UP_MS = 24 * 3_600_000;
const OWNER_CACHE_MS = 3_600_000;

export class HubspotSender {
  readonly #owners = new Map<string, { id: string | null; until: number }>();
  readonly #pump: Pump;

  constructor(private readonly o: HubspotSenderOptions) {
    this.#pump = new Pump(() => this.runDue(), o.logger, 'HubSpot sync');
    o.metrics.registry.onCollect(async () => {
      o.metrics.hubspotPending(await countPendingHubspotTasks(o.database.db));
    });
  }

  start(pollMs = 1000): void {
    this.#pump.start(pollMs);
  }

  stop(): Promise<void> {
    return this.#pump.stop();
  }

  /** Runs due tasks now (or once more after the pass in progress). */
  wake(): void {
    this.#pump.wake();
  }

  /** Runs due tasks until none is left, joining a pass in progress; resolves with how many ran. */
  run(): Promise<number> {
    return this.#pump.run();
  }

  /** Runs every due task; returns how many ran. Stops early when HubSpot is failing or limiting us. */
  async runDue(): Promise<number> {
    let ran = 0;
    for (;;) {
      const now = this.o.clock.now();
      const tasks = await claimHubspotTasks(this.o.database.db, { now, limit: BATCH, lockMs: LOCK_MS });
      if (tasks.length === 0) return ran;
      for (const [i, task] of tasks.entries()) {
        ran++;
        const waitUntil = await this.#run(task);
        if (waitUntil) {
          // HubSpot is down or limiting us: the rest of the batch waits as long, without a call.
          for (const rest of tasks.slice(i + 1))
            await finishHubspotTask(this.o.database.db, rest.id, {
              status: 'pending',
              at: now,
              nextAttemptAt: waitUntil,
              error: rest.lastError,
            });
          return ran;
        }
      }
    }
  }

  /** Runs one task; returns when to try again if HubSpot could not take it now. */
  async #run(task: HubspotTaskRow): Promise<Date | null> {
    const { database, clock, metrics, logger } = this.o;
    try {
      const outcome =
        task.direction === 'out'
          ? await deliverOut(
              {
                database,
                client: this.o.client,
                ownerFor: (teamId, userId) => this.#ownerFor(teamId, userId),
                now: () => clock.now(),
                warn: (message, fields) => logger.warn(message, fields),
              },
              task,
            )
          : await applyIn(
              {
                database,
                configs: this.o.configs,
                client: this.o.client,
                leads: this.o.leads,
                stageMoves: this.o.stageMoves,
                appId: this.o.appId,
                now: () => clock.now(),
              },
              task.teamId,
              task.payload as unknown as HubspotWebhookEvent,
            );
      await finishHubspotTask(database.db, task.id, { status: 'done', at: clock.now() });
      metrics.hubspotTask({ direction: task.direction, outcome });
      if (task.direction === 'in' && outcome !== 'echo' && outcome !== 'ignored') this.o.onChange?.();
      return null;
    } catch (error) {
      return this.#failed(task, error);
    }
  }

  async #failed(task: HubspotTaskRow, error: unknown): Promise<Date | null> {
    const { database, clock, metrics, logger } = this.o;
    const now = clock.now();
    const failure =
      error instanceof HubspotError ? error : new HubspotError('unavailable', `${(error as Error).message}`);
    const message = failure.message.slice(0, 500);
    const tooOld = now.getTime() - task.createdAt.getTime() > GIVE_UP_MS;
    if (!failure.retryable || tooOld) {
      await finishHubspotTask(database.db, task.id, { status: 'dead', at: now, error: message });
      metrics.hubspotTask({ direction: task.direction, outcome: 'dead' });
      logger.warn('HubSpot sync task given up', { task_id: task.id, kind: task.kind, error: message });
      return null;
    }
    const delay = failure.retryAfterMs ?? retryDelayMs(task.attempts, RETRY_BASE_MS, RETRY_CAP_MS);
    const nextAttemptAt = new Date(now.getTime() + delay);
    await finishHubspotTask(database.db, task.id, {
      status: 'pending',
      at: now,
      nextAttemptAt,
      error: message,
    });
    metrics.hubspotTask({ direction: task.direction, outcome: failure.kind });
    logger.info('HubSpot sync task will be retried', {
      task_id: task.id,
      error: message,
      retry_in_ms: delay,
    });
    return nextAttemptAt;
  }

  /** The HubSpot owner with the Slack user's email, cached for an hour. */
  async #ownerFor(teamId: string, slackUserId: string): Promise<string | null> {
    const key = `${teamId}:${slackUserId}`;
    const cached = this.#owners.get(key);
    const now = Date.now();
    if (cached && cached.until > now) return cached.id;
    let email: string | undefined;
    try {
      const info = await this.o.slack.users.info({ user: slackUserId });
      email = info.user?.profile?.email;
    } catch (error) {
      throw new HubspotError('unavailable', `Slack users.info failed: ${(error as Error).message}`);
    }
    const id = email ? await this.o.client.ownerIdByEmail(email) : null;
    this.#owners.set(key, { id, until: now + OWNER_CACHE_MS });
    return id;
  }
}
