/**
 * SlackDriver: plays Slack's side of the HTTP conversation with a running Bolt app.
 *
 * Every request is signed the way Slack signs it (v0 HMAC-SHA256 over `v0:<ts>:<raw body>`), and
 * payloads carry the fields Bolt uses to route them (see getTypeAndConversation in
 * @slack/bolt/dist/helpers.js). When given a FakeSlack, the driver borrows its users, channels,
 * messages and views so that clicks land on what the app really posted.
 */
import { createHmac, randomBytes, randomInt } from 'node:crypto';
import type {
  BlockActionsInput,
  BlockSuggestionInput,
  CommandInput,
  CommandResult,
  DriverResponse,
  EventOptions,
  EventResult,
  GlobalShortcutInput,
  InteractionResult,
  MessageShortcutInput,
  SendOptions,
  SlackDriverOptions,
  ViewClosedInput,
  ViewSubmissionInput,
} from './driver-types.js';
import type { FakeMessage, FakeSlack, FakeView, SlackObject } from './index.js';
import {
  buildAction,
  elementsOf,
  hasAction,
  inputDefaults,
  randomId,
  toSeconds,
  toStateValues,
} from './payload-parts.js';

export type * from './driver-types.js';

const FORM = 'application/x-www-form-urlencoded';

export class SlackDriver {
  readonly baseUrl: string;
  readonly teamId: string;
  readonly teamDomain: string;
  readonly apiAppId: string;
  readonly botUserId: string;
  readonly verificationToken: string;
  readonly path: string;
  readonly #secret: string;
  readonly #slack: FakeSlack | undefined;
  readonly #now: () => Date;
  #seq = 0;
  #lastTsMicros = 0;

  constructor(options: SlackDriverOptions) {
    this.baseUrl = options.baseUrl.replace(/\/$/, '');
    this.#secret = options.signingSecret;
    this.#slack = options.slack;
    this.teamId = options.teamId ?? options.slack?.teamId ?? 'T0BATON';
    this.teamDomain = options.teamDomain ?? options.slack?.teamDomain ?? 'baton-test';
    this.apiAppId = options.apiAppId ?? options.slack?.appId ?? 'A0BATON';
    this.botUserId = options.botUserId ?? options.slack?.botUserId ?? 'U0BATONBOT';
    this.verificationToken = options.verificationToken ?? 'fakeVerificationToken';
    this.path = options.path ?? '/slack/events';
    this.#now = options.now ?? (() => new Date());
  }

  /** Slack's signature for a body: `v0=` + hex HMAC-SHA256 of `v0:<ts>:<body>`. */
  sign(timestamp: number, rawBody: string, secret = this.#secret): string {
    return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
  }

  /** Low level: POST a raw body, signed unless overridden. */
  async post(
    path: string,
    rawBody: string,
    contentType: string,
    options: SendOptions = {},
  ): Promise<DriverResponse> {
    const ts = toSeconds(options.timestamp ?? this.#now());
    const headers: Record<string, string> = {
      'content-type': contentType,
      'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': options.signature ?? this.sign(ts, rawBody, options.secret),
    };
    for (const [name, value] of Object.entries(options.headers ?? {})) {
      if (value === null) delete headers[name.toLowerCase()];
      else headers[name.toLowerCase()] = value;
    }
    const res = await fetch(`${this.baseUrl}${path}`, { method: 'POST', headers, body: rawBody });
    const body = await res.text();
    const result: DriverResponse = { status: res.status, body, headers: Object.fromEntries(res.headers) };
    if (body !== '' && (res.headers.get('content-type') ?? '').includes('json'))
      result.json = JSON.parse(body);
    return result;
  }

  /** A slash command, form-encoded with the fields Slack sends, in Slack's order. */
  async command(command: string, text: string, input: CommandInput): Promise<CommandResult> {
    const channelId = input.channelId ?? 'C0GENERAL';
    const triggerId = this.#triggerId();
    const responseUrl = this.#responseUrl('commands', { channelId, userId: input.userId });
    const payload: Record<string, string> = {
      token: this.verificationToken,
      team_id: this.teamId,
      team_domain: this.teamDomain,
      channel_id: channelId,
      channel_name: input.channelName ?? this.#channelName(channelId),
      user_id: input.userId,
      user_name: this.#userName(input.userId),
      command,
      text,
      api_app_id: this.apiAppId,
      is_enterprise_install: 'false',
      response_url: responseUrl,
      trigger_id: triggerId,
    };
    const res = await this.post(this.path, new URLSearchParams(payload).toString(), FORM, input);
    return { ...res, payload, responseUrl, triggerId };
  }

  /** A block_actions interaction from a message (default) or a view (`view`). */
  async blockActions(input: BlockActionsInput): Promise<InteractionResult> {
    const triggerId = this.#triggerId();
    const actionTs = this.#ts();
    const base = this.#interactionBase('block_actions', input.userId, triggerId);
    const stateValues = toStateValues(input.state ?? {});

    if (input.view !== undefined) {
      const view = this.#resolveView(input.view, stateValues);
      const blocks = (view.blocks ?? []) as SlackObject[];
      const payload: SlackObject = {
        ...base,
        container: { type: 'view', view_id: view.id },
        view,
        state: { values: stateValues },
        actions: input.actions.map((a) => buildAction(a, blocks, actionTs)),
      };
      return { ...(await this.#sendPayload(payload, input)), payload, triggerId };
    }

    const firstActionId = input.actions[0]?.action_id;
    const stored =
      input.messageTs === undefined && firstActionId
        ? this.#slack?.findMessage((m) => hasAction(m, firstActionId), input.channelId)
        : undefined;
    const channelId = input.channelId ?? stored?.channel ?? 'C0GENERAL';
    const messageTs = input.messageTs ?? stored?.message.ts ?? this.#ts();
    const found =
      stored?.message ?? this.#slack?.findMessage((m) => m.ts === messageTs, channelId)?.message ?? undefined;
    const message: SlackObject = {
      type: 'message',
      ts: messageTs,
      text: '',
      user: this.botUserId,
      ...found,
      ...input.message,
    };
    const blocks = (message.blocks ?? []) as SlackObject[];
    const threadTs = typeof message.thread_ts === 'string' ? message.thread_ts : undefined;
    const responseUrl = this.#responseUrl('actions', { channelId, messageTs, userId: input.userId });
    const payload: SlackObject = {
      ...base,
      container: {
        type: 'message',
        message_ts: messageTs,
        channel_id: channelId,
        is_ephemeral: Boolean(input.ephemeral),
        ...(threadTs ? { thread_ts: threadTs } : {}),
      },
      channel: { id: channelId, name: this.#channelName(channelId) },
      // Slack leaves the message out for ephemeral messages.
      ...(input.ephemeral ? {} : { message }),
      state: { values: stateValues },
      response_url: responseUrl,
      actions: input.actions.map((a) => buildAction(a, blocks, actionTs)),
    };
    return { ...(await this.#sendPayload(payload, input)), payload, responseUrl, triggerId };
  }

  /** An external_select asking for options as the person types; the app answers in the HTTP response (`json.options`). */
  async blockSuggestion(input: BlockSuggestionInput): Promise<InteractionResult> {
    const view = this.#resolveView(input.view, {});
    const blocks = (view.blocks ?? []) as SlackObject[];
    const block = blocks.find((b) => elementsOf(b).some((e) => e.action_id === input.actionId));
    const { trigger_id: _none, ...base } = this.#interactionBase('block_suggestion', input.userId, '');
    const payload: SlackObject = {
      ...base,
      container: { type: 'view', view_id: view.id },
      action_id: input.actionId,
      block_id: input.blockId ?? (typeof block?.block_id === 'string' ? block.block_id : randomId(4)),
      value: input.value,
      view,
    };
    return { ...(await this.#sendPayload(payload, input)), payload };
  }

  /** A modal submission. With a FakeSlack and `viewId`, the opened view supplies callback_id, metadata and blocks. */
  async viewSubmission(input: ViewSubmissionInput): Promise<InteractionResult> {
    const triggerId = this.#triggerId();
    const view = this.#submittedView(input, toStateValues(input.values ?? {}));
    const payload: SlackObject = {
      ...this.#interactionBase('view_submission', input.userId, triggerId),
      view,
      response_urls: (input.responseUrls ?? []).map((r) => ({
        ...r,
        response_url: this.#responseUrl('app', { channelId: r.channel_id, userId: input.userId }),
      })),
    };
    const sent = await this.#sendPayload(payload, input);
    if (typeof view.id === 'string') this.#slack?.applyViewResponse(view.id, sent.json);
    return { ...sent, payload, triggerId };
  }

  /** Closing a modal that has notify_on_close. */
  async viewClosed(input: ViewClosedInput): Promise<InteractionResult> {
    const view = this.#submittedView(input, {});
    const { trigger_id: _unused, ...base } = this.#interactionBase('view_closed', input.userId, '');
    const payload: SlackObject = { ...base, view, is_cleared: input.isCleared ?? false };
    return { ...(await this.#sendPayload(payload, input)), payload };
  }

  async globalShortcut(input: GlobalShortcutInput): Promise<InteractionResult> {
    const triggerId = this.#triggerId();
    const payload: SlackObject = {
      type: 'shortcut',
      token: this.verificationToken,
      action_ts: this.#ts(),
      team: { id: this.teamId, domain: this.teamDomain },
      user: { id: input.userId, username: this.#userName(input.userId), team_id: this.teamId },
      is_enterprise_install: false,
      enterprise: null,
      callback_id: input.callbackId,
      trigger_id: triggerId,
    };
    return { ...(await this.#sendPayload(payload, input)), payload, triggerId };
  }

  async messageShortcut(input: MessageShortcutInput): Promise<InteractionResult> {
    const triggerId = this.#triggerId();
    const responseUrl = this.#responseUrl('actions', { channelId: input.channelId, userId: input.userId });
    const stored = this.#slack?.findMessage((m) => m.ts === input.message.ts, input.channelId)?.message;
    const name = this.#userName(input.userId);
    const payload: SlackObject = {
      type: 'message_action',
      token: this.verificationToken,
      action_ts: this.#ts(),
      team: { id: this.teamId, domain: this.teamDomain },
      user: { id: input.userId, name, username: name, team_id: this.teamId },
      channel: { id: input.channelId, name: this.#channelName(input.channelId) },
      is_enterprise_install: false,
      enterprise: null,
      callback_id: input.callbackId,
      trigger_id: triggerId,
      response_url: responseUrl,
      message_ts: input.message.ts,
      message: { type: 'message', ...stored, ...input.message },
    };
    return { ...(await this.#sendPayload(payload, input)), payload, responseUrl, triggerId };
  }

  /**
   * An Events API callback. `event_ts` (and `ts`/`channel_type` for messages) are filled in when
   * missing; user messages are also stored in the FakeSlack so history and threads see them.
   */
  async event(event: SlackObject & { type: string }, options: EventOptions = {}): Promise<EventResult> {
    const full: SlackObject = { ...event };
    const channel = typeof event.channel === 'string' ? event.channel : undefined;
    const isMessage = event.type === 'message' || event.type === 'app_mention';
    if (event.type === 'message' && channel && full.channel_type === undefined) {
      full.channel_type = channel.startsWith('D') ? 'im' : channel.startsWith('G') ? 'group' : 'channel';
    }
    // A person's message exists in Slack before the event fires: store it (the fake picks the ts).
    const storable = isMessage && channel && full.subtype === undefined && typeof full.text === 'string';
    const known = (ts: unknown) => this.#slack?.findMessage((m) => m.ts === ts, channel);
    if (this.#slack && storable && !(full.ts !== undefined && known(full.ts))) {
      const { channel: _c, channel_type: _t, event_ts: _e, type: _type, ...message } = full;
      full.ts = this.#slack.addMessage(channel, message as Partial<FakeMessage> & { text: string }).ts;
    }
    if (isMessage && full.ts === undefined) full.ts = this.#ts();
    if (full.event_ts === undefined) full.event_ts = typeof full.ts === 'string' ? full.ts : this.#ts();
    const eventId = options.eventId ?? `Ev${randomId(10)}`;
    const envelope: SlackObject = {
      token: this.verificationToken,
      team_id: this.teamId,
      context_team_id: this.teamId,
      context_enterprise_id: null,
      api_app_id: this.apiAppId,
      event: full,
      type: 'event_callback',
      event_id: eventId,
      event_time: toSeconds(this.#now()),
      authorizations: [
        {
          enterprise_id: null,
          team_id: this.teamId,
          user_id: this.botUserId,
          is_bot: true,
          is_enterprise_install: false,
        },
      ],
      is_ext_shared_channel: false,
      event_context: `4-${randomBytes(24).toString('base64url')}`,
    };
    const headers: Record<string, string | null> = { ...options.headers };
    if (options.retryNum !== undefined) {
      headers['x-slack-retry-num'] = String(options.retryNum);
      headers['x-slack-retry-reason'] = options.retryReason ?? 'http_timeout';
    }
    const res = await this.post(this.path, JSON.stringify(envelope), 'application/json', {
      ...options,
      headers,
    });
    return { ...res, envelope, eventId };
  }

  /** The handshake Slack sends when the Request URL is saved. */
  urlVerification(challenge: string, options: SendOptions = {}): Promise<DriverResponse> {
    const body = JSON.stringify({ token: this.verificationToken, challenge, type: 'url_verification' });
    return this.post(this.path, body, 'application/json', options);
  }

  /**
   * Sends an interaction payload again as it was (a delivery Slack repeats), not rebuilt from the
   * view as it is now: a submission that replaced its modal would otherwise become another view's.
   */
  redeliver(payload: SlackObject, options: SendOptions = {}): Promise<DriverResponse> {
    return this.#sendPayload(payload, options);
  }

  // ---------------------------------------------------------------- internals

  #sendPayload(payload: SlackObject, options: SendOptions): Promise<DriverResponse> {
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    return this.post(this.path, body, FORM, options);
  }

  #interactionBase(type: string, userId: string, triggerId: string): SlackObject {
    const name = this.#userName(userId);
    return {
      type,
      user: { id: userId, username: name, name, team_id: this.teamId },
      api_app_id: this.apiAppId,
      token: this.verificationToken,
      trigger_id: triggerId,
      team: { id: this.teamId, domain: this.teamDomain },
      enterprise: null,
      is_enterprise_install: false,
    };
  }

  /** A view as Slack sends it back in interaction payloads. */
  #resolveView(view: string | SlackObject, values: SlackObject): SlackObject {
    const id = typeof view === 'string' ? view : typeof view.id === 'string' ? view.id : undefined;
    const stored: FakeView | undefined = id ? this.#slack?.view(id) : undefined;
    const given = typeof view === 'string' ? {} : view;
    const merged: SlackObject = { ...stored, ...given };
    const viewId = typeof merged.id === 'string' ? merged.id : `V0${randomId(9)}`;
    return {
      id: viewId,
      team_id: this.teamId,
      type: 'modal',
      blocks: [],
      private_metadata: '',
      callback_id: '',
      hash: `${toSeconds(this.#now())}.${randomBytes(4).toString('hex')}`,
      title: { type: 'plain_text', text: 'Baton', emoji: true },
      clear_on_close: false,
      notify_on_close: false,
      close: null,
      submit: null,
      previous_view_id: null,
      root_view_id: viewId,
      app_id: this.apiAppId,
      external_id: '',
      app_installed_team_id: this.teamId,
      bot_id: this.#slack?.botId ?? 'B0BATONBOT',
      ...merged,
      state: { values: { ...inputDefaults((merged.blocks ?? []) as SlackObject[]), ...values } },
    };
  }

  #submittedView(
    input: { viewId?: string; callbackId?: string; privateMetadata?: string },
    values: SlackObject,
  ): SlackObject {
    const stored = input.viewId ? this.#slack?.view(input.viewId) : undefined;
    const callbackId = input.callbackId ?? stored?.callback_id;
    if (!callbackId) throw new Error('SlackDriver: callbackId is required unless the FakeSlack knows viewId');
    const overrides: SlackObject = { callback_id: callbackId };
    if (input.viewId) overrides.id = input.viewId;
    if (input.privateMetadata !== undefined) overrides.private_metadata = input.privateMetadata;
    if (!stored) overrides.submit = { type: 'plain_text', text: 'Submit', emoji: true };
    return this.#resolveView({ ...stored, ...overrides }, values);
  }

  #responseUrl(kind: string, context: { channelId?: string; messageTs?: string; userId?: string }): string {
    if (this.#slack) return this.#slack.responseUrl(context);
    return `https://hooks.slack.com/${kind}/${this.teamId}/${randomInt(1e9, 1e10)}/${randomId(24)}`;
  }

  #triggerId(): string {
    return `${randomInt(1e9, 1e10)}.${randomInt(1e11, 1e12)}.${randomBytes(16).toString('hex')}`;
  }

  /** Payload timestamps (action_ts, user message ts): strictly increasing seconds.micros. */
  #ts(): string {
    this.#lastTsMicros = Math.max(
      this.#now().getTime() * 1000 + (++this.#seq % 1000),
      this.#lastTsMicros + 1,
    );
    return `${Math.floor(this.#lastTsMicros / 1e6)}.${String(this.#lastTsMicros % 1e6).padStart(6, '0')}`;
  }

  #userName(userId: string): string {
    return this.#slack?.user(userId)?.name ?? userId.toLowerCase();
  }

  #channelName(channelId: string): string {
    if (this.#slack) return this.#slack.channelName(channelId);
    return channelId.startsWith('D') ? 'directmessage' : channelId.toLowerCase();
  }
}
