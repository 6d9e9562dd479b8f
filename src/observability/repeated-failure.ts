import type { Logger } from './logger.js';

/**
 * Logs a background loop's failures once per run of failures: a timer that fails on every tick
 * while the database is away writes its first error and, when a tick works again, one line with
 * how many failed — not a line a second for the whole outage.
 */
export class RepeatedFailureLog {
  #failures = 0;

  constructor(
    private readonly logger: Logger,
    private readonly failedMsg: string,
    private readonly recoveredMsg: string,
  ) {}

  failed(error: unknown): void {
    this.#failures += 1;
    if (this.#failures === 1) this.logger.error(this.failedMsg, { error });
  }

  succeeded(): void {
    if (this.#failures === 0) return;
    this.logger.info(this.recoveredMsg, { failures: this.#failures });
    this.#failures = 0;
  }
}
