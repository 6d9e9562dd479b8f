/**
 * The event relay: reads what the triggers queued in event_relay (lead events, VOC entries, retro
 * action items, in the order their changes were made), turns each into a BatonEvent and hands it to
 * every sink inside one transaction that also deletes the queue rows. A crash before commit leaves
 * the rows queued, so each event reaches each sink exactly once (sinks queue their own deliveries).
 */
import type { ConfigSource } from '../config/config-source.js';
import type { Database, Tx } from '../db/client.js';
import {
  actionItemsByIds,
  deleteRelayRows,
  leadEventsByIds,
  nextRelayRows,
  type RelayRow,
  relayBacklog,
  tryLockRelay,
  vocEntriesByIds,
} from '../db/queries/event-relay.js';
import type { Clock } from '../domain/clock.js';
import { Pump } from '../jobs/pump.js';
import type { Logger } from '../observability/logger.js';
import type { BatonMetrics } from '../observability/metrics.js';
import { actionItemToBaton, leadEventToBaton, vocEntryToBaton } from './event-mapping.js';
import type { BatonEvent, EventSink } from './events.js';

export interface EventRelayOptions {
  database: Database;
  configs: ConfigSource;
  clock: Clock;
  logger: Logger;
  metrics: BatonMetrics;
  /** Everyone who hears Baton's events; append a connector here (app.ts). */
  sinks: EventSink[];
  /** Called after a pass committed events, e.g. to wake the webhook sender. */
  onRelayed?: () => void;
  batchSize?: number;
}

const RELAY_BATCH = 200;
/** Between relay passes while events keep coming (Pump pacing). */
const RELAY_GAP_MS = 100;

export class EventRelay {
  readonly #o: EventRelayOptions;
  readonly #pump: Pump;

  constructor(options: EventRelayOptions) {
    this.#o = options;
    // Sinks queue their own deliveries, so a few hundred ms of lag costs nothing; without the gap a
    // steady stream of intakes made a relay transaction (8 statements) per lead.
    this.#pump = new Pump(() => this.relayOnce(), options.logger, 'event relay', {
      gapMs: RELAY_GAP_MS,
      fullPass: options.batchSize ?? RELAY_BATCH,
    });
    options.metrics.registry.onCollect(async () => {
      const backlog = await relayBacklog(options.database.db);
      options.metrics.relayQueued(backlog.queued);
      options.metrics.relayLag(backlog.oldestSeconds);
    });
  }

  /** Polls every `everyMs` (a wake after each commit does the rest). */
  start(everyMs = 1_000): void {
    this.#pump.start(everyMs);
  }

  wake(): void {
    this.#pump.wake();
  }

  /** Relays until the queue is empty (or another process holds the relay); returns how many rows. */
  run(): Promise<number> {
    return this.#pump.run();
  }

  stop(): Promise<void> {
    return this.#pump.stop();
  }

  /** One batch in one transaction; 0 when nothing is queued or another process is relaying. */
  async relayOnce(): Promise<number> {
    const { database, sinks, configs, clock, metrics } = this.#o;
    const handled = await database.db.transaction(async (tx) => {
      if (!(await tryLockRelay(tx))) return 0;
      const rows = await nextRelayRows(tx, this.#o.batchSize ?? RELAY_BATCH);
      if (rows.length === 0) return 0;
      const events = await toEvents(tx, rows);
      const now = clock.now();
      for (const event of events) {
        const config = configs.for(event.teamId);
        for (const sink of sinks) await sink.accept(tx, event, config, now);
        metrics.relayEvent({ type: event.type });
      }
      await deleteRelayRows(
        tx,
        rows.map((r) => r.id),
      );
      return rows.length;
    });
    if (handled > 0) this.#o.onRelayed?.();
    return handled;
  }
}

/** Loads the queued source rows and maps them, in queue order; rows no one publishes are dropped. */
async function toEvents(tx: Tx, rows: RelayRow[]): Promise<BatonEvent[]> {
  const ids = (source: string) => rows.filter((r) => r.source === source).map((r) => r.sourceId);
  const byKey = new Map<string, BatonEvent | null>();
  for (const row of await leadEventsByIds(tx, ids('lead_events')))
    byKey.set(`lead_events:${row.id}`, leadEventToBaton(row));
  for (const row of await vocEntriesByIds(tx, ids('voc_entries')))
    byKey.set(`voc_entries:${row.id}`, vocEntryToBaton(row));
  for (const row of await actionItemsByIds(tx, ids('retro_action_items')))
    byKey.set(`retro_action_items:${row.id}`, actionItemToBaton(row));
  return rows.map((r) => byKey.get(`${r.source}:${r.sourceId}`)).filter((e): e is BatonEvent => !!e);
}
