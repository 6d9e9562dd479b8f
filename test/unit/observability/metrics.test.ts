import { describe, expect, it } from 'vitest';
import { Metrics } from '../../../src/observability/metrics.js';

describe('Metrics', () => {
  it('renders counters and gauges in Prometheus text format', async () => {
    const m = new Metrics();
    const requests = m.counter('baton_requests_total', 'Requests.');
    const lag = m.gauge('baton_lag_seconds', 'Lag.');
    requests({ kind: 'command' });
    requests({ kind: 'command' });
    requests({ kind: 'event' }, 3);
    lag(1.5);
    expect(await m.render()).toBe(
      [
        '# HELP baton_requests_total Requests.',
        '# TYPE baton_requests_total counter',
        'baton_requests_total{kind="command"} 2',
        'baton_requests_total{kind="event"} 3',
        '# HELP baton_lag_seconds Lag.',
        '# TYPE baton_lag_seconds gauge',
        'baton_lag_seconds 1.5',
        '',
      ].join('\n'),
    );
  });

  it('escapes label values and runs collectors before rendering', async () => {
    const m = new Metrics();
    const errors = m.counter('errors_total', 'Errors.');
    const gauge = m.gauge('due', 'Due.');
    m.onCollect(() => gauge(7));
    errors({ error: 'say "hi"\\now' });
    const text = await m.render();
    expect(text).toContain('errors_total{error="say \\"hi\\"\\\\now"} 1');
    expect(text).toContain('due 7');
    expect(m.value('due')).toBe(7);
  });
});
