import type { ActivityNote } from './first-touch-notes.js';
import type { ContextNote, OwnershipNote } from './lead-notes.js';
import type { RoutingNote } from './routing-notes.js';
import type { StageNote } from './stage-notes.js';

/**
 * What Baton says in a lead's thread, as data. Services queue these; the Slack layer renders
 * them in the workspace's language when the outbox delivers them.
 */
export type ThreadNote =
  | { kind: 'claimed'; by: string }
  | OwnershipNote
  | ContextNote
  | RoutingNote
  | ActivityNote
  | StageNote
  | { kind: 'resubmitted'; source: string; form: string | null };
