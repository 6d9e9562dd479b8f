/**
 * What the sandbox page's API serves and takes. The browser code (src/sandbox/web) imports these
 * types too, so this file must stay free of Node imports.
 */

export type Json = Record<string, unknown>;

export type Role = 'admin' | 'seller' | 'marketer' | 'manager' | 'cs' | 'stranger';

export interface PageUser {
  id: string;
  name: string;
  realName: string;
  locale: string;
  tz: string;
  isAdmin: boolean;
  isBot: boolean;
  /** What the demo team gave them to do; `stranger` is in Slack but not on Baton's roster. */
  role?: Role;
}

export interface PageMessage extends Json {
  ts: string;
  text: string;
  user?: string;
  thread_ts?: string;
  blocks?: Json[];
  reactions?: { name: string; users: string[]; count: number }[];
  files?: { id: string; name: string; title: string; mimetype: string; url_private: string }[];
}

export interface PageChannel {
  id: string;
  name: string;
  isDm: boolean;
  /** Oldest first; thread replies included (their thread_ts differs from their ts). */
  messages: PageMessage[];
}

export interface PageEphemeral {
  channel: string;
  message: PageMessage;
}

export interface PageView extends Json {
  id: string;
  type: string;
  callback_id: string;
  blocks: Json[];
  title?: { text: string } | null;
  submit?: { text: string } | null;
  close?: { text: string } | null;
  notify_on_close?: boolean;
}

/** GET /sandbox/api/state?as=U…: the workspace as that person sees it. */
export interface PageState {
  /** Goes up with every change; pass it to /sandbox/api/updates. */
  version: number;
  team: { id: string; name: string; domain: string };
  botUserId: string;
  as: string;
  users: PageUser[];
  /** Public channels, then this person's DM with Baton. */
  channels: PageChannel[];
  ephemerals: PageEphemeral[];
  home?: PageView;
  /** Open modals, the top one last. */
  modals: PageView[];
  /** The Baton process the sandbox runs; left out by a page API without a sandbox behind it. */
  baton?: BatonStatus;
}

/** Which Baton process the sandbox runs and how it is doing; each start (a reset, a save) counts. */
export interface BatonStatus {
  generation: number;
  state: 'starting' | 'ready' | 'failed';
  /** Running from source and restarted on each save (`npm run sandbox -- --dev`). */
  dev: boolean;
  /** The saved file that restarted it (relative to the sandbox's working directory). */
  cause?: string;
  /** Why it is not running: the end of its output (a compile error, a stack). */
  error?: string;
}

export type ActKind =
  | 'command'
  | 'action'
  | 'suggestion'
  | 'submit'
  | 'close'
  | 'message'
  | 'reaction'
  | 'shortcut'
  | 'open_home';

/** POST /sandbox/api/act answers with Slack's side of the exchange. */
export interface ActResult {
  /** Baton's HTTP status. */
  status: number;
  /** A view_submission refused with `response_action: errors`: block id → message. */
  errors?: Record<string, string>;
  /** A block_suggestion's options. */
  options?: Json[];
  /** Baton's immediate answer, when it had a body (e.g. a command's ack text). */
  body?: unknown;
}

/** Slash commands the manifest declares; the page's command box offers these. */
export const COMMANDS = ['/baton', '/lead', '/sla', '/funnel', '/voc'] as const;

/** Message shortcuts the manifest declares (callback id → label key). */
export const MESSAGE_SHORTCUTS = ['lead_add_context', 'voc_save', 'retro_action_item'] as const;
