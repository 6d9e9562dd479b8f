import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import {
  type ChatPostEphemeralArguments,
  type ChatPostMessageArguments,
  type ChatUpdateArguments,
  ErrorCode,
  WebClient,
} from '@slack/web-api';
import type { Database } from '../../db/client.js';
import {
  CHANNEL_PACE_MS,
  channelHasParked,
  claimDueWrites,
  markWriteDead,
  markWriteParked,
  markWriteRetry,
  markWriteSent,
  type OutboxRow,
  outboxStats,
  type SlackWriteMethod,
} from '../../db/queries/outbox.js';
import {
  beatSender,
  otherSenders,
  releaseClaimsOfGone,
  removeSender,
} from '../../db/queries/outbox-senders.js';
import { retryDelayMs } from '../../domain/backoff.js';
import type { Clock } from '../../domain/clock.js';
import { Pump } from '../../jobs/pump.js';
import { type WakeTimer, wakeEvery } from '../../jobs/wake-timer.js';
import type { Logger } from '../../observability/logger.js';
import type { BatonMetrics } from '../../observability/metrics.js';
import { RepeatedFailureLog } from '../../observability/repeated-failure.js';
import { slackClientOptions } from '../web-client.js';
import { pidExists, type SenderIdentity, senderIsGone } from './sender-liveness.js';

/** `metadata.event_type` of every message the outbox posts; the payload carries the outbox id. */
export const OUTBOX_EVENT_TYPE = 'baton_outbox';

const OUTBOX_METHODS: ReadonlySet<string> = new Set<SlackWriteMethod>([
  'chat.postMessage',
  'chat.update',
  'chat.postEphemeral',
]);

/** Slack errors that no retry will fix: the write is moved aside at once. */
export const PERMANENT_SLACK_ERRORS: ReadonlySet<string> = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'invalid_blocks',
  'msg_too_long',
  'invalid_auth',
  'account_inactive',
  'message_not_found',
  'cant_update_message',
  'no_text',
  // The same kind of refusal, under other names Slack uses for these methods.
  'not_authed',
  'token_revoked',
  'token_expired',
  'missing_scope',
  'msg_blocks_too_long',
  'invalid_arguments',
  'invalid_metadata_format',
  'invalid_metadata_schema',
  'metadata_too_large',
  'user_not_found',
  'user_not_in_channel',
  'restricted_action',
  'edit_window_closed',
  'thread_not_found',
]);

/**
 * Refusals that are about the channel, not the post: a post or edit in a channel is parked (sent
 * again once the channel is fixed) instead of given up.
 */
export const PARKING_SLACK_ERRORS: ReadonlySet<string> = new Set([
  'not_in_channel',
  'channel_not_found',
  'is_archived',
]);

/** Channels (public `C…`, private `G…`) can be fixed by an admin; a DM to a user cannot be parked. */
const isChannel = (id: string) => /^[CG]/.test(id);

export interface OutboxSlackClientOptions {
  token: string;
  apiUrl?: string | undefined;
  logger: Logger;
  metrics: BatonMetrics;
  /** Per-call timeout; keep it well below the sender's lockMs. */
  timeoutMs?: number;
}

/**
 * The WebClient the outbox sender needs: it owns retries, so the client never retries by itself
 * and hands back a 429 at once (with its Retry-After) instead of sleeping on it.
 */
export function createOutboxClient(o: OutboxSlackClientOptions): WebClient {
  return new WebClient(o.token, {
    ...slackClientOptions({
      ...(o.apiUrl ? { apiUrl: o.apiUrl } : {}),
      logger: o.logger,
      metrics: o.metrics,
      retries: 0,
    }),
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    timeout: o.timeoutMs ?? 10_000,
  });
}

/** Where a write goes and with what arguments (`channel` is added to the args by the sender). */
export interface WriteTarget {
  channel: string;
  args: Record<string, unknown>;
}

/**
 * What `prepare` decides for a write at delivery time: send it (possibly re-rendered, e.g. a card
 * from the lead as it is now), wait (tried again later with backoff; counts as an attempt), or
 * drop it (moved aside, not an error).
 */
export type PreparedWrite = { send: WriteTarget } | { wait: string } | { drop: string };

export interface OutboxSenderOptions {
  database: Database;
  clock: Clock;
  logger: Logger;
  metrics: BatonMetrics;
  /** Built with createOutboxClient (or the same options: no retries, 429s rejected). */
  client: WebClient;
  /**
   * Renders a write just before it is sent. Without it the row's own channel and args are sent.
   * Pacing stays keyed on the row's channel.
   */
  prepare?: (row: OutboxRow) => Promise<PreparedWrite>;
  /** Called once a write is recorded as sent, e.g. to store a card's ts on its lead. */
  onSent?: (row: OutboxRow, ts: string) => Promise<void>;
  /** Called when Slack refused a post because of its channel and the post was parked. */
  onParked?: (row: OutboxRow, channel: string, code: string) => Promise<void>;
  /** Tries (rate-limited ones not counted) before a write is moved aside. */
  maxAttempts?: number;
  /** How long a claimed write is ours before another process may take it over. */
  lockMs?: number;
  /** Writes claimed (and sent concurrently, one per channel) per round. */
  batchSize?: number;
  /** Spacing between writes to one channel. */
  paceMs?: number;
  /** Delay before the next try after failed try number `attempt` (1-based). */
  backoffMs?: (attempt: number) => number;
  /** How far before the write was enqueued to look for an earlier post of it (clock skew). */
  reconcileSlackMs?: number;
  /** conversations.history pages to read when looking for an earlier post. */
  reconcilePages?: number;
  /** How often a started sender refreshes its outbox_senders row and frees claims of gone senders. */
  heartbeatMs?: number;
  /** A sender silent this long is gone, whatever host it ran on. */
  staleMs?: number;
}

type Outcome =
  | { kind: 'rate_limited'; retryAfterMs: number; error: string }
  | { kind: 'permanent'; code: string; error: string }
  | { kind: 'transient'; code: string; error: string };

/** Sorts a failed Web API call into: wait and retry (429), give up, or back off and retry. */
export function classifySlackError(error: unknown): Outcome {
  const e = error as {
    code?: string;
    retryAfter?: number;
    data?: { error?: string };
    statusCode?: number;
    original?: Error;
    message?: string;
  };
  const message = error instanceof Error ? error.message : String(error);
  switch (e?.code) {
    case ErrorCode.RateLimitedError: {
      const seconds = Math.max(1, Number(e.retryAfter) || 1);
      return {
        kind: 'rate_limited',
        retryAfterMs: seconds * 1000,
        error: `rate_limited: retry after ${seconds} s`,
      };
    }
    case ErrorCode.PlatformError: {
      const code = e.data?.error ?? 'unknown_error';
      return PERMANENT_SLACK_ERRORS.has(code)
        ? { kind: 'permanent', code, error: code }
        : { kind: 'transient', code, error: code };
    }
    case ErrorCode.HTTPError:
      return { kind: 'transient', code: `http_${e.statusCode}`, error: `http_${e.statusCode}` };
    case ErrorCode.RequestError:
      return { kind: 'transient', code: 'network', error: `network: ${e.original?.message ?? message}` };
    default:
      return { kind: 'transient', code: 'error', error: message };
  }
}

/** Senders registered by this process (tests run several): alive by definition, whatever their pid. */
const LOCAL_SENDERS = new Set<string>();

interface HistoryPage {
  messages?: Array<{
    ts?: string;
    metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
  }>;
  response_metadata?: { next_cursor?: string };
}

/**
 * Delivers the outbox: claims due writes (one per channel per round, paced per channel), makes the
 * Slack call outside any transaction, and records the outcome. A post whose earlier try may have
 * reached Slack is first looked up by its metadata, so a crash between Slack accepting it and Baton
 * recording it never produces a second copy.
 */
export class OutboxSender {
  readonly #o: Required<Omit<OutboxSenderOptions, 'onSent' | 'prepare' | 'onParked'>> &
    Pick<OutboxSenderOptions, 'onSent' | 'prepare' | 'onParked'>;
  /** This process's sender as outbox_senders knows it; claims carry its instance id once registered. */
  readonly identity: SenderIdentity = { instanceId: randomUUID(), host: hostname(), pid: process.pid };
  #registered = false;
  #heartbeat: NodeJS.Timeout | undefined;
  #timer: WakeTimer | undefined;
  /** One pass at a time per process, once more if woken during a pass; failures logged once per run. */
  readonly #pump: Pump;
  readonly #beatLog: RepeatedFailureLog;

  constructor(options: OutboxSenderOptions) {
    this.#o = {
      maxAttempts: 8,
      lockMs: 2 * 60_000,
      batchSize: 10,
      paceMs: CHANNEL_PACE_MS,
      backoffMs: (attempt) => retryDelayMs(attempt, 10_000, 30 * 60_000),
      reconcileSlackMs: 30_000,
      reconcilePages: 3,
      heartbeatMs: 2_000,
      staleMs: 10_000,
      ...options,
    };
    this.#pump = new Pump(() => this.#pass(), options.logger, 'outbox');
    this.#beatLog = new RepeatedFailureLog(
      options.logger,
      'outbox heartbeat failed',
      'outbox heartbeat works again',
    );
    options.metrics.registry.onCollect(async () => {
      const stats = await outboxStats(this.#o.database.db, this.#o.clock.now());
      this.#o.metrics.outboxPending(stats.pending);
      this.#o.metrics.outboxParkedNow(stats.parked);
    });
  }

  /**
   * Registers this sender and frees the claims of senders that are gone (a process killed mid-post
   * held its channel for the whole claim lock before: ~2 minutes). Freed posts are looked up in
   * Slack by their metadata on their next claim, so they are recorded as sent or posted once.
   * Returns how many claims were freed.
   */
  async recover(): Promise<number> {
    const { database, logger, metrics, staleMs } = this.#o;
    await beatSender(database.db, this.identity);
    this.#registered = true;
    LOCAL_SENDERS.add(this.identity.instanceId);
    const others = await otherSenders(database.db, this.identity.instanceId);
    const gone = others
      .filter((o) =>
        senderIsGone(o, this.identity, staleMs / 1000, {
          pidExists,
          inThisProcess: (id) => LOCAL_SENDERS.has(id),
        }),
      )
      .map((o) => o.instanceId);
    const freed = await releaseClaimsOfGone(database.db, gone);
    if (freed.length > 0) {
      metrics.outboxClaimsFreed({}, freed.length);
      logger.info('outbox freed posts claimed by a stopped process', { outbox_ids: freed, senders: gone });
    }
    return freed.length;
  }

  /** Wakes every `tickMs` (default every second) to deliver what is due, and keeps the heartbeat. */
  start(tickMs = 1_000): void {
    this.#pump.start();
    this.#timer ??= wakeEvery(tickMs, () => this.wake());
    this.#heartbeat ??= setInterval(() => {
      void this.recover().then(
        () => this.#beatLog.succeeded(),
        (error) => this.#beatLog.failed(error),
      );
    }, this.#o.heartbeatMs);
    this.#heartbeat.unref();
  }

  /**
   * Starts a pass now (e.g. right after a write is enqueued) without waiting for it. While the
   * database is away every pass fails: logged once, and once when passes work again.
   */
  wake(): void {
    this.#pump.wake();
  }

  /** Delivers until nothing is claimable now; returns how many writes were handled. One pass at a time per process. */
  deliverDue(): Promise<number> {
    return this.#pump.run();
  }

  async stop(): Promise<void> {
    this.#timer?.cancel();
    this.#timer = undefined;
    clearInterval(this.#heartbeat);
    this.#heartbeat = undefined;
    await this.#pump.stop();
    if (this.#registered) {
      this.#registered = false;
      LOCAL_SENDERS.delete(this.identity.instanceId);
      await removeSender(this.#o.database.db, this.identity.instanceId).catch((error) =>
        this.#o.logger.warn('outbox could not remove its sender row', { error }),
      );
    }
  }

  /** One batch: at most one due write per channel, sent side by side; returns how many. */
  async #pass(): Promise<number> {
    const batch = await claimDueWrites(this.#o.database.db, {
      now: this.#o.clock.now(),
      limit: this.#o.batchSize,
      lockMs: this.#o.lockMs,
      paceMs: this.#o.paceMs,
      ...(this.#registered ? { claimedBy: this.identity.instanceId } : {}),
    });
    await Promise.all(batch.map((row) => this.#deliver(row)));
    return batch.length;
  }

  async #deliver(row: OutboxRow): Promise<void> {
    const { database, clock, logger, metrics, maxAttempts, backoffMs } = this.#o;
    const log = logger.child({
      outbox_id: row.id,
      team_id: row.teamId,
      channel: row.channel,
      method: row.method,
      purpose: row.purpose,
      attempt: row.attempts,
    });
    if (!OUTBOX_METHODS.has(row.method)) {
      await this.#dead(row, 'unsupported_method', `unsupported method ${row.method}`, log);
      return;
    }
    let send: WriteTarget = { channel: row.channel, args: row.args };
    try {
      if (this.#o.prepare) {
        const prepared = await this.#o.prepare(row);
        if ('drop' in prepared) {
          await this.#dead(row, 'dropped', `dropped: ${prepared.drop}`, log);
          return;
        }
        if ('wait' in prepared) {
          // What it waits for (its card, its parent) is parked in this channel: it waits with it.
          if (isChannel(row.channel) && (await channelHasParked(database.db, row.teamId, row.channel))) {
            await markWriteParked(database.db, row.id, `parked with its channel: ${prepared.wait}`, {
              attempts: row.attempts,
            });
            metrics.outboxParked({ error: 'waits_for_parked' });
            log.info('outbox write parked behind its parked channel', { reason: prepared.wait });
            return;
          }
          if (row.attempts >= maxAttempts) {
            await this.#dead(row, 'waited_too_long', `still waiting: ${prepared.wait}`, log);
            return;
          }
          const at = new Date(clock.now().getTime() + backoffMs(row.attempts));
          await markWriteRetry(database.db, row.id, at, `waiting: ${prepared.wait}`, {
            attempts: row.attempts,
          });
          metrics.outboxRetry({ reason: 'waiting' });
          log.info('outbox write not ready yet', { reason: prepared.wait, retry_at: at.toISOString() });
          return;
        }
        send = prepared.send;
      }
      // Attempts were counted when the row was claimed: more than one means an earlier try may
      // have reached Slack without Baton recording it.
      if (row.method === 'chat.postMessage' && row.attempts > 1) {
        const ts = await this.#findEarlierPost(row, send);
        if (ts) {
          metrics.outboxReconciled();
          log.info('outbox post was already in Slack; recorded it instead of posting again', { ts });
          await this.#sent(row, ts, log);
          return;
        }
      }
      if (row.attempts > maxAttempts) {
        // Its earlier tries ended with their process (a crash loop): stop here.
        await this.#dead(row, 'attempts_exhausted', 'attempts exhausted (its process stopped mid-try)', log);
        return;
      }
      if (clock.now().getTime() >= (row.lockedUntil?.getTime() ?? 0)) {
        // Our claim ran out (a slow reconcile); another process may own it now. Let it go.
        await markWriteRetry(database.db, row.id, clock.now(), 'claim expired before the call', {
          attempts: row.attempts,
        });
        return;
      }
      const ts = await this.#call(row, send);
      await this.#sent(row, ts, log);
    } catch (error) {
      await this.#failed(row, error, log, send.channel);
    }
  }

  async #sent(row: OutboxRow, ts: string, log: Logger): Promise<void> {
    const recorded = await markWriteSent(this.#o.database.db, row.id, ts, this.#o.clock.now());
    if (!recorded) {
      log.warn('outbox write was already recorded by another sender', { ts });
      return;
    }
    this.#o.metrics.outboxSent({ method: row.method });
    log.debug('outbox write sent', { ts });
    try {
      await this.#o.onSent?.(row, ts);
    } catch (error) {
      // The write is in Slack and recorded (outbox.result_ts); only the follow-up failed.
      log.error('outbox onSent failed', { error, ts });
    }
  }

  async #failed(row: OutboxRow, error: unknown, log: Logger, channel: string): Promise<void> {
    const { database, clock, metrics, maxAttempts, backoffMs } = this.#o;
    const outcome = classifySlackError(error);
    const now = clock.now();
    try {
      if (
        outcome.kind === 'permanent' &&
        PARKING_SLACK_ERRORS.has(outcome.code) &&
        row.method !== 'chat.postEphemeral' &&
        isChannel(channel)
      ) {
        if (!(await markWriteParked(database.db, row.id, outcome.error, { attempts: row.attempts }))) return;
        metrics.outboxParked({ error: outcome.code });
        log.warn('Slack refused the channel; the post is parked until the channel is fixed', {
          error: outcome.code,
          target: channel,
        });
        await this.#o.onParked?.(row, channel, outcome.code);
      } else if (outcome.kind === 'rate_limited') {
        const at = new Date(now.getTime() + outcome.retryAfterMs);
        await markWriteRetry(database.db, row.id, at, outcome.error, {
          rateLimited: true,
          attempts: row.attempts,
        });
        metrics.outboxRetry({ reason: 'rate_limited' });
        log.warn('Slack rate-limited the outbox; retrying after Retry-After', { retry_at: at.toISOString() });
      } else if (outcome.kind === 'permanent') {
        await this.#dead(row, outcome.code, outcome.error, log);
      } else if (row.attempts >= maxAttempts) {
        await this.#dead(row, outcome.code, `${outcome.error} (after ${row.attempts} attempts)`, log);
      } else {
        const at = new Date(now.getTime() + backoffMs(row.attempts));
        await markWriteRetry(database.db, row.id, at, outcome.error, { attempts: row.attempts });
        metrics.outboxRetry({ reason: outcome.code });
        log.warn('outbox write failed; will retry', { error: outcome.error, retry_at: at.toISOString() });
      }
    } catch (recordError) {
      // The row stays claimed until its lock runs out, then it is tried again (reconciled first).
      log.error('outbox could not record a failed write', { error: recordError, slack_error: outcome.error });
    }
  }

  async #dead(row: OutboxRow, code: string, error: string, log: Logger): Promise<void> {
    await markWriteDead(this.#o.database.db, row.id, error, { attempts: row.attempts });
    this.#o.metrics.outboxDead({ error: code });
    log.error('outbox write moved aside for good', { error });
  }

  /** Makes the Slack call; returns the message ts. */
  async #call(row: OutboxRow, send: WriteTarget): Promise<string> {
    const { client } = this.#o;
    const metadata = {
      event_type: OUTBOX_EVENT_TYPE,
      event_payload: {
        outbox_id: String(row.id),
        ...(row.purpose !== null ? { purpose: row.purpose } : {}),
        ...(row.leadId !== null ? { lead_id: row.leadId } : {}),
      },
    };
    switch (row.method) {
      case 'chat.postMessage': {
        const args = { ...send.args, channel: send.channel, metadata } as unknown as ChatPostMessageArguments;
        const res = await client.chat.postMessage(args);
        return requireTs(res.ts, row);
      }
      case 'chat.update': {
        const args = { ...send.args, channel: send.channel, metadata } as unknown as ChatUpdateArguments;
        const res = await client.chat.update(args);
        return requireTs(res.ts, row);
      }
      case 'chat.postEphemeral': {
        const args = { ...send.args, channel: send.channel } as unknown as ChatPostEphemeralArguments;
        const res = await client.chat.postEphemeral(args);
        return requireTs(res.message_ts, row);
      }
      default:
        throw new Error(`unsupported outbox method ${row.method}`);
    }
  }

  /** Looks for this write's post in the channel (or its thread) by the outbox id in its metadata. */
  async #findEarlierPost(row: OutboxRow, send: WriteTarget): Promise<string | undefined> {
    const { client, reconcileSlackMs, reconcilePages } = this.#o;
    const oldest = ((row.createdAt.getTime() - reconcileSlackMs) / 1000).toFixed(6);
    const threadTs = typeof send.args.thread_ts === 'string' ? send.args.thread_ts : undefined;
    // A post to a user id lands in the bot's DM with them; history needs that conversation's id.
    let channel = send.channel;
    if (/^[UW]/.test(channel)) {
      const opened = await client.conversations.open({ users: channel });
      channel = opened.channel?.id ?? channel;
    }
    const wanted = String(row.id);
    let cursor: string | undefined;
    for (let page = 0; page < reconcilePages; page++) {
      const common = {
        channel,
        oldest,
        include_all_metadata: true,
        limit: 200,
        ...(cursor ? { cursor } : {}),
      };
      const res: HistoryPage = threadTs
        ? await client.conversations.replies({ ...common, ts: threadTs })
        : await client.conversations.history(common);
      for (const message of res.messages ?? []) {
        const meta = message.metadata;
        if (meta?.event_type === OUTBOX_EVENT_TYPE && meta.event_payload?.outbox_id === wanted && message.ts)
          return message.ts;
      }
      cursor = res.response_metadata?.next_cursor || undefined;
      if (!cursor) break;
    }
    return undefined;
  }
}

function requireTs(ts: string | undefined, row: OutboxRow): string {
  if (!ts) throw new Error(`Slack accepted outbox write ${row.id} (${row.method}) but returned no ts`);
  return ts;
}
