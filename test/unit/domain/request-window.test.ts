import { describe, expect, it } from 'vitest';
import { isWithinWindow, MAX_SKEW_SECONDS } from '../../../src/domain/request-window.js';

describe('isWithinWindow', () => {
  const now = Date.UTC(2026, 11, 7, 0, 0, 0);
  const stamp = (offsetSeconds: number) => now / 1000 + offsetSeconds;

  it('accepts up to five minutes either way and refuses beyond, in both directions', () => {
    expect(MAX_SKEW_SECONDS).toBe(300);
    for (const offset of [0, 299, 300, -299, -300])
      expect(isWithinWindow(stamp(offset), now), `${offset}`).toBe(true);
    for (const offset of [301, 600, -301, -600])
      expect(isWithinWindow(stamp(offset), now), `${offset}`).toBe(false);
  });
});
