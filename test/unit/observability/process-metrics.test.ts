import { describe, expect, it } from 'vitest';
import { createBatonMetrics } from '../../../src/observability/metrics.js';

const families = (text: string, kind: 'HELP' | 'TYPE') =>
  text
    .split('\n')
    .filter((l) => l.startsWith(`# ${kind} `))
    .map((l) => l.split(' ')[2]);

describe('process metrics', () => {
  it("adds event-loop lag, heap, GC and handles to Baton's own series", async () => {
    const metrics = createBatonMetrics();
    metrics.jobsDue(3);
    const text = await metrics.registry.render();
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_p99_seconds \d/m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes \d/m);
    expect(text).toContain('# TYPE nodejs_gc_duration_seconds histogram');
    expect(text).toMatch(/^nodejs_active_handles_total \d/m);
    expect(text).toMatch(/^baton_jobs_due 3$/m);
  });

  it('shows each family once however many apps a process starts and however often it is scraped', async () => {
    const first = createBatonMetrics();
    const second = createBatonMetrics();
    await first.registry.render();
    for (const text of [await first.registry.render(), await second.registry.render()]) {
      for (const kind of ['HELP', 'TYPE'] as const) {
        const names = families(text, kind);
        expect(names).toContain('nodejs_gc_duration_seconds');
        expect(names).toContain('baton_jobs_due');
        expect(new Set(names).size).toBe(names.length);
      }
    }
  });
});
