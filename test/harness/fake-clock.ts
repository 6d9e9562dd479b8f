import type { Clock } from '../../src/domain/clock.js';

/** A clock tests move by hand: `advance` and `set` change what Baton sees as "now". */
export class FakeClock implements Clock {
  #ms: number;

  constructor(start: Date | string = '2026-11-23T01:00:00Z') {
    this.#ms = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.#ms);
  }

  set(at: Date | string): void {
    this.#ms = new Date(at).getTime();
  }

  advance(ms: number): Date {
    this.#ms += ms;
    return this.now();
  }

  advanceMinutes(minutes: number): Date {
    return this.advance(minutes * 60_000);
  }
}
