import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { wakeEvery } from '../../../src/jobs/wake-timer.js';

describe('wakeEvery', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('wakes once per tick until cancelled, and never after', () => {
    const wake = vi.fn();
    const timer = wakeEvery(1_000, wake);
    vi.advanceTimersByTime(999);
    expect(wake).toHaveBeenCalledTimes(0);
    vi.advanceTimersByTime(1);
    expect(wake).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(4_000);
    expect(wake).toHaveBeenCalledTimes(5);
    timer.cancel();
    vi.advanceTimersByTime(10_000);
    expect(wake).toHaveBeenCalledTimes(5);
  });

  it('keeps ticking when a wake throws', () => {
    let calls = 0;
    wakeEvery(500, () => {
      calls++;
      throw new Error('tick failed');
    });
    expect(() => vi.advanceTimersByTime(500)).toThrow('tick failed');
    expect(() => vi.advanceTimersByTime(500)).toThrow('tick failed');
    expect(calls).toBe(2);
    vi.clearAllTimers();
  });
});
