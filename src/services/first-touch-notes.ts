import type { ActivityKind } from '../domain/activity.js';

/** Thread notes for logged activities (part of `ThreadNote`); `by` is null for an unnamed API caller. */
export type ActivityNote =
  | {
      kind: 'first_touch';
      by: string | null;
      activity: ActivityKind;
      /** Minutes from arrival: working minutes on the business clock, else clock minutes. */
      minutes: number;
      met: boolean;
      slaMinutes: number;
      clock: 'business' | 'always';
      note: string | null;
    }
  | { kind: 'activity'; by: string | null; activity: ActivityKind; note: string | null };
