import { randomUUID } from 'node:crypto';
import type { Database } from '../db/client.js';
import { claimDueJobs, completeJob, failJob, type JobRow, jobStats } from '../db/queries/jobs.js';
import { retryDelayMs } from '../domain/backoff.js';
import type { Clock } from '../domain/clock.js';
import type { Logger } from '../observability/logger.js';
import type { BatonMetrics } from '../observability/metrics.js';
import { RepeatedFailureLog } from '../observability/repeated-failure.js';
import { type WakeTimer, wakeEvery } from './wake-timer.js';

/** A job handler must be idempotent: a job whose process dies mid-run is run again. */
export type JobHandler = (job: JobRow) => Promise<void>;

export interface JobRunnerOptions {
  database: Database;
  clock: Clock;
  logger: Logger;
  metrics: BatonMetrics;
  handlers: Record<string, JobHandler>;
  /** How long a claimed job is ours before another process may take it over. */
  lockMs?: number;
  batchSize?: number;
}

/**
 * Runs durable jobs. The database decides what is due; a timer only wakes the process every few
 * seconds to look.
 */
export class JobRunner {
  readonly #o: Required<JobRunnerOptions>;
  readonly #id = `baton-${process.pid}-${randomUUID().slice(0, 8)}`;
  #timer: WakeTimer | undefined;
  #running: Promise<number> | undefined;
  #stopped = false;
  readonly #tickLog: RepeatedFailureLog;

  constructor(options: JobRunnerOptions) {
    this.#o = { lockMs: 5 * 60_000, batchSize: 20, ...options };
    this.#tickLog = new RepeatedFailureLog(options.logger, 'job tick failed', 'job ticks work again');
    options.metrics.registry.onCollect(async () => {
      const now = this.#o.clock.now();
      const stats = await jobStats(this.#o.database.db, now);
      const lag = stats.oldestDueAt ? Math.max(0, (now.getTime() - stats.oldestDueAt.getTime()) / 1000) : 0;
      this.#o.metrics.jobLag(lag);
      this.#o.metrics.jobsDue(stats.due);
      this.#o.metrics.jobsDead(stats.dead);
    });
  }

  /** Wakes every `tickMs` (default 5 seconds) to run what is due. */
  start(tickMs = 5_000): void {
    this.#timer = wakeEvery(tickMs, () => {
      // While the database is away every tick fails: logged once, and once when it is back.
      void this.runDue().then(
        () => this.#tickLog.succeeded(),
        (error) => this.#tickLog.failed(error),
      );
    });
  }

  /** Runs every due job, batch by batch, and returns how many ran. One pass at a time per process. */
  runDue(): Promise<number> {
    if (this.#stopped) return Promise.resolve(0);
    this.#running ??= this.#drain().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#timer?.cancel();
    await this.#running;
  }

  async #drain(): Promise<number> {
    let ran = 0;
    while (!this.#stopped) {
      const now = this.#o.clock.now();
      const batch = await claimDueJobs(this.#o.database.db, {
        now,
        lockedBy: this.#id,
        lockedUntil: new Date(now.getTime() + this.#o.lockMs),
        limit: this.#o.batchSize,
      });
      if (batch.length === 0) return ran;
      // Jobs about different leads run side by side; one lead's jobs run in due order.
      await Promise.all(
        [...groupByLead(batch).values()].map(async (jobs) => {
          for (const job of jobs) await this.#run(job);
        }),
      );
      ran += batch.length;
    }
    return ran;
  }

  async #run(job: JobRow): Promise<void> {
    const { database, clock, logger, metrics, handlers } = this.#o;
    const log = logger.child({
      job_id: job.id,
      job_kind: job.kind,
      team_id: job.teamId,
      attempt: job.attempts,
    });
    const handler = handlers[job.kind];
    try {
      if (!handler) throw new Error(`no handler for job kind "${job.kind}"`);
      if (job.attempts > job.maxAttempts) throw new Error('attempts exhausted (its process stopped mid-run)');
      await handler(job);
      await completeJob(database.db, job.id, this.#id, clock.now());
      metrics.jobRun({ kind: job.kind, outcome: 'done' });
    } catch (error) {
      const now = clock.now();
      const retry = handler && job.attempts < job.maxAttempts;
      const retryAt = retry ? new Date(now.getTime() + retryDelayMs(job.attempts)) : null;
      await failJob(
        database.db,
        job.id,
        this.#id,
        String(error instanceof Error ? error.message : error),
        retryAt,
        now,
      );
      metrics.jobRun({ kind: job.kind, outcome: retry ? 'retry' : 'dead' });
      if (retry) log.warn('job failed; will retry', { error, retry_at: retryAt?.toISOString() });
      else log.error('job failed for good; moved aside', { error });
    }
  }
}

/** Batch jobs grouped by the lead they concern (jobs without a lead each stand alone), in claim order. */
function groupByLead(batch: JobRow[]): Map<string, JobRow[]> {
  const groups = new Map<string, JobRow[]>();
  for (const job of batch) {
    const leadId = job.payload.leadId;
    const key = leadId === undefined ? `job:${job.id}` : `lead:${String(leadId)}`;
    groups.set(key, [...(groups.get(key) ?? []), job]);
  }
  return groups;
}
