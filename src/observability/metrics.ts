import { renderProcessMetrics } from './process-metrics.js';

/**
 * A small Prometheus text-format registry. Baton needs a handful of counters and gauges; this keeps
 * their output exactly what the tests read. The process metrics operators expect (event-loop lag,
 * heap, GC, handles) come from prom-client and are rendered after Baton's own.
 */
type Labels = Record<string, string>;

interface Series {
  labels: Labels;
  value: number;
}

interface Family {
  name: string;
  help: string;
  type: 'counter' | 'gauge';
  series: Map<string, Series>;
}

const keyOf = (labels: Labels) =>
  Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k]}`)
    .join(',');

const escapeLabel = (v: string) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');

export interface MetricsOptions {
  /** Append prom-client's process metrics to every render. */
  processMetrics?: boolean;
}

export class Metrics {
  readonly #families = new Map<string, Family>();
  readonly #collectors: Array<() => Promise<void> | void> = [];
  readonly #processMetrics: boolean;

  constructor(options: MetricsOptions = {}) {
    this.#processMetrics = options.processMetrics ?? false;
  }

  #family(name: string, help: string, type: Family['type']): Family {
    let family = this.#families.get(name);
    if (!family) {
      family = { name, help, type, series: new Map() };
      this.#families.set(name, family);
    }
    return family;
  }

  /** Declares a counter so it shows (at 0) before anything happens. */
  counter(name: string, help: string): (labels?: Labels, by?: number) => void {
    const family = this.#family(name, help, 'counter');
    return (labels = {}, by = 1) => {
      const key = keyOf(labels);
      const series = family.series.get(key) ?? { labels, value: 0 };
      series.value += by;
      family.series.set(key, series);
    };
  }

  gauge(name: string, help: string): (value: number, labels?: Labels) => void {
    const family = this.#family(name, help, 'gauge');
    return (value, labels = {}) => {
      family.series.set(keyOf(labels), { labels, value });
    };
  }

  /** Runs before each scrape, e.g. to read job lag from the database. */
  onCollect(collect: () => Promise<void> | void): void {
    this.#collectors.push(collect);
  }

  value(name: string, labels: Labels = {}): number | undefined {
    return this.#families.get(name)?.series.get(keyOf(labels))?.value;
  }

  async render(): Promise<string> {
    await Promise.all(this.#collectors.map((collect) => collect()));
    const lines: string[] = [];
    for (const family of this.#families.values()) {
      lines.push(`# HELP ${family.name} ${family.help}`, `# TYPE ${family.name} ${family.type}`);
      for (const { labels, value } of family.series.values()) {
        const pairs = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabel(v)}"`);
        lines.push(`${family.name}${pairs.length ? `{${pairs.join(',')}}` : ''} ${value}`);
      }
    }
    const own = `${lines.join('\n')}\n`;
    return this.#processMetrics ? own + (await renderProcessMetrics()) : own;
  }
}

/** The metrics Baton exports; created once per app instance. */
export function createBatonMetrics() {
  const registry = new Metrics({ processMetrics: true });
  return {
    registry,
    slackRequest: registry.counter('baton_slack_requests_total', 'Requests received from Slack, by kind.'),
    slackAck: registry.counter('baton_slack_acks_total', 'Requests acknowledged to Slack, by kind.'),
    slackDuplicate: registry.counter(
      'baton_slack_duplicate_events_total',
      'Events API deliveries skipped because the event was already handled.',
    ),
    slackApiCall: registry.counter('baton_slack_api_calls_total', 'Slack Web API calls made, by method.'),
    slackApiError: registry.counter(
      'baton_slack_api_errors_total',
      'Slack Web API calls that failed, by method and error.',
    ),
    jobRun: registry.counter('baton_jobs_run_total', 'Durable jobs run, by kind and outcome.'),
    jobLag: registry.gauge(
      'baton_job_lag_seconds',
      'Age of the oldest due job that has not run yet (0 when none is waiting).',
    ),
    jobsDue: registry.gauge('baton_jobs_due', 'Jobs due now and waiting to run.'),
    jobsDead: registry.gauge('baton_jobs_dead', 'Jobs moved aside after too many failures.'),
    outboxSent: registry.counter(
      'baton_outbox_sent_total',
      'Slack writes delivered by the outbox, by method.',
    ),
    outboxReconciled: registry.counter(
      'baton_outbox_reconciled_total',
      'Posts found already in Slack after an interrupted try, recorded instead of posted again.',
    ),
    outboxRetry: registry.counter(
      'baton_outbox_retries_total',
      'Slack writes put back for a retry, by reason.',
    ),
    outboxDead: registry.counter(
      'baton_outbox_dead_total',
      'Slack writes given up on (Slack refused them for good or they failed too often), by error.',
    ),
    outboxPending: registry.gauge('baton_outbox_pending', 'Slack writes waiting in the outbox.'),
    outboxParked: registry.counter(
      'baton_outbox_parked_total',
      'Posts parked because Slack refused their channel (not a member, archived, missing), by error.',
    ),
    outboxParkedNow: registry.gauge(
      'baton_outbox_parked',
      'Posts parked now, waiting for their channel to be fixed (see the admins’ Home).',
    ),
    outboxUnparked: registry.counter(
      'baton_outbox_unparked_total',
      'Parked posts sent again (the bot joined the channel, or the config moved the segment).',
    ),
    channelProblems: registry.counter(
      'baton_channel_problems_total',
      'Configured channels found unusable by the start-up channel check.',
    ),
    outboxClaimsFreed: registry.counter(
      'baton_outbox_claims_freed_total',
      'Outbox writes freed at once because the process that claimed them is gone.',
    ),
    hubspotCall: registry.counter(
      'baton_hubspot_calls_total',
      'HubSpot API calls made, by operation and HTTP status (or network).',
    ),
    hubspotTask: registry.counter(
      'baton_hubspot_tasks_total',
      'HubSpot sync tasks finished or put back, by direction (out, in) and outcome.',
    ),
    hubspotWebhook: registry.counter(
      'baton_hubspot_webhooks_total',
      'HubSpot webhook requests received, by outcome.',
    ),
    hubspotPending: registry.gauge('baton_hubspot_pending', 'HubSpot sync tasks waiting to run or retry.'),
    relayEvent: registry.counter(
      'baton_events_relayed_total',
      'Baton events handed to the sinks (webhooks, CRM connectors), by type.',
    ),
    relayQueued: registry.gauge('baton_event_relay_queued', 'Source rows waiting for the event relay.'),
    relayLag: registry.gauge(
      'baton_event_relay_lag_seconds',
      'Age of the oldest row waiting for the event relay (0 when none is waiting).',
    ),
    webhookDelivery: registry.counter(
      'baton_webhook_deliveries_total',
      'Outbound webhook attempts, by endpoint and outcome (delivered, retry, rate_limited, dead).',
    ),
    webhookFailure: registry.counter(
      'baton_webhook_failures_total',
      'Outbound webhook attempts that failed, by endpoint and error (http_500, network, timeout…).',
    ),
    webhookPending: registry.gauge(
      'baton_webhook_pending',
      'Outbound webhook deliveries waiting, by endpoint.',
    ),
    webhookLag: registry.gauge(
      'baton_webhook_lag_seconds',
      'Age of the oldest pending outbound webhook delivery, by endpoint (0 when none is waiting).',
    ),
    webhookPaused: registry.gauge(
      'baton_webhook_paused',
      '1 while an outbound webhook endpoint is paused, by endpoint.',
    ),
  };
}

export type BatonMetrics = ReturnType<typeof createBatonMetrics>;
