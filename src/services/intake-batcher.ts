/**
 * Group commit for webhook intake: while `maxInFlight` batches are at the database, new intakes
 * queue; when one answers, everything queued (up to `maxBatch`) goes as the next batch, one
 * statement and one commit for all of them. Nothing ever waits on a timer: an idle server sends a
 * lone lead at once. Under load the queue fills while a batch runs, so the batch grows with the
 * load and the database pays one transaction for many leads.
 *
 * Two items sharing a key (the same email, the same external_id) never go in one batch: the later
 * one waits for the next, where it sees the first one's lead. When a batch fails as a whole (a
 * unique-violation race with another process, a deadlock, a bad row) every item of it answers
 * `undefined` and its caller takes the one-lead path, so one bad row fails only itself.
 */
export interface BatcherOptions<T, R> {
  /** Runs one batch; answers one result per item, in order. Throwing fails the batch as a whole. */
  run(items: readonly T[]): Promise<R[]>;
  /** The keys no two items of one batch may share. */
  keysOf(item: T): readonly string[];
  maxInFlight: number;
  maxBatch: number;
  /** Told when a batch failed as a whole (its items then go one by one). */
  onBatchError?(error: unknown, size: number): void;
}

interface Waiting<T, R> {
  item: T;
  keys: readonly string[];
  resolve(result: R | undefined): void;
}

export class IntakeBatcher<T, R> {
  #queue: Waiting<T, R>[] = [];
  #inFlight = 0;

  constructor(private readonly options: BatcherOptions<T, R>) {}

  /** The item's result, or undefined when its batch failed (the caller then goes on alone). */
  submit(item: T): Promise<R | undefined> {
    return new Promise((resolve) => {
      this.#queue.push({ item, keys: this.options.keysOf(item), resolve });
      this.#pump();
    });
  }

  #pump(): void {
    while (this.#inFlight < this.options.maxInFlight && this.#queue.length > 0) {
      this.#send(this.#take());
    }
  }

  /** The next batch: queued items in arrival order, skipping any that shares a key with one taken. */
  #take(): Waiting<T, R>[] {
    const taken: Waiting<T, R>[] = [];
    const held: Waiting<T, R>[] = [];
    const used = new Set<string>();
    for (const waiting of this.#queue) {
      if (taken.length >= this.options.maxBatch || waiting.keys.some((k) => used.has(k))) {
        held.push(waiting);
        continue;
      }
      for (const k of waiting.keys) used.add(k);
      taken.push(waiting);
    }
    this.#queue = held;
    return taken;
  }

  #send(batch: Waiting<T, R>[]): void {
    this.#inFlight++;
    this.options
      .run(batch.map((w) => w.item))
      .then(
        (results) => {
          for (const [n, w] of batch.entries()) w.resolve(results[n]);
        },
        (error: unknown) => {
          this.options.onBatchError?.(error, batch.length);
          for (const w of batch) w.resolve(undefined);
        },
      )
      .finally(() => {
        this.#inFlight--;
        this.#pump();
      });
  }
}
