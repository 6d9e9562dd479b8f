import type { WaitOptions } from './types.js';

const DEFAULT_WAIT_MS = 5_000;

interface Waiter<T> {
  match: (item: T) => boolean;
  resolve: (item: T) => void;
  reject: (error: Error) => void;
}

/** Waits on a growing list of recorded items, handing each item out to one wait only. */
export class Waitlist<T extends object> {
  readonly #items: readonly T[];
  readonly #waiters: Waiter<T>[] = [];
  readonly #claimed = new WeakSet<T>();
  readonly #timers = new Set<NodeJS.Timeout>();

  constructor(items: readonly T[]) {
    this.#items = items;
  }

  /** The oldest unclaimed item that matches, or the first matching one offered before the timeout. */
  waitFor(
    match: (item: T) => boolean,
    { timeoutMs = DEFAULT_WAIT_MS }: WaitOptions,
    describe: (timeoutMs: number) => string,
  ): Promise<T> {
    const found = this.#items.find((item) => !this.#claimed.has(item) && match(item));
    if (found) {
      this.#claimed.add(found);
      return Promise.resolve(found);
    }
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter<T> = {
        match,
        resolve: (item) => {
          clearTimeout(timer);
          this.#timers.delete(timer);
          resolve(item);
        },
        reject: (error) => {
          clearTimeout(timer);
          this.#timers.delete(timer);
          reject(error);
        },
      };
      const timer = setTimeout(() => {
        this.#timers.delete(timer);
        this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
        reject(new Error(describe(timeoutMs)));
      }, timeoutMs);
      this.#timers.add(timer);
      this.#waiters.push(waiter);
    });
  }

  /** Hands a newly recorded item to the oldest wait it matches. */
  offer(item: T): void {
    const index = this.#waiters.findIndex((w) => w.match(item));
    if (index < 0) return;
    const [waiter] = this.#waiters.splice(index, 1);
    this.#claimed.add(item);
    waiter?.resolve(item);
  }

  /** Fails every pending wait with `message`. */
  cancel(message: string): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    for (const waiter of this.#waiters.splice(0)) waiter.reject(new Error(message));
  }
}
