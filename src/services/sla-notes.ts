import type { SlaClock } from '../config/workspace/constants.js';

/**
 * What the SLA ladder tells people, as data. Queued through the outbox with the purposes below
 * (each with the lead id) and rendered by the Slack layer (slack/outbox/sla-render.ts) at delivery.
 * `late`: the step ran more than a minute after its due time (Baton was down), and says so.
 * `clock`: which clock the minutes count on, so every line says "working min" or "min" (absent on
 * rows queued before it existed: rendered as plain minutes, as they were).
 * `ownerId` + `watch`: the copy for someone watching the owner (their manager, the escalations
 * channel), which names the owner instead of addressing them.
 */
export type SlaMessage = SlaMessageBody & { clock?: SlaClock; watch?: boolean };

type SlaMessageBody =
  /** Thread line: nobody claimed it / the owner has not touched it yet. */
  | { kind: 'nudge'; when: 'unclaimed' | 'untouched'; minutes: number; late: boolean }
  /** DM to an eligible seller (unclaimed) or to the owner (untouched); with `watch`, to a watcher. */
  | {
      kind: 'nudge_dm';
      when: 'unclaimed' | 'untouched';
      minutes: number;
      late: boolean;
      ownerId?: string | null;
    }
  /** DM to the owner (or, with `watch`, their manager / the escalations channel): this much SLA is left. */
  | { kind: 'warn_owner'; minutesLeft: number; late: boolean; ownerId?: string | null }
  /** Escalations channel post and DMs (the owner's manager by default). */
  | {
      kind: 'breach';
      ownerId: string | null;
      slaMinutes: number;
      overdueMinutes: number;
      late: boolean;
    }
  /** Thread line: reassigned to `to` (null: nobody else could take it; the owner keeps it). */
  | { kind: 'reassigned'; from: string | null; to: string | null; minutes: number; late: boolean }
  /** DM to the former owner (and whoever else the step tells). */
  | { kind: 'reassigned_dm'; to: string; minutes: number; late: boolean };

/** A line in the lead card's thread. */
export const SLA_THREAD_PURPOSE = 'lead_sla_thread';
/** A DM (channel = the person's user id). */
export const SLA_DM_PURPOSE = 'lead_sla_dm';
/** A post in the escalations channel. */
export const SLA_ESCALATION_PURPOSE = 'lead_sla_escalation';
export const SLA_PURPOSES: readonly string[] = [SLA_THREAD_PURPOSE, SLA_DM_PURPOSE, SLA_ESCALATION_PURPOSE];
