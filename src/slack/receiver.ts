import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import type { BatonMetrics } from '../observability/metrics.js';
import { requestKind } from './request-kind.js';

/**
 * Wraps Bolt's receiver (HTTP or Socket Mode) to count requests and acks by kind and to keep
 * track of in-flight work, so shutdown can wait for it after the server stops accepting.
 */
export class TrackingReceiver implements Receiver {
  readonly #inner: Receiver;
  readonly #metrics: BatonMetrics;
  readonly #inFlight = new Set<Promise<void>>();

  constructor(inner: Receiver, metrics: BatonMetrics) {
    this.#inner = inner;
    this.#metrics = metrics;
  }

  init(app: App): void {
    const tracked = Object.create(app) as App;
    tracked.processEvent = (event: ReceiverEvent) => {
      const kind = requestKind(event.body as Record<string, unknown>);
      this.#metrics.slackRequest({ kind });
      const ack = event.ack;
      const work = app.processEvent({
        ...event,
        ack: async (response) => {
          this.#metrics.slackAck({ kind });
          await ack(response);
        },
      });
      const done = work.then(
        () => undefined,
        () => undefined,
      );
      this.#inFlight.add(done);
      void done.finally(() => this.#inFlight.delete(done));
      return work;
    };
    this.#inner.init(tracked);
  }

  start(...args: unknown[]): Promise<unknown> {
    return this.#inner.start(...args);
  }

  stop(...args: unknown[]): Promise<unknown> {
    return this.#inner.stop(...args);
  }

  /** Resolves when every request received so far has been fully handled. */
  async drain(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.all(this.#inFlight);
  }
}
