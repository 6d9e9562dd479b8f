/**
 * What Baton says about stage moves, as data (part of `ThreadNote`, plus the reopening DM). Stages
 * are carried as keys with the configured label, so the Slack layer can name side stages in the
 * workspace's language and working stages as the team labelled them.
 */
export interface StageName {
  key: string;
  label: string;
}

export type StageNote =
  | {
      kind: 'stage_moved';
      /** Who moved it; null for a tool (API) that named nobody. */
      by: string | null;
      via: 'slack' | 'api' | 'system';
      from: StageName;
      to: StageName;
      reason: string | null;
      competitor: string | null;
      /** Set only when this move set or changed the deal's amount. */
      amount: number | null;
      currency: string | null;
      revisitOn: string | null;
      note: string | null;
    }
  | { kind: 'stage_reopened'; to: StageName; revisitOn: string };

/** The DM to a recycled lead's marketer(s) on its revisit date: what came back and why it was parked. */
export interface RecycleReopenedDm {
  kind: 'recycle_reopened';
  to: StageName;
  revisitOn: string;
  parkedBy: string | null;
  /** ISO time it was moved to Recycle. */
  parkedAt: string;
  reason: string | null;
  note: string | null;
}

/** A DM about a lead's stage (channel = the person's user id), rendered at delivery. */
export const STAGE_DM_PURPOSE = 'lead_stage_dm';
