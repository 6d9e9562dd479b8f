import type { IncomingMessage, ServerResponse } from 'node:http';
/** The fake's public types: what tests pass in and what they read back. */

// Slack payloads are loose JSON; these aliases keep signatures readable.
export type SlackObject = Record<string, unknown>;
export type SlackArgs = Record<string, unknown>;

export interface FakeUser {
  id: string;
  name?: string;
  realName?: string;
  displayName?: string;
  tz?: string;
  locale?: string;
  email?: string;
  isBot?: boolean;
  isAdmin?: boolean;
  /** A workspace owner (`is_owner`); the primary owner too when `isPrimaryOwner`. */
  isOwner?: boolean;
  isPrimaryOwner?: boolean;
  deleted?: boolean;
}

/** A FakeUser with every default filled in. */
export type ResolvedUser = Required<Omit<FakeUser, 'email'>> & { email?: string };

export interface FakeChannel {
  id: string;
  name: string;
  isPrivate?: boolean;
  /** Default true. When false, posts and edits by the bot answer `not_in_channel` until it joins or is invited. */
  botIsMember?: boolean;
  /** Posts answer `is_archived`; `conversations.info` says `is_archived: true`. */
  isArchived?: boolean;
  /** The channel is gone: every call naming it answers `channel_not_found`. */
  deleted?: boolean;
}

export interface FakeSlackOptions {
  teamId?: string;
  teamName?: string;
  teamDomain?: string;
  botUserId?: string;
  botId?: string;
  botName?: string;
  appId?: string;
  /** The only bot token accepted. Default: any token starting with `xoxb-`. */
  token?: string;
  users?: FakeUser[];
  /** When given, only these C/G channels (plus DMs and opened group DMs) exist; otherwise any well-formed id does. */
  channels?: FakeChannel[];
  /** Clock for message `ts`, `at` and response_url expiry. Default: real time. */
  now?: () => Date;
  /** Port on 127.0.0.1. Default 0: the OS picks a free one. */
  port?: number;
  /** Keep only the newest this many recorded calls (a long-running sandbox). Default: all of them. */
  keepCalls?: number;
}

/** An extra path on the emulator's server: answers true when it handled the request. */
export type ExtraRoute = (
  req: IncomingMessage,
  rawBody: Buffer,
  url: URL,
  res: ServerResponse,
) => Promise<boolean> | boolean;

/** What `failNext` can make a method do: an HTTP error status (429 with Retry-After) or `ok:false`. */
export type Failure =
  | { status: number; retryAfter?: number }
  | { error: string; response?: SlackObject }
  /** Slack applies the call, but its answer is lost (HTTP 504): as if the caller died before reading it. */
  | { lostResponse: true }
  /** Slack applies the call at once but answers only after `delayMs` (the caller may die meanwhile: a post in flight). */
  | { delayMs: number };

export interface RecordedCall {
  method: string;
  /** Parsed arguments: JSON-encoded nested values (blocks, view, metadata…) are objects again; scalars stay strings as on the wire. The token is not included. */
  args: SlackArgs;
  at: Date;
  token?: string;
  status: number;
  response: SlackObject;
  failure?: Failure;
}

export interface FakeMessage extends SlackObject {
  type: 'message';
  ts: string;
  text: string;
  user?: string;
  thread_ts?: string;
  blocks?: SlackObject[];
  metadata?: { event_type: string; event_payload: SlackObject };
}

export interface FakeEphemeral {
  channel: string;
  user: string;
  message: FakeMessage;
}

export interface FakeView extends SlackObject {
  id: string;
  type: string;
  callback_id: string;
  private_metadata: string;
  external_id: string;
  hash: string;
  blocks: SlackObject[];
  state: { values: SlackObject };
}

export interface FileShare {
  channel: string;
  ts: string;
  threadTs?: string;
  initialComment?: string;
}

export interface FakeFile {
  id: string;
  filename: string;
  title: string;
  length: number;
  altText?: string;
  snippetType?: string;
  /** Bytes POSTed to the upload URL; undefined until then. */
  bytes?: Buffer;
  completed: boolean;
  shares: FileShare[];
  /** Who uploaded it: a person picking a file in Slack; absent for the bot's own uploads. */
  userId?: string;
}

export interface ResponseUrlContext {
  channelId?: string;
  messageTs?: string;
  userId?: string;
}

export interface RecordedResponse {
  id: string;
  url: string;
  body: SlackObject;
  at: Date;
  context: ResponseUrlContext;
}

/** A predicate over a call, or a subset of args that must deep-equal the call's args. */
export type CallMatcher = ((call: RecordedCall) => boolean) | SlackArgs;

export interface WaitOptions {
  timeoutMs?: number;
}
