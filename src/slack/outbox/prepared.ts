/**
 * What a renderer decides for a queued Slack write at delivery: send it (rendered from the state
 * as it is then), wait (tried again later), or drop it. Its own module so the renderers and the
 * outbox dispatch do not import each other.
 */
export type Prepared =
  | { send: { channel: string; args: Record<string, unknown> } }
  | { wait: string }
  | { drop: string };
