/**
 * FakeSlack: a small, stateful stand-in for Slack's Web API on 127.0.0.1.
 *
 * The real WebClient talks to it over HTTP (point `slackApiUrl` at `slack.apiUrl`), so tests exercise
 * the same serialisation, auth header, retry and error paths as production. It keeps messages, views,
 * files and DMs the way Slack would, records every call, and can fail on demand.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isDeepStrictEqual } from 'node:util';

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
  deleted?: boolean;
}

/** A FakeUser with every default filled in. */
export type ResolvedUser = Required<Omit<FakeUser, 'email'>> & { email?: string };

export interface FakeChannel {
  id: string;
  name: string;
  isPrivate?: boolean;
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
}

/** What `failNext` can make a method do: an HTTP error status (429 with Retry-After) or `ok:false`. */
export type Failure = { status: number; retryAfter?: number } | { error: string; response?: SlackObject };

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

/** Thrown inside handlers to answer `{ ok: false, error }`. */
class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly extra: SlackObject = {},
  ) {
    super(code);
  }
}

interface Waiter<T> {
  match: (item: T) => boolean;
  resolve: (item: T) => void;
  reject: (error: Error) => void;
}

interface ResponseUrlState {
  context: ResponseUrlContext;
  createdMs: number;
  uses: number;
}

type Handler = (args: SlackArgs) => SlackObject | Promise<SlackObject>;

const MAX_TEXT = 40_000;
const RESPONSE_URL_USES = 5;
const RESPONSE_URL_TTL_MS = 30 * 60_000;
const DEFAULT_WAIT_MS = 5_000;
const BLOCK_TYPES = new Set([
  'actions',
  'context',
  'context_actions',
  'divider',
  'file',
  'header',
  'image',
  'input',
  'markdown',
  'rich_text',
  'section',
  'table',
  'video',
]);
// Free-text arguments are never JSON-decoded, even if they happen to look like JSON.
const TEXT_ARGS = new Set([
  'text',
  'initial_comment',
  'title',
  'alt_text',
  'alt_txt',
  'filename',
  'query',
  'name',
]);

const hex = (bytes: number) => randomBytes(bytes).toString('hex');
const str = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
const bool = (v: unknown) => v === true || v === 'true' || v === '1' || v === 1;
const isObject = (v: unknown): v is SlackObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const tsMicros = (ts: string) => Math.round(Number(ts) * 1e6);
const missing = (field: string) =>
  new ApiError('invalid_arguments', {
    response_metadata: { messages: [`[ERROR] missing required field: ${field}`] },
  });

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
  readonly #now: () => Date;
  readonly #token: string | undefined;
  readonly #strictChannels: boolean;
  readonly #users = new Map<string, FakeUser>();
  readonly #channels = new Map<string, FakeChannel>();
  readonly #mpims = new Map<string, string[]>();
  readonly #messages = new Map<string, FakeMessage[]>();
  readonly #ephemerals: FakeEphemeral[] = [];
  readonly #views = new Map<string, FakeView>();
  readonly #homeViews = new Map<string, string>();
  readonly #files = new Map<string, FakeFile>();
  readonly #responseUrls = new Map<string, ResponseUrlState>();
  readonly #responses: RecordedResponse[] = [];
  readonly #failures = new Map<string, Failure[]>();
  readonly #usedTriggers = new Set<string>();
  readonly #openedDms = new Set<string>();
  readonly #claimed = new WeakSet<object>();
  readonly #callWaiters: Waiter<RecordedCall>[] = [];
  readonly #responseWaiters: Waiter<RecordedResponse>[] = [];
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly #handlers: Record<string, Handler>;
  #lastMicros = 0;
  #seq = 0;

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
    this.#now = options.now ?? (() => new Date());
    this.#strictChannels = options.channels !== undefined;
    this.addUser({ id: this.botUserId, name: this.botName, realName: 'Baton', isBot: true });
    for (const user of options.users ?? []) this.addUser(user);
    for (const channel of options.channels ?? []) this.addChannel(channel);
    this.#handlers = {
      'auth.test': () => this.#authTest(),
      'chat.postMessage': (a) => this.#postMessage(a),
      'chat.update': (a) => this.#update(a),
      'chat.postEphemeral': (a) => this.#postEphemeral(a),
      'chat.delete': (a) => this.#delete(a),
      'chat.getPermalink': (a) => this.#permalink(a),
      'conversations.open': (a) => this.#open(a),
      'conversations.info': (a) => this.#info(a),
      'conversations.replies': (a) => this.#repliesMethod(a),
      'conversations.history': (a) => this.#history(a),
      'views.open': (a) => this.#viewsOpen(a),
      'views.push': (a) => this.#viewsPush(a),
      'views.publish': (a) => this.#viewsPublish(a),
      'views.update': (a) => this.#viewsUpdate(a),
      'users.info': (a) => this.#usersInfo(a),
      'users.lookupByEmail': (a) => this.#lookupByEmail(a),
      'reactions.add': (a) => this.#reactionsAdd(a),
      'files.getUploadURLExternal': (a) => this.#getUploadUrl(a),
      'files.completeUploadExternal': (a) => this.#completeUpload(a),
    };
  }

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
      server.listen(0, '127.0.0.1', () => resolve());
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
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    // Fail pending waits now rather than leaving the test hanging until its own timeout.
    for (const waiter of [...this.#callWaiters.splice(0), ...this.#responseWaiters.splice(0)]) {
      waiter.reject(new Error('FakeSlack stopped while a waitFor… was pending'));
    }
    await new Promise<void>((resolve) => {
      this.#server.close(() => resolve());
      // fetch keeps sockets alive; close them so stop() does not wait for their idle timeout.
      this.#server.closeAllConnections();
    });
  }

  // ---------------------------------------------------------------- workspace setup

  addUser(user: FakeUser): void {
    if (user.tz) tzInfo(user.tz, new Date()); // throws early on a bad zone name
    this.#users.set(user.id, user);
  }

  addChannel(channel: FakeChannel): void {
    this.#channels.set(channel.id, channel);
  }

  /** The user with defaults applied, as the fake reports it. */
  user(id: string): ResolvedUser | undefined {
    const u = this.#users.get(id);
    if (!u) return undefined;
    const name = u.name ?? (u.realName ? u.realName.toLowerCase().replace(/\s+/g, '.') : u.id.toLowerCase());
    const realName = u.realName ?? name;
    return {
      id: u.id,
      name,
      realName,
      displayName: u.displayName ?? name,
      tz: u.tz ?? 'America/Los_Angeles',
      locale: u.locale ?? 'en-US',
      email: u.email,
      isBot: u.isBot ?? false,
      isAdmin: u.isAdmin ?? false,
      deleted: u.deleted ?? false,
    };
  }

  /** The DM channel id Slack would give the bot's conversation with this user (`U123` → `D123`). */
  dmChannel(userId: string): string {
    return `D${userId.slice(1)}`;
  }

  /** Name for a conversation id, as slash commands and interactivity payloads report it. */
  channelName(id: string): string {
    if (id.startsWith('D')) return 'directmessage';
    return this.#channels.get(id)?.name ?? id.toLowerCase();
  }

  /** Puts a message into a channel as if a person had posted it (for history lookups, threads, reactions). */
  addMessage(channel: string, message: Partial<FakeMessage> & { text: string }): FakeMessage {
    let id: string;
    try {
      id = this.#conversation(channel, { allowUser: true });
    } catch {
      throw new Error(`FakeSlack.addMessage: no conversation ${channel}; add the user or channel first`);
    }
    const stored: FakeMessage = { ...message, type: 'message', ts: message.ts ?? this.#nextTs() };
    if (message.ts) this.#lastMicros = Math.max(this.#lastMicros, tsMicros(message.ts));
    this.#store(id, stored);
    return structuredClone(stored);
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
    const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_MS;
    const test = (call: RecordedCall) => call.method === method && matches(call, match);
    return this.#waitFor(this.calls, this.#callWaiters, test, timeoutMs, () => {
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
    const queue = this.#failures.get(method) ?? [];
    for (let i = 0; i < times; i++) queue.push(failure);
    this.#failures.set(method, queue);
  }

  /**
   * Clears calls, recorded responses and planned failures. Users and channels always stay; messages,
   * views, files and DMs stay unless `state: true`.
   */
  reset({ state = false }: { state?: boolean } = {}): void {
    this.calls.length = 0;
    this.#responses.length = 0;
    this.#failures.clear();
    if (!state) return;
    this.#messages.clear();
    this.#ephemerals.length = 0;
    this.#views.clear();
    this.#homeViews.clear();
    this.#files.clear();
    this.#responseUrls.clear();
    this.#usedTriggers.clear();
    this.#openedDms.clear();
    this.#mpims.clear();
  }

  // ---------------------------------------------------------------- state inspection

  /** Messages in a channel (a user id means the bot's DM with them), oldest first, replies included, with thread fields as Slack reports them. */
  messages(channel: string): FakeMessage[] {
    const id = /^[UW]/.test(channel) ? this.dmChannel(channel) : channel;
    return (this.#messages.get(id) ?? []).map((m) => this.#present(id, m, true));
  }

  /** Parent first, then replies. */
  thread(channel: string, threadTs: string): FakeMessage[] {
    const id = /^[UW]/.test(channel) ? this.dmChannel(channel) : channel;
    return this.#thread(id, threadTs).map((m) => this.#present(id, m, true));
  }

  /** The newest message (in any channel, or the given one) that satisfies the predicate. */
  findMessage(
    predicate: (message: FakeMessage) => boolean,
    channel?: string,
  ): { channel: string; message: FakeMessage } | undefined {
    const channels = channel ? [channel] : [...this.#messages.keys()];
    let best: { channel: string; message: FakeMessage } | undefined;
    for (const id of channels) {
      for (const m of this.#messages.get(id) ?? []) {
        if (predicate(m) && (!best || tsMicros(m.ts) > tsMicros(best.message.ts)))
          best = { channel: id, message: m };
      }
    }
    return best && { channel: best.channel, message: this.#present(best.channel, best.message, true) };
  }

  ephemerals(channel?: string): FakeEphemeral[] {
    return structuredClone(this.#ephemerals.filter((e) => !channel || e.channel === channel));
  }

  /** The latest view published to this user's Home tab. */
  homeView(userId: string): FakeView | undefined {
    const id = this.#homeViews.get(userId);
    return id ? this.view(id) : undefined;
  }

  /** A view by id or external_id. */
  view(idOrExternalId: string): FakeView | undefined {
    const found =
      this.#views.get(idOrExternalId) ??
      [...this.#views.values()].find((v) => v.external_id !== '' && v.external_id === idOrExternalId);
    return found && structuredClone(found);
  }

  /** All views opened, pushed or published, oldest first. */
  views(): FakeView[] {
    return [...this.#views.values()].map((v) => structuredClone(v));
  }

  files(): FakeFile[] {
    return [...this.#files.values()];
  }

  file(id: string): FakeFile | undefined {
    return this.#files.get(id);
  }

  // ---------------------------------------------------------------- response_url catcher

  /** A fresh response_url on this server. The context lets replace_original / in_channel responses edit the fake's messages. */
  responseUrl(context: ResponseUrlContext = {}): string {
    const id = `R${++this.#seq}${hex(6)}`;
    this.#responseUrls.set(id, { context, createdMs: this.#now().getTime(), uses: 0 });
    return `${this.baseUrl}/response/${id}`;
  }

  /** Accepted POSTs to response URLs, oldest first; pass a URL or id to narrow to one. */
  responses(urlOrId?: string): RecordedResponse[] {
    const id = urlOrId && responseId(urlOrId);
    return this.#responses.filter((r) => !id || r.id === id);
  }

  /** Like waitForCall, for response_url POSTs (each handed out once). */
  waitForResponse(urlOrId?: string, options: WaitOptions = {}): Promise<RecordedResponse> {
    const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_MS;
    const id = urlOrId && responseId(urlOrId);
    return this.#waitFor(
      this.#responses,
      this.#responseWaiters,
      (r) => !id || r.id === id,
      timeoutMs,
      () =>
        `FakeSlack: no response_url POST${id ? ` to ${id}` : ''} within ${timeoutMs}ms (${this.#responses.length} recorded)`,
    );
  }

  // ---------------------------------------------------------------- HTTP plumbing

  async #route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.baseUrl);
    const raw = await readBody(req);
    const parts = url.pathname.split('/').filter(Boolean);
    if (parts[0] === 'api' && parts[1]) return this.#api(parts[1], req, raw, url, res);
    if (parts[0] === 'upload' && req.method === 'POST')
      return this.#upload(parts.at(-1) ?? '', req, raw, res);
    if (parts[0] === 'response' && parts[1] && req.method === 'POST')
      return this.#respond(parts[1], req, raw, res);
    if (parts[0] === 'files' && parts[1] && req.method === 'GET') {
      const bytes = this.#files.get(parts[1])?.bytes;
      if (!bytes) return sendText(res, 404, 'file_not_found');
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(bytes);
      return;
    }
    sendText(res, 404, 'not_found');
  }

  async #api(
    method: string,
    req: IncomingMessage,
    raw: Buffer,
    url: URL,
    res: ServerResponse,
  ): Promise<void> {
    const contentType = String(req.headers['content-type'] ?? '');
    const isJson = contentType.startsWith('application/json');
    let args: SlackArgs;
    try {
      args = parseArgs(contentType, raw.toString('utf8'), url.searchParams);
    } catch {
      return this.#finish(res, method, {}, undefined, 200, { ok: false, error: 'invalid_json' });
    }
    const header = str(req.headers.authorization);
    const bodyToken = str(args.token);
    delete args.token;
    // Slack only reads the token from the body for form posts; JSON bodies need the header.
    const token = header?.startsWith('Bearer ')
      ? header.slice('Bearer '.length)
      : isJson
        ? undefined
        : bodyToken;

    const failure = this.#takeFailure(method);
    if (failure) {
      if ('error' in failure) {
        const body = { ok: false, error: failure.error, ...failure.response };
        return this.#finish(res, method, args, token, 200, body, failure);
      }
      const headers: Record<string, string> = {};
      if (failure.retryAfter !== undefined) headers['retry-after'] = String(failure.retryAfter);
      const error = failure.status === 429 ? 'ratelimited' : 'internal_error';
      return this.#finish(res, method, args, token, failure.status, { ok: false, error }, failure, headers);
    }

    const handler = this.#handlers[method];
    if (!handler) return this.#finish(res, method, args, token, 200, { ok: false, error: 'unknown_method' });
    if (!token) return this.#finish(res, method, args, token, 200, { ok: false, error: 'not_authed' });
    const tokenOk = this.#token ? token === this.#token : token.startsWith('xoxb-');
    if (!tokenOk) return this.#finish(res, method, args, token, 200, { ok: false, error: 'invalid_auth' });

    let body: SlackObject;
    try {
      body = { ok: true, ...(await handler(args)) };
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      body = { ok: false, error: error.code, ...error.extra };
    }
    this.#finish(res, method, args, token, 200, body);
  }

  #finish(
    res: ServerResponse,
    method: string,
    args: SlackArgs,
    token: string | undefined,
    status: number,
    response: SlackObject,
    failure?: Failure,
    headers: Record<string, string> = {},
  ): void {
    const call: RecordedCall = { method, args, at: this.#now(), token, status, response };
    if (failure) call.failure = failure;
    this.calls.push(call);
    sendJson(res, status, response, headers);
    this.#offer(call, this.#callWaiters);
  }

  #takeFailure(method: string): Failure | undefined {
    for (const key of [method, '*']) {
      const queue = this.#failures.get(key);
      if (queue?.length) return queue.shift();
    }
    return undefined;
  }

  #waitFor<T extends object>(
    items: readonly T[],
    waiters: Waiter<T>[],
    match: (item: T) => boolean,
    timeoutMs: number,
    describe: () => string,
  ): Promise<T> {
    const found = items.find((item) => !this.#claimed.has(item) && match(item));
    if (found) {
      this.#claimed.add(found);
      return Promise.resolve(found);
    }
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter<T> = {
        match,
        resolve: (item) => {
          clearTimeout(timer);
          this.#timers.delete(timer);
          resolve(item);
        },
        reject: (error) => {
          clearTimeout(timer);
          this.#timers.delete(timer);
          reject(error);
        },
      };
      const timer = setTimeout(() => {
        this.#timers.delete(timer);
        waiters.splice(waiters.indexOf(waiter), 1);
        reject(new Error(describe()));
      }, timeoutMs);
      this.#timers.add(timer);
      waiters.push(waiter);
    });
  }

  #offer<T extends object>(item: T, waiters: Waiter<T>[]): void {
    const index = waiters.findIndex((w) => w.match(item));
    if (index < 0) return;
    const [waiter] = waiters.splice(index, 1);
    this.#claimed.add(item);
    waiter?.resolve(item);
  }

  // ---------------------------------------------------------------- ids, channels, messages

  /** Slack message timestamps: seconds.micros, strictly increasing even when the clock stands still. */
  #nextTs(): string {
    this.#lastMicros = Math.max(this.#now().getTime() * 1000, this.#lastMicros + 100);
    const seconds = Math.floor(this.#lastMicros / 1e6);
    return `${seconds}.${String(this.#lastMicros % 1e6).padStart(6, '0')}`;
  }

  #id(prefix: string): string {
    return `${prefix}0${(++this.#seq).toString(36).toUpperCase().padStart(8, '0')}`;
  }

  /** Resolves a conversation argument to a stored channel id, or throws channel_not_found like Slack. */
  #conversation(value: unknown, { allowUser = false } = {}): string {
    const id = str(value);
    if (!id) throw new ApiError('channel_not_found');
    if (/^[UW]/.test(id)) {
      if (allowUser && this.#users.has(id)) return this.dmChannel(id);
      throw new ApiError('channel_not_found');
    }
    if (id.startsWith('D')) {
      if (this.#dmUser(id)) return id;
      throw new ApiError('channel_not_found');
    }
    if (this.#mpims.has(id)) return id;
    if (/^[CG][A-Z0-9]{2,}$/.test(id) && (!this.#strictChannels || this.#channels.has(id))) return id;
    throw new ApiError('channel_not_found');
  }

  #dmUser(dmId: string): string | undefined {
    return ['U', 'W'].map((p) => p + dmId.slice(1)).find((u) => this.#users.has(u));
  }

  #store(channel: string, message: FakeMessage): void {
    const list = this.#messages.get(channel) ?? [];
    list.push(message);
    list.sort((a, b) => tsMicros(a.ts) - tsMicros(b.ts));
    this.#messages.set(channel, list);
  }

  #find(channel: string, ts: unknown): FakeMessage | undefined {
    return this.#messages.get(channel)?.find((m) => m.ts === ts);
  }

  #thread(channel: string, ts: string): FakeMessage[] {
    const all = this.#messages.get(channel) ?? [];
    const anchor = all.find((m) => m.ts === ts);
    if (!anchor) return [];
    const parentTs = anchor.thread_ts ?? anchor.ts;
    return all.filter((m) => m.ts === parentTs || m.thread_ts === parentTs);
  }

  /** A copy of a stored message with the thread summary fields Slack computes on read. */
  #present(channel: string, message: FakeMessage, includeMetadata: boolean): FakeMessage {
    const out = structuredClone(message);
    if (!includeMetadata) delete out.metadata;
    if (message.thread_ts === undefined || message.thread_ts === message.ts) {
      const replies = (this.#messages.get(channel) ?? []).filter(
        (m) => m.thread_ts === message.ts && m.ts !== message.ts,
      );
      if (replies.length > 0) {
        const users = [...new Set(replies.map((r) => r.user).filter(Boolean))];
        Object.assign(out, {
          thread_ts: message.ts,
          reply_count: replies.length,
          reply_users: users,
          reply_users_count: users.length,
          latest_reply: replies.at(-1)?.ts,
        });
      }
    }
    return out;
  }

  #botMessage(fields: SlackObject): FakeMessage {
    return {
      user: this.botUserId,
      bot_id: this.botId,
      app_id: this.appId,
      team: this.teamId,
      bot_profile: {
        id: this.botId,
        app_id: this.appId,
        name: this.botName,
        deleted: false,
        team_id: this.teamId,
      },
      ...fields,
      type: 'message',
      ts: str(fields.ts) ?? this.#nextTs(),
      text: str(fields.text) ?? '',
    };
  }

  #isOwn(message: FakeMessage): boolean {
    return message.user === this.botUserId || message.bot_id === this.botId;
  }

  // ---------------------------------------------------------------- Web API methods

  #authTest(): SlackObject {
    return {
      url: `https://${this.teamDomain}.slack.com/`,
      team: this.teamName,
      user: this.botName,
      team_id: this.teamId,
      user_id: this.botUserId,
      bot_id: this.botId,
      is_enterprise_install: false,
    };
  }

  #postMessage(args: SlackArgs): SlackObject {
    const channel = this.#conversation(args.channel, { allowUser: true });
    const content = messageContent(args, { maxBlocks: 50 });
    const threadTs = str(args.thread_ts);
    const parent = threadTs ? this.#find(channel, threadTs) : undefined;
    const message = this.#botMessage({
      ...content,
      ...(threadTs ? { thread_ts: threadTs } : {}),
      ...(parent?.user ? { parent_user_id: parent.user } : {}),
      ...(threadTs && bool(args.reply_broadcast) ? { subtype: 'thread_broadcast' } : {}),
    });
    this.#store(channel, message);
    return { channel, ts: message.ts, message: structuredClone(message) };
  }

  #update(args: SlackArgs): SlackObject {
    const channel = this.#conversation(args.channel);
    const message = this.#find(channel, args.ts);
    if (!message) throw new ApiError('message_not_found');
    if (!this.#isOwn(message)) throw new ApiError('cant_update_message');
    // Fields left out of chat.update keep their previous value.
    Object.assign(message, messageContent(args, { maxBlocks: 50, requireContent: false }));
    message.edited = { user: this.botUserId, ts: this.#nextTs() };
    return { channel, ts: message.ts, text: message.text, message: this.#present(channel, message, true) };
  }

  #postEphemeral(args: SlackArgs): SlackObject {
    const channel = this.#conversation(args.channel);
    const user = str(args.user);
    if (!user || !this.#users.has(user)) throw new ApiError('user_not_found');
    const message = this.#botMessage(messageContent(args, { maxBlocks: 50 }));
    this.#ephemerals.push({ channel, user, message });
    return { message_ts: message.ts };
  }

  #delete(args: SlackArgs): SlackObject {
    const channel = this.#conversation(args.channel);
    const message = this.#find(channel, args.ts);
    if (!message) throw new ApiError('message_not_found');
    if (!this.#isOwn(message)) throw new ApiError('cant_delete_message');
    const list = this.#messages.get(channel) ?? [];
    list.splice(list.indexOf(message), 1);
    return { channel, ts: message.ts };
  }

  #permalink(args: SlackArgs): SlackObject {
    const channel = this.#conversation(args.channel);
    const message = this.#find(channel, args.message_ts);
    if (!message) throw new ApiError('message_not_found');
    let permalink = `https://${this.teamDomain}.slack.com/archives/${channel}/p${message.ts.replace('.', '')}`;
    if (message.thread_ts && message.thread_ts !== message.ts) {
      permalink += `?thread_ts=${message.thread_ts}&cid=${channel}`;
    }
    return { channel, permalink };
  }

  #open(args: SlackArgs): SlackObject {
    const channelArg = str(args.channel);
    if (channelArg) return { channel: { id: this.#conversation(channelArg) } };
    const users = (str(args.users) ?? '')
      .split(',')
      .map((u) => u.trim())
      .filter(Boolean);
    if (users.length === 0) throw new ApiError('users_list_not_supplied');
    if (users.length > 8) throw new ApiError('too_many_users');
    for (const u of users) if (!this.#users.has(u)) throw new ApiError('user_not_found');
    if (users.length === 1 && users[0]) {
      const id = this.dmChannel(users[0]);
      const alreadyOpen = this.#openedDms.has(id);
      this.#openedDms.add(id);
      const channel = bool(args.return_im)
        ? {
            id,
            created: Math.floor(this.#now().getTime() / 1000),
            is_im: true,
            is_org_shared: false,
            user: users[0],
          }
        : { id };
      return alreadyOpen ? { no_op: true, already_open: true, channel } : { channel };
    }
    const key = [...users].sort().join(',');
    let id = [...this.#mpims].find(([, members]) => members.join(',') === key)?.[0];
    if (!id) {
      id = this.#id('G');
      this.#mpims.set(id, key.split(','));
    }
    return { channel: { id } };
  }

  #info(args: SlackArgs): SlackObject {
    const id = this.#conversation(args.channel);
    const created = Math.floor(this.#now().getTime() / 1000);
    if (id.startsWith('D'))
      return { channel: { id, created, is_im: true, is_open: true, user: this.#dmUser(id) } };
    const known = this.#channels.get(id);
    return {
      channel: {
        id,
        name: this.channelName(id),
        created,
        is_channel: !known?.isPrivate && !this.#mpims.has(id),
        is_group: Boolean(known?.isPrivate),
        is_mpim: this.#mpims.has(id),
        is_im: false,
        is_private: Boolean(known?.isPrivate) || this.#mpims.has(id),
        is_archived: false,
        is_member: true,
      },
    };
  }

  #repliesMethod(args: SlackArgs): SlackObject {
    const channel = this.#conversation(args.channel);
    const ts = str(args.ts);
    if (!ts) throw missing('ts');
    const thread = this.#thread(channel, ts);
    if (thread.length === 0) throw new ApiError('thread_not_found');
    const withMeta = bool(args.include_all_metadata);
    const list = thread.map((m) => this.#present(channel, m, withMeta));
    return page(list, args, 'asc');
  }

  #history(args: SlackArgs): SlackObject {
    const channel = this.#conversation(args.channel);
    const oldest = str(args.oldest);
    const latest = str(args.latest);
    const inclusive = bool(args.inclusive);
    const withMeta = bool(args.include_all_metadata);
    const list = (this.#messages.get(channel) ?? [])
      // History shows top-level messages and broadcast replies, not ordinary thread replies.
      .filter((m) => m.thread_ts === undefined || m.thread_ts === m.ts || m.subtype === 'thread_broadcast')
      .filter(
        (m) =>
          !oldest || (inclusive ? tsMicros(m.ts) >= tsMicros(oldest) : tsMicros(m.ts) > tsMicros(oldest)),
      )
      .filter(
        (m) =>
          !latest || (inclusive ? tsMicros(m.ts) <= tsMicros(latest) : tsMicros(m.ts) < tsMicros(latest)),
      )
      .map((m) => this.#present(channel, m, withMeta))
      .reverse();
    return page(list, args, 'desc');
  }

  #useTrigger(args: SlackArgs): void {
    const trigger = str(args.trigger_id) ?? str(args.interactivity_pointer);
    if (!trigger) throw missing('trigger_id');
    if (!/^\d+\.\d+\.[0-9a-f]+$/.test(trigger)) throw new ApiError('invalid_trigger_id');
    if (this.#usedTriggers.has(trigger)) throw new ApiError('exchanged_trigger_id');
    this.#usedTriggers.add(trigger);
  }

  #makeView(input: unknown, type: 'modal' | 'home', existing?: FakeView): FakeView {
    if (!isObject(input)) throw missing('view');
    if (input.type !== type) {
      throw new ApiError('invalid_arguments', {
        response_metadata: { messages: [`[ERROR] must be '${type}' [json-pointer:/view/type]`] },
      });
    }
    if (type === 'modal' && !isObject(input.title)) throw missing('title [json-pointer:/view/title]');
    const blocks = checkBlocks(input.blocks ?? [], 100, 'view/blocks');
    const id = existing?.id ?? this.#id('V');
    return {
      ...input,
      id,
      team_id: this.teamId,
      type,
      blocks,
      private_metadata: str(input.private_metadata) ?? '',
      callback_id: str(input.callback_id) ?? '',
      external_id: str(input.external_id) ?? '',
      state: { values: {} },
      hash: `${Math.floor(this.#now().getTime() / 1000)}.${hex(4)}`,
      title: input.title ?? null,
      close: input.close ?? null,
      submit: input.submit ?? null,
      clear_on_close: bool(input.clear_on_close),
      notify_on_close: bool(input.notify_on_close),
      previous_view_id: existing ? (existing.previous_view_id ?? null) : null,
      root_view_id: existing ? (existing.root_view_id ?? id) : id,
      app_id: this.appId,
      app_installed_team_id: this.teamId,
      bot_id: this.botId,
    };
  }

  #saveView(view: FakeView): SlackObject {
    if (view.external_id) {
      const clash = [...this.#views.values()].find(
        (v) => v.external_id === view.external_id && v.id !== view.id,
      );
      if (clash) throw new ApiError('duplicate_external_id');
    }
    this.#views.set(view.id, view);
    return { view: structuredClone(view) };
  }

  #viewsOpen(args: SlackArgs): SlackObject {
    this.#useTrigger(args);
    return this.#saveView(this.#makeView(args.view, 'modal'));
  }

  #viewsPush(args: SlackArgs): SlackObject {
    this.#useTrigger(args);
    return this.#saveView(this.#makeView(args.view, 'modal'));
  }

  #viewsPublish(args: SlackArgs): SlackObject {
    const userId = str(args.user_id);
    if (!userId) throw missing('user_id');
    if (!this.#users.has(userId)) throw new ApiError('user_not_found');
    const existing = this.#views.get(this.#homeViews.get(userId) ?? '');
    if (existing && args.hash !== undefined && str(args.hash) !== existing.hash)
      throw new ApiError('hash_conflict');
    const view = this.#makeView(args.view, 'home', existing);
    this.#homeViews.set(userId, view.id);
    return this.#saveView(view);
  }

  #viewsUpdate(args: SlackArgs): SlackObject {
    const key = str(args.view_id) ?? str(args.external_id);
    if (!key) throw missing('view_id');
    const existing =
      this.#views.get(key) ??
      [...this.#views.values()].find((v) => v.external_id !== '' && v.external_id === key);
    if (!existing) throw new ApiError('not_found');
    if (args.hash !== undefined && str(args.hash) !== existing.hash) throw new ApiError('hash_conflict');
    const type = existing.type === 'home' ? 'home' : 'modal';
    return this.#saveView(this.#makeView(args.view, type, existing));
  }

  #userJson(id: string, includeLocale: boolean): SlackObject {
    const u = this.user(id);
    if (!u) throw new ApiError('user_not_found');
    const now = this.#now();
    const tz = tzInfo(u.tz, now);
    const [first = '', ...rest] = u.realName.split(' ');
    return {
      id: u.id,
      team_id: this.teamId,
      name: u.name,
      deleted: u.deleted,
      color: '9f69e7',
      real_name: u.realName,
      tz: u.tz,
      tz_label: tz.label,
      tz_offset: tz.offset,
      profile: {
        real_name: u.realName,
        real_name_normalized: u.realName,
        display_name: u.displayName,
        display_name_normalized: u.displayName,
        first_name: first,
        last_name: rest.join(' '),
        ...(u.email ? { email: u.email } : {}),
        ...(u.isBot ? { bot_id: this.botId, api_app_id: this.appId } : {}),
        image_48: `https://avatars.slack-edge.com/${u.id}_48.png`,
        team: this.teamId,
      },
      is_admin: u.isAdmin,
      is_owner: false,
      is_primary_owner: false,
      is_restricted: false,
      is_ultra_restricted: false,
      is_bot: u.isBot,
      is_app_user: false,
      updated: Math.floor(now.getTime() / 1000),
      is_email_confirmed: Boolean(u.email),
      ...(includeLocale ? { locale: u.locale } : {}),
    };
  }

  #usersInfo(args: SlackArgs): SlackObject {
    const id = str(args.user);
    if (!id) throw missing('user');
    return { user: this.#userJson(id, bool(args.include_locale)) };
  }

  #lookupByEmail(args: SlackArgs): SlackObject {
    const email = str(args.email)?.toLowerCase();
    if (!email) throw missing('email');
    const user = [...this.#users.values()].find((u) => u.email?.toLowerCase() === email);
    if (!user) throw new ApiError('users_not_found');
    return { user: this.#userJson(user.id, false) };
  }

  #reactionsAdd(args: SlackArgs): SlackObject {
    const channel = this.#conversation(args.channel);
    const message = this.#find(channel, args.timestamp);
    if (!message) throw new ApiError('message_not_found');
    const name = str(args.name)?.replace(/^:|:$/g, '');
    if (!name || !/^[a-z0-9_+'-]+(::skin-tone-\d)?$/.test(name)) throw new ApiError('invalid_name');
    const reactions = (message.reactions ?? []) as { name: string; users: string[]; count: number }[];
    const reaction = reactions.find((r) => r.name === name);
    if (reaction?.users.includes(this.botUserId)) throw new ApiError('already_reacted');
    if (reaction) {
      reaction.users.push(this.botUserId);
      reaction.count++;
    } else {
      reactions.push({ name, users: [this.botUserId], count: 1 });
    }
    message.reactions = reactions;
    return {};
  }

  #getUploadUrl(args: SlackArgs): SlackObject {
    const filename = str(args.filename);
    if (!filename) throw missing('filename');
    const length = Number(args.length);
    if (!Number.isInteger(length) || length <= 0) throw new ApiError('missing_argument');
    const id = this.#id('F');
    this.#files.set(id, {
      id,
      filename,
      title: filename,
      length,
      altText: str(args.alt_txt),
      snippetType: str(args.snippet_type),
      completed: false,
      shares: [],
    });
    return { upload_url: `${this.baseUrl}/upload/v1/${id}`, file_id: id };
  }

  async #upload(id: string, req: IncomingMessage, raw: Buffer, res: ServerResponse): Promise<void> {
    const file = this.#files.get(id);
    if (!file) return sendText(res, 404, 'file_not_found');
    const contentType = String(req.headers['content-type'] ?? '');
    // Slack takes raw bytes or multipart; WebClient sends multipart with one file part.
    if (contentType.startsWith('multipart/form-data')) {
      const form = await new Response(new Uint8Array(raw), {
        headers: { 'content-type': contentType },
      }).formData();
      const part = [...form.values()].find((v) => typeof v !== 'string');
      file.bytes = part && typeof part !== 'string' ? Buffer.from(await part.arrayBuffer()) : Buffer.alloc(0);
    } else {
      file.bytes = raw;
    }
    sendText(res, 200, `OK - ${file.bytes.length}`);
  }

  #completeUpload(args: SlackArgs): SlackObject {
    const entries = Array.isArray(args.files) ? args.files.filter(isObject) : [];
    if (entries.length === 0) throw missing('files');
    const files = entries.map((entry) => {
      const file = this.#files.get(str(entry.id) ?? '');
      if (!file?.bytes) throw new ApiError('file_not_found');
      return { file, title: str(entry.title) };
    });
    const targets = [str(args.channel_id), ...(str(args.channels)?.split(',') ?? [])]
      .map((c) => c?.trim())
      .filter((c): c is string => Boolean(c))
      .map((c) => this.#conversation(c, { allowUser: true }));
    const threadTs = str(args.thread_ts);
    const initialComment = str(args.initial_comment);
    for (const { file, title } of files) {
      file.completed = true;
      if (title) file.title = title;
    }
    // Sharing posts one message, from the uploader, carrying the files.
    for (const channel of targets) {
      const message = this.#botMessage({
        text: initialComment ?? '',
        upload: true,
        display_as_bot: false,
        files: files.map(({ file }) => this.#fileJson(file)),
        ...(threadTs ? { thread_ts: threadTs } : {}),
        ...(!initialComment && Array.isArray(args.blocks) ? { blocks: args.blocks } : {}),
      });
      this.#store(channel, message);
      for (const { file } of files) {
        file.shares.push({ channel, ts: message.ts, threadTs, initialComment });
      }
    }
    return { files: files.map(({ file }) => ({ id: file.id, title: file.title })) };
  }

  #fileJson(file: FakeFile): SlackObject {
    const url = `${this.baseUrl}/files/${file.id}/${encodeURIComponent(file.filename)}`;
    return {
      id: file.id,
      name: file.filename,
      title: file.title,
      mimetype: mimeType(file.filename),
      filetype: file.filename.split('.').at(-1) ?? 'binary',
      user: this.botUserId,
      size: file.bytes?.length ?? file.length,
      url_private: url,
      url_private_download: url,
      permalink: `https://${this.teamDomain}.slack.com/files/${this.botUserId}/${file.id}/${file.filename}`,
      ...(file.altText ? { alt_txt: file.altText } : {}),
    };
  }

  // ---------------------------------------------------------------- response_url POSTs

  #respond(id: string, req: IncomingMessage, raw: Buffer, res: ServerResponse): void {
    const state = this.#responseUrls.get(id);
    const refusal = !state
      ? 'no_service'
      : this.#now().getTime() - state.createdMs > RESPONSE_URL_TTL_MS
        ? 'expired_url'
        : state.uses >= RESPONSE_URL_USES
          ? 'used_url'
          : undefined;
    const body = tryParseArgs(String(req.headers['content-type'] ?? ''), raw.toString('utf8'));
    if (!state || refusal) {
      sendText(res, 404, refusal ?? 'no_service');
    } else if (!body) {
      sendText(res, 400, 'invalid_payload');
    } else {
      state.uses++;
      this.#applyResponse(state.context, body);
      const url = `${this.baseUrl}/response/${id}`;
      const recorded: RecordedResponse = { id, url, body, at: this.#now(), context: state.context };
      this.#responses.push(recorded);
      sendJson(res, 200, { ok: true });
      this.#offer(recorded, this.#responseWaiters);
    }
  }

  /** Mirrors what Slack does with a response_url payload to the message it came from. */
  #applyResponse(context: ResponseUrlContext, body: SlackObject): void {
    const { channelId, messageTs, userId } = context;
    if (!channelId) return;
    const original = messageTs ? this.#find(channelId, messageTs) : undefined;
    if (original && bool(body.delete_original)) {
      const list = this.#messages.get(channelId) ?? [];
      list.splice(list.indexOf(original), 1);
      return;
    }
    const content: SlackObject = {};
    for (const key of ['text', 'blocks', 'attachments'] as const) {
      if (body[key] !== undefined) content[key] = body[key];
    }
    if (original && bool(body.replace_original)) {
      Object.assign(original, content);
      return;
    }
    const threadTs = str(body.thread_ts);
    const message = this.#botMessage({ ...content, ...(threadTs ? { thread_ts: threadTs } : {}) });
    if (body.response_type === 'in_channel') this.#store(channelId, message);
    else if (userId) this.#ephemerals.push({ channel: channelId, user: userId, message });
  }
}

// ------------------------------------------------------------------ helpers

function matches(call: RecordedCall, match: CallMatcher | undefined): boolean {
  if (!match) return true;
  if (typeof match === 'function') return match(call);
  return Object.entries(match).every(([key, value]) => isDeepStrictEqual(call.args[key], value));
}

function responseId(urlOrId: string): string {
  return urlOrId.includes('/') ? (urlOrId.split('/response/')[1] ?? urlOrId) : urlOrId;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: SlackObject,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}

/** Form bodies carry nested values as JSON strings (that is how WebClient serialises them); decode those. */
function parseArgs(contentType: string, raw: string, query: URLSearchParams): SlackArgs {
  const args: SlackArgs = {};
  const assign = (entries: Iterable<[string, string]>) => {
    for (const [key, value] of entries) args[key] = decodeFormValue(key, value);
  };
  assign(query);
  if (contentType.startsWith('application/json')) {
    const parsed: unknown = raw.trim() === '' ? {} : JSON.parse(raw);
    if (!isObject(parsed)) throw new Error('JSON body must be an object');
    Object.assign(args, parsed);
  } else {
    assign(new URLSearchParams(raw));
  }
  return args;
}

function tryParseArgs(contentType: string, raw: string): SlackArgs | undefined {
  try {
    return parseArgs(contentType, raw, new URLSearchParams());
  } catch {
    return undefined;
  }
}

function decodeFormValue(key: string, value: string): unknown {
  if (TEXT_ARGS.has(key) || !/^\s*[[{]/.test(value)) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** Validates message content the cheap ways Slack does and returns the fields to store. */
function messageContent(
  args: SlackArgs,
  { maxBlocks, requireContent = true }: { maxBlocks: number; requireContent?: boolean },
): SlackObject {
  const content: SlackObject = {};
  const text = str(args.text);
  if (requireContent && !text && args.blocks === undefined && args.attachments === undefined) {
    throw new ApiError('no_text');
  }
  if (text !== undefined) {
    if (text.length > MAX_TEXT) throw new ApiError('msg_too_long');
    content.text = text;
  }
  if (args.blocks !== undefined) content.blocks = checkBlocks(args.blocks, maxBlocks, 'blocks');
  if (args.attachments !== undefined) content.attachments = args.attachments;
  if (args.metadata !== undefined) {
    const meta = args.metadata;
    if (!isObject(meta) || typeof meta.event_type !== 'string' || !isObject(meta.event_payload)) {
      throw new ApiError('invalid_metadata_format');
    }
    content.metadata = { event_type: meta.event_type, event_payload: meta.event_payload };
  }
  return content;
}

/** Structural block checks; returns a copy with block_ids filled in, as Slack echoes them back. */
function checkBlocks(value: unknown, max: number, pointer: string): SlackObject[] {
  const fail = (why: string): never => {
    throw new ApiError('invalid_blocks', {
      errors: [why],
      response_metadata: { messages: [`[ERROR] ${why}`] },
    });
  };
  if (!Array.isArray(value)) return fail(`must be an array [json-pointer:/${pointer}]`);
  if (value.length > max) return fail(`must provide no more than ${max} items [json-pointer:/${pointer}]`);
  const seen = new Set<string>();
  return value.map((raw: unknown, i) => {
    const at = `[json-pointer:/${pointer}/${i}]`;
    if (!isObject(raw)) return fail(`must be an object ${at}`);
    const type = raw.type;
    if (typeof type !== 'string' || !BLOCK_TYPES.has(type))
      return fail(`unsupported type: ${String(type)} ${at}`);
    const blockId = str(raw.block_id) ?? hex(3);
    if (blockId.length > 255) return fail(`block_id must be at most 255 characters ${at}`);
    if (seen.has(blockId)) return fail(`duplicate block_id: ${blockId} ${at}`);
    seen.add(blockId);
    const text = isObject(raw.text) ? str(raw.text.text) : undefined;
    if (type === 'header' && (!text || text.length > 150))
      return fail(`header text must be 1-150 characters ${at}`);
    if (type === 'section' && !raw.text && !raw.fields) return fail(`section needs text or fields ${at}`);
    if (type === 'section' && text && text.length > 3000)
      return fail(`text must be at most 3000 characters ${at}`);
    if (type === 'actions' && (!Array.isArray(raw.elements) || raw.elements.length === 0)) {
      return fail(`actions needs elements ${at}`);
    }
    return { ...structuredClone(raw), block_id: blockId };
  });
}

/** Cursor pagination as Slack does it: base64("next_ts:<ts>"). */
function page(list: FakeMessage[], args: SlackArgs, order: 'asc' | 'desc'): SlackObject {
  const limit = Math.min(Math.max(Number(str(args.limit) ?? 100) || 100, 1), 1000);
  const cursor = str(args.cursor);
  let start = 0;
  if (cursor) {
    const nextTs = Buffer.from(cursor, 'base64')
      .toString('utf8')
      .replace(/^next_ts:/, '');
    start = Math.max(
      list.findIndex((m) => m.ts === nextTs),
      0,
    );
  }
  const messages = list.slice(start, start + limit);
  const next = list[start + limit];
  return {
    messages,
    has_more: next !== undefined,
    ...(order === 'desc' ? { pin_count: 0 } : {}),
    response_metadata: { next_cursor: next ? Buffer.from(`next_ts:${next.ts}`).toString('base64') : '' },
  };
}

function tzInfo(tz: string, at: Date): { offset: number; label: string } {
  const part = (style: 'longOffset' | 'long') =>
    new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: style })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value ?? '';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(part('longOffset'));
  const offset = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3]) * 60) : 0;
  return { offset, label: part('long') };
}

function mimeType(filename: string): string {
  const ext = filename.split('.').at(-1)?.toLowerCase() ?? '';
  const types: Record<string, string> = {
    csv: 'text/csv',
    txt: 'text/plain',
    json: 'application/json',
    pdf: 'application/pdf',
    png: 'image/png',
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
  };
  return types[ext] ?? 'application/octet-stream';
}
