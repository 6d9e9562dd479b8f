import type { Failure } from './types.js';

/** The failures planned with failNext, per method ('*' = any method), consumed in the order planned. */
export class FailurePlan {
  readonly #queues = new Map<string, Failure[]>();

  add(method: string, failure: Failure, times: number): void {
    const queue = this.#queues.get(method) ?? [];
    for (let i = 0; i < times; i++) queue.push(failure);
    this.#queues.set(method, queue);
  }

  /** Takes the next failure planned for this method, or else for any method. */
  take(method: string): Failure | undefined {
    for (const key of [method, '*']) {
      const queue = this.#queues.get(key);
      if (queue?.length) return queue.shift();
    }
    return undefined;
  }

  clear(): void {
    this.#queues.clear();
  }
}
