import type { Logger } from '../observability/logger.js';
import { RepeatedFailureLog } from '../observability/repeated-failure.js';

/**
 * Runs a background pass (the outbox sender, the event relay, the webhook and HubSpot senders) on a timer and on demand: one pass at a time per
 * process, repeated while it finds work, and once more if woken during a pass (or a fresh row would
 * wait for the next tick). Failures (the database away) are logged once per run of failures.
 */
export class Pump {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<number> | undefined;
  #again = false;
  #stopped = false;
  readonly #log: RepeatedFailureLog;

  constructor(
    private readonly pass: () => Promise<number>,
    logger: Logger,
    what: string,
    private readonly pacing: PumpPacing = {},
  ) {
    this.#log = new RepeatedFailureLog(logger, `${what} pass failed`, `${what} passes work again`);
  }

  /** Allows passes again; with `everyMs`, also wakes itself on that interval. */
  start(everyMs?: number): void {
    this.#stopped = false;
    if (everyMs === undefined) return;
    this.#timer ??= setInterval(() => this.wake(), everyMs);
    this.#timer.unref();
  }

  wake(): void {
    void this.run().then(
      () => this.#log.succeeded(),
      (error) => this.#log.failed(error),
    );
  }

  /** A pass is running now (this process). */
  get busy(): boolean {
    return this.#running !== undefined;
  }

  /** Passes until one finds nothing; resolves with how much was handled. */
  run(): Promise<number> {
    if (this.#stopped) return Promise.resolve(0);
    if (this.#running) this.#again = true;
    this.#running ??= this.#drain().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#running?.catch(() => {});
  }

  async #drain(): Promise<number> {
    let handled = 0;
    const { gapMs = 0, fullPass = Number.POSITIVE_INFINITY } = this.pacing;
    while (!this.#stopped) {
      const n = await this.pass();
      handled += n;
      if (n === 0) {
        if (!this.#again) return handled;
        this.#again = false;
      }
      // A pass that found a little is followed by one that finds a little more: under a steady
      // stream of wakes (a lead per webhook call) that is a pass per lead. A short gap lets the next
      // pass take what arrived meanwhile in one go; a full pass (a backlog) goes on at once.
      if (gapMs > 0 && n < fullPass) await new Promise((resolve) => setTimeout(resolve, gapMs));
    }
    return handled;
  }
}

/** How a pump spaces its passes while it keeps finding work (none: back to back). */
export interface PumpPacing {
  /** Wait this long before the next pass, unless the last one was full. */
  gapMs?: number;
  /** A pass that handled this many (its batch size) was full: a backlog, so the next goes at once. */
  fullPass?: number;
}
