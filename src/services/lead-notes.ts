import type { ContextFields } from '../domain/lead-context.js';

/** Thread notes for a manual change of owner and for marketer context (part of `ThreadNote`). */
export type OwnershipNote =
  | { kind: 'owner_changed'; by: string; from: string | null; to: string; reason: string | null }
  | { kind: 'released'; by: string; from: string };

export type ContextNote = { kind: 'context_added'; by: string; context: ContextFields };

/**
 * What Baton tells a lead's owner in a DM, as data: queued with purpose `lead_owner_dm` and the
 * person's user id as the channel; the Slack layer renders it (with the lead as it is then).
 */
export type OwnerDm =
  | { kind: 'assigned'; by: string; from: string | null; reason: string | null }
  | { kind: 'unassigned'; by: string; to: string | null }
  | { kind: 'context_added'; by: string; context: ContextFields };

export const OWNER_DM_PURPOSE = 'lead_owner_dm';
