/**
 * FakeSlack: a small, stateful stand-in for Slack's Web API on 127.0.0.1.
 *
 * The real WebClient talks to it over HTTP (point `slackApiUrl` at `slack.apiUrl`), so tests exercise
 * the same serialisation, auth header, retry and error paths as production. It keeps messages, views,
 * files and DMs the way Slack would, records every call, and can fail on demand.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isDeepStrictEqual } from 'node:util';
import { answerApiCall } from './api.js';
import { FailurePlan } from './failure-plan.js';
import { readBody, sendJson, sendText } from './http.js';
import { receiveUpload, serveFile, userFile } from './methods/files.js';
import { react } from './methods/reactions.js';
import { replaceViewFromResponse } from './methods/views.js';
import { ResponseUrls } from './response-urls.js';
import { type EmulatorSnapshot, snapshot } from './snapshot.js';
import { dmChannel, SlackState } from './state.js';
import type {
  CallMatcher,
  ExtraRoute,
  Failure,
  FakeChannel,
  FakeEphemeral,
  FakeFile,
  FakeMessage,
  FakeSlackOptions,
  FakeUser,
  FakeView,
  RecordedCall,
  RecordedResponse,
  ResolvedUser,
  ResponseUrlContext,
  WaitOptions,
} from './types.js';
import { tsMicros } from './values.js';
import { Waitlist } from './waitlist.js';

export class FakeSlack {
  readonly teamId: string;
  readonly teamName: string;
  readonly teamDomain: string;
  readonly botUserId: string;
  readonly botId: string;
  readonly botName: string;
  readonly appId: string;
  /** Every Web API call, in arrival order (including failed and unknown ones). */
  readonly calls: RecordedCall[] = [];

  readonly #server: Server;
  readonly #token: string | undefined;
  readonly #keepCalls: number;
  readonly #state: SlackState;
  readonly #responseUrls: ResponseUrls;
  readonly #failures = new FailurePlan();
  readonly #callWaits = new Waitlist(this.calls);

  private constructor(server: Server, options: FakeSlackOptions) {
    this.#server = server;
    this.teamId = options.teamId ?? 'T0BATON';
    this.teamName = options.teamName ?? 'Baton Test';
    this.teamDomain = options.teamDomain ?? 'baton-test';
    this.botUserId = options.botUserId ?? 'U0BATONBOT';
    this.botId = options.botId ?? 'B0BATONBOT';
    this.botName = options.botName ?? 'baton';
    this.appId = options.appId ?? 'A0BATON';
    this.#token = options.token;
    this.#keepCalls = options.keepCalls ?? Number.POSITIVE_INFINITY;
    this.#state = new SlackState(this, options);
    this.#responseUrls = new ResponseUrls(this.#state);
  }

  readonly #routes: ExtraRoute[] = [];
  readonly #changeListeners = new Set<() => void>();
  #version = 0;

  static async start(options: FakeSlackOptions = {}): Promise<FakeSlack> {
    const server = createServer();
    const slack = new FakeSlack(server, options);
    server.on('request', (req, res) => {
      slack.#route(req, res).catch((error: unknown) => {
        // A bug in the fake must be loud, not a hung request.
        console.error('FakeSlack internal error', error);
        if (!res.headersSent) sendJson(res, 500, { ok: false, error: 'fake_slack_internal_error' });
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
    return slack;
  }

  get baseUrl(): string {
    const { port } = this.#server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** What WebClient's `slackApiUrl` takes (trailing slash included). */
  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  async stop(): Promise<void> {
    // Fail pending waits now rather than leaving the test hanging until its own timeout.
    const message = 'FakeSlack stopped while a waitFor… was pending';
    this.#callWaits.cancel(message);
    this.#responseUrls.waits.cancel(message);
    await new Promise<void>((resolve) => {
      this.#server.close(() => resolve());
      // fetch keeps sockets alive; close them so stop() does not wait for their idle timeout.
      this.#server.closeAllConnections();
    });
  }

  // ---------------------------------------------------------------- change feed

  /** Goes up by one whenever the workspace may have changed (a Web API call, a response_url post, an upload, a message added). */
  get version(): number {
    return this.#version;
  }

  /** Calls `listener` after each change; returns the function that stops it. The sandbox page's live updates hang on this. */
  onChange(listener: () => void): () => void {
    this.#changeListeners.add(listener);
    return () => this.#changeListeners.delete(listener);
  }

  #changed(): void {
    this.#version += 1;
    for (const listener of this.#changeListeners) listener();
  }

  // ---------------------------------------------------------------- workspace setup

  addUser(user: FakeUser): void {
    this.#state.addUser(user);
  }

  /** Makes `apps.connections.open` hand out this WebSocket URL (FakeSocketMode calls it). */
  enableSocketMode(url: string): void {
    this.#state.socketModeUrl = url;
  }

  addChannel(channel: FakeChannel): void {
    // A copy: inviteBot, archiveChannel and conversations.join change it.
    this.#state.channels.set(channel.id, { ...channel });
  }

  /**
   * Puts the bot in a channel as `/invite @Baton` does (private channels too). Slack then sends
   * `member_joined_channel`; send it with the SlackDriver: `driver.event({ type: 'member_joined_channel',
   * user: slack.botUserId, channel })`.
   */
  inviteBot(channelId: string): void {
    const channel = this.#state.channels.get(channelId);
    if (!channel) throw new Error(`FakeSlack.inviteBot: add channel ${channelId} first`);
    channel.botIsMember = true;
  }

  /** Archives (or unarchives) a channel: posts answer `is_archived`. */
  archiveChannel(channelId: string, archived = true): void {
    const channel = this.#state.channels.get(channelId);
    if (!channel) throw new Error(`FakeSlack.archiveChannel: add channel ${channelId} first`);
    channel.isArchived = archived;
  }

  /** Whether the bot is in the channel (joined, invited, or never left). */
  botInChannel(channelId: string): boolean {
    return this.#state.channels.get(channelId)?.botIsMember !== false;
  }

  /** The user with defaults applied, as the fake reports it. */
  user(id: string): ResolvedUser | undefined {
    return this.#state.user(id);
  }

  /** The DM channel id Slack would give the bot's conversation with this user (`U123` → `D123`). */
  dmChannel(userId: string): string {
    return dmChannel(userId);
  }

  /** Name for a conversation id, as slash commands and interactivity payloads report it. */
  channelName(id: string): string {
    return this.#state.channelName(id);
  }

  /** Puts a message into a channel as if a person had posted it (for history lookups, threads, reactions). */
  addMessage(channel: string, message: Partial<FakeMessage> & { text: string }): FakeMessage {
    const added = this.#state.addMessage(channel, message);
    this.#changed();
    return added;
  }

  /**
   * A person reacting to a message, as Slack stores it before sending `reaction_added` (send that with
   * the SlackDriver). Throws Slack's error (`message_not_found`, `already_reacted`, `invalid_name`).
   */
  addReaction(channel: string, ts: string, name: string, userId: string): void {
    react(this.#state, channel, ts, name, userId);
    this.#changed();
  }

  // ---------------------------------------------------------------- recordings

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  lastCall(method: string): RecordedCall | undefined {
    return this.callsTo(method).at(-1);
  }

  /**
   * Resolves with the oldest matching call that no earlier waitForCall has returned, waiting for one
   * if needed. Past calls count because Bolt acks before listeners finish; handing each call out once
   * lets consecutive waits walk through repeated calls in order.
   */
  waitForCall(method: string, match?: CallMatcher, options: WaitOptions = {}): Promise<RecordedCall> {
    const test = (call: RecordedCall) => call.method === method && matches(call, match);
    return this.#callWaits.waitFor(test, options, (timeoutMs) => {
      const seen = this.calls.map((c) =>
        c.response.ok ? c.method : `${c.method}(${String(c.response.error)})`,
      );
      return `FakeSlack: no ${method} call${match ? ' matching' : ''} within ${timeoutMs}ms. Calls so far: ${seen.join(', ') || 'none'}`;
    });
  }

  /**
   * Makes the next `times` calls to `method` ('*' = any method) fail, in the order planned.
   * `{ status }` answers with that HTTP status (429 adds `Retry-After` when `retryAfter` is set);
   * `{ error }` answers HTTP 200 `{ ok: false, error }`.
   */
  failNext(method: string, failure: Failure, { times = 1 }: { times?: number } = {}): void {
    this.#failures.add(method, failure, times);
  }

  /**
   * Clears calls, recorded responses and planned failures. Users and channels always stay; messages,
   * views, files and DMs stay unless `state: true`.
   */
  reset({ state = false }: { state?: boolean } = {}): void {
    this.calls.length = 0;
    this.#responseUrls.clear({ urls: state });
    this.#failures.clear();
    if (state) this.#state.clear();
    this.#changed();
  }

  // ---------------------------------------------------------------- state inspection

  /** Messages in a channel (a user id means the bot's DM with them), oldest first, replies included, with thread fields as Slack reports them. */
  messages(channel: string): FakeMessage[] {
    const id = /^[UW]/.test(channel) ? this.dmChannel(channel) : channel;
    return (this.#state.messages.get(id) ?? []).map((m) => this.#state.present(id, m, true));
  }

  /** Parent first, then replies. */
  thread(channel: string, threadTs: string): FakeMessage[] {
    const id = /^[UW]/.test(channel) ? this.dmChannel(channel) : channel;
    return this.#state.thread(id, threadTs).map((m) => this.#state.present(id, m, true));
  }

  /** The newest message (in any channel, or the given one) that satisfies the predicate. */
  findMessage(
    predicate: (message: FakeMessage) => boolean,
    channel?: string,
  ): { channel: string; message: FakeMessage } | undefined {
    const channels = channel ? [channel] : [...this.#state.messages.keys()];
    let best: { channel: string; message: FakeMessage } | undefined;
    for (const id of channels) {
      for (const m of this.#state.messages.get(id) ?? []) {
        if (predicate(m) && (!best || tsMicros(m.ts) > tsMicros(best.message.ts)))
          best = { channel: id, message: m };
      }
    }
    return best && { channel: best.channel, message: this.#state.present(best.channel, best.message, true) };
  }

  ephemerals(channel?: string): FakeEphemeral[] {
    return structuredClone(this.#state.ephemerals.filter((e) => !channel || e.channel === channel));
  }

  /** The latest view published to this user's Home tab. */
  homeView(userId: string): FakeView | undefined {
    const id = this.#state.homeViews.get(userId);
    return id ? this.view(id) : undefined;
  }

  /** A view by id or external_id. */
  view(idOrExternalId: string): FakeView | undefined {
    const found = this.#state.view(idOrExternalId);
    return found && structuredClone(found);
  }

  /** All views opened, pushed or published, oldest first. */
  views(): FakeView[] {
    return [...this.#state.views.values()].map((v) => structuredClone(v));
  }

  files(): FakeFile[] {
    return [...this.#state.files.values()];
  }

  file(id: string): FakeFile | undefined {
    return this.#state.files.get(id);
  }

  /** What Slack does with a view_submission's answer: `response_action: "update"` replaces the modal. */
  applyViewResponse(viewId: string, answer: unknown): void {
    const a = answer as { response_action?: unknown; view?: unknown } | undefined;
    if (a?.response_action === 'update') replaceViewFromResponse(this.#state, viewId, a.view);
  }

  /**
   * A person uploads a file in Slack (picks it in a modal's file input); returns the file object
   * Slack puts in the view state (`values: { block: { action: { files: [file] } } }`).
   */
  uploadAsUser(userId: string, filename: string, content: string | Buffer): Record<string, unknown> {
    return userFile(this.#state, userId, filename, Buffer.from(content));
  }

  /** A read-only view of the workspace (channels with their messages, DMs, Home tabs), as GET / serves it. */
  snapshot(): EmulatorSnapshot {
    return snapshot(this.#state);
  }

  // ---------------------------------------------------------------- response_url catcher

  /** A fresh response_url on this server. The context lets replace_original / in_channel responses edit the fake's messages. */
  responseUrl(context: ResponseUrlContext = {}): string {
    return this.#responseUrls.create(context);
  }

  /** Accepted POSTs to response URLs, oldest first; pass a URL or id to narrow to one. */
  responses(urlOrId?: string): RecordedResponse[] {
    return this.#responseUrls.recorded(urlOrId);
  }

  /** Like waitForCall, for response_url POSTs (each handed out once). */
  waitForResponse(urlOrId?: string, options: WaitOptions = {}): Promise<RecordedResponse> {
    return this.#responseUrls.waitFor(urlOrId, options);
  }

  // ---------------------------------------------------------------- HTTP plumbing

  /**
   * Serves more paths on the emulator's port (the sandbox's page and its API). Routes are asked in the
   * order added, after Slack's own paths; the first that answers true has handled the request.
   */
  addRoute(route: ExtraRoute): void {
    this.#routes.push(route);
  }

  async #route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.baseUrl);
    const raw = await readBody(req);
    const parts = url.pathname.split('/').filter(Boolean);
    if (parts[0] === 'api' && parts[1]) {
      await this.#api(parts[1], req, raw, url, res);
      return this.#changed();
    }
    if (parts[0] === 'upload' && req.method === 'POST') {
      await receiveUpload(this.#state, parts.at(-1) ?? '', req, raw, res);
      return this.#changed();
    }
    if (parts[0] === 'response' && parts[1] && req.method === 'POST') {
      await this.#responseUrls.receive(parts[1], req, raw, res);
      return this.#changed();
    }
    if (parts[0] === 'files' && parts[1] && req.method === 'GET')
      return serveFile(this.#state, parts[1], req, res, this.#token);
    for (const route of this.#routes) if (await route(req, raw, url, res)) return;
    if (parts.length === 0 && req.method === 'GET') return sendJson(res, 200, this.snapshot());
    sendText(res, 404, 'not_found');
  }

  async #api(
    method: string,
    req: IncomingMessage,
    raw: Buffer,
    url: URL,
    res: ServerResponse,
  ): Promise<void> {
    const { args, token, status, response, failure, headers, delayMs } = await answerApiCall(
      method,
      req,
      raw,
      url,
      {
        state: this.#state,
        token: this.#token,
        failures: this.#failures,
      },
    );
    const call: RecordedCall = { method, args, at: this.#state.now(), token, status, response };
    if (failure) call.failure = failure;
    this.calls.push(call);
    if (this.calls.length > this.#keepCalls) this.calls.splice(0, this.calls.length - this.#keepCalls);
    if (delayMs !== undefined) {
      // Recorded (and applied) now; the answer comes late, or never reaches a caller that died.
      this.#callWaits.offer(call);
      await new Promise((resolve) => setTimeout(resolve, delayMs).unref());
      if (!res.destroyed) sendJson(res, status, response, headers);
      return;
    }
    sendJson(res, status, response, headers);
    this.#callWaits.offer(call);
  }
}

function matches(call: RecordedCall, match: CallMatcher | undefined): boolean {
  if (!match) return true;
  if (typeof match === 'function') return match(call);
  return Object.entries(match).every(([key, value]) => isDeepStrictEqual(call.args[key], value));
}
