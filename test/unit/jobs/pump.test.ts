// The background pump: one pass at a time, repeated while it finds work, once more when woken during
// a pass; with pacing, a steady stream of wakes is answered by a pass per gap instead of a pass per
// wake (issue 16: the event relay made a transaction per lead on a steady stream of intakes).
import { describe, expect, it } from 'vitest';
import { Pump, type PumpPacing } from '../../../src/jobs/pump.js';
import { createLogger } from '../../../src/observability/logger.js';

const logger = createLogger('error', { service: 'test' });

/** A queue that a producer fills while a pump drains it; counts the pump's passes. */
function queueAndPump(pacing: PumpPacing, batch: number) {
  const state = { queued: 0, passes: 0, taken: [] as number[], at: [] as number[] };
  const pump = new Pump(
    async () => {
      state.passes++;
      state.at.push(performance.now());
      const n = Math.min(batch, state.queued);
      state.queued -= n;
      state.taken.push(n);
      await new Promise((resolve) => setTimeout(resolve, 1)); // a pass takes a moment
      return n;
    },
    logger,
    'test',
    pacing,
  );
  pump.start();
  return { pump, state };
}

/** Adds one item and wakes the pump every `everyMs`, `count` times; waits for the pump to drain. */
async function stream(q: ReturnType<typeof queueAndPump>, count: number, everyMs: number) {
  for (let i = 0; i < count; i++) {
    q.state.queued++;
    q.pump.wake();
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  await q.pump.run();
  await q.pump.stop();
}

describe('Pump', () => {
  it('without pacing, answers a steady stream with about a pass per item', async () => {
    const q = queueAndPump({}, 200);
    await stream(q, 60, 3);
    expect(q.state.queued).toBe(0);
    expect(q.state.passes).toBeGreaterThan(40);
  });

  it('with a gap, takes what arrived meanwhile in one pass', async () => {
    const q = queueAndPump({ gapMs: 50, fullPass: 200 }, 200);
    await stream(q, 60, 3);
    expect(q.state.queued).toBe(0);
    expect(q.state.taken.reduce((a, b) => a + b, 0)).toBe(60);
    // 60 items over ~180 ms or more: a pass per 50 ms gap, plus the first and the closing ones.
    expect(q.state.passes).toBeLessThan(20);
  });

  it('goes on at once after a full pass, so a backlog drains without gaps', async () => {
    const q = queueAndPump({ gapMs: 300, fullPass: 10 }, 10);
    q.state.queued = 95;
    await q.pump.run();
    await q.pump.stop();
    // Nine full passes back to back, the partial tenth, then (after the gap) one that finds nothing.
    expect(q.state.taken).toEqual([10, 10, 10, 10, 10, 10, 10, 10, 10, 5, 0]);
    const { at } = q.state;
    expect(at[9]! - at[0]!).toBeLessThan(250);
    expect(at[10]! - at[9]!).toBeGreaterThanOrEqual(295);
  });
});
