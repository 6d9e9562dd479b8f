/** What SlackDriver's methods take and return. */
import type { FakeSlack, SlackObject } from './index.js';

export interface SlackDriverOptions {
  /** Where the app listens, e.g. `http://127.0.0.1:PORT`. */
  baseUrl: string;
  signingSecret: string;
  /** Default: the FakeSlack's team, else `T0BATON`. */
  teamId?: string;
  teamDomain?: string;
  apiAppId?: string;
  botUserId?: string;
  /** The deprecated verification token Slack still puts in payloads. */
  verificationToken?: string;
  /** Request path for every kind of payload. Default `/slack/events` (Bolt's default endpoint). */
  path?: string;
  slack?: FakeSlack;
  /** Clock for signatures and payload timestamps. Keep it real unless testing staleness: Bolt checks against Date.now(). */
  now?: () => Date;
}

/** Per-request overrides, accepted by every driver method. */
export interface SendOptions {
  /** Request timestamp (unix seconds or a Date); e.g. six minutes ago to test staleness. */
  timestamp?: number | Date;
  /** Sent as-is instead of the computed `v0=…` signature. */
  signature?: string;
  /** Sign with this secret instead of the app's. */
  secret?: string;
  /** Extra headers; `null` removes a header the driver would send. */
  headers?: Record<string, string | null>;
}

export interface DriverResponse {
  status: number;
  body: string;
  /** The body parsed when the app answered with JSON. */
  json?: unknown;
  headers: Record<string, string>;
}

export interface CommandResult extends DriverResponse {
  payload: Record<string, string>;
  responseUrl: string;
  triggerId: string;
}

export interface InteractionResult extends DriverResponse {
  payload: SlackObject;
  responseUrl?: string;
  triggerId?: string;
}

export interface EventResult extends DriverResponse {
  envelope: SlackObject;
  eventId: string;
}

/** An action as the test describes it; type, block_id, text and action_ts are filled in. */
export interface ActionInput {
  action_id: string;
  block_id?: string;
  type?: string;
  value?: string;
  /** Option text may be a plain string. */
  selected_option?: { value: string; text?: string | SlackObject };
  [key: string]: unknown;
}

/**
 * View state as `{ [blockId]: { [actionId]: value } }`. A string means a plain_text_input value; an
 * object is a Slack ViewStateValue (its `type` is inferred from the selected_* key when missing).
 */
export type StateValuesInput = Record<string, Record<string, string | null | SlackObject>>;

export interface CommandInput extends SendOptions {
  userId: string;
  channelId?: string;
  channelName?: string;
}

export interface BlockActionsInput extends SendOptions {
  userId: string;
  actions: ActionInput[];
  /** Message container: the channel and ts of the message clicked. With a FakeSlack both default to the newest message containing the first action_id. */
  channelId?: string;
  messageTs?: string;
  /** Overrides or supplies the message object in the payload. */
  message?: SlackObject;
  ephemeral?: boolean;
  /** View container instead of a message: a view id known to the FakeSlack, or a view object (e.g. `slack.homeView(user)`). */
  view?: string | SlackObject;
  /** State values for the view (or message) the action came from. */
  state?: StateValuesInput;
}

/** What a person typed into an external_select: Slack asks the app for options (`block_suggestion`). */
export interface BlockSuggestionInput extends SendOptions {
  userId: string;
  /** The external_select's action_id. */
  actionId: string;
  /** What was typed so far. */
  value: string;
  /** Default: the block holding `actionId` in the view. */
  blockId?: string;
  /** The modal the select is in: a view id known to the FakeSlack, or a view object. */
  view: string | SlackObject;
}

export interface ViewSubmissionInput extends SendOptions {
  userId: string;
  /** Required unless the FakeSlack knows `viewId`. */
  callbackId?: string;
  values?: StateValuesInput;
  privateMetadata?: string;
  viewId?: string;
  /** Each entry gets a fresh response_url, as for modals with response_url_enabled inputs. */
  responseUrls?: { block_id: string; action_id: string; channel_id: string }[];
}

export interface ViewClosedInput extends SendOptions {
  userId: string;
  callbackId?: string;
  privateMetadata?: string;
  viewId?: string;
  isCleared?: boolean;
}

export interface GlobalShortcutInput extends SendOptions {
  userId: string;
  callbackId: string;
}

export interface MessageShortcutInput extends SendOptions {
  userId: string;
  callbackId: string;
  channelId: string;
  message: { ts: string; text?: string; user?: string; thread_ts?: string; [key: string]: unknown };
}

export interface EventOptions extends SendOptions {
  eventId?: string;
  retryNum?: number;
  /** Default `http_timeout` when retryNum is set. */
  retryReason?: string;
}
