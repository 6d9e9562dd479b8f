import { ApiError } from './api-error.js';
import type {
  FakeChannel,
  FakeEphemeral,
  FakeFile,
  FakeMessage,
  FakeSlackOptions,
  FakeUser,
  FakeView,
  ResolvedUser,
  SlackObject,
} from './types.js';
import { str, tsMicros, tzInfo } from './values.js';

/** Who the fake plays (its options with defaults applied) and where it listens: FakeSlack itself. */
export type Workspace = Readonly<
  Required<
    Pick<FakeSlackOptions, 'teamId' | 'teamName' | 'teamDomain' | 'botUserId' | 'botId' | 'botName' | 'appId'>
  >
> & { readonly baseUrl: string };

/** What the fake workspace holds: users, conversations, messages, views and files, and how ids are made. */
export class SlackState {
  readonly workspace: Workspace;
  readonly now: () => Date;
  readonly users = new Map<string, FakeUser>();
  readonly channels = new Map<string, FakeChannel>();
  readonly mpims = new Map<string, string[]>();
  readonly messages = new Map<string, FakeMessage[]>();
  readonly ephemerals: FakeEphemeral[] = [];
  readonly views = new Map<string, FakeView>();
  readonly homeViews = new Map<string, string>();
  readonly files = new Map<string, FakeFile>();
  readonly usedTriggers = new Set<string>();
  readonly openedDms = new Set<string>();
  /** Where `apps.connections.open` sends Socket Mode clients (see FakeSocketMode). */
  socketModeUrl: string | undefined;
  readonly #strictChannels: boolean;
  #lastMicros = 0;
  #seq = 0;

  constructor(workspace: Workspace, options: FakeSlackOptions) {
    this.workspace = workspace;
    this.now = options.now ?? (() => new Date());
    this.#strictChannels = options.channels !== undefined;
    this.addUser({ id: workspace.botUserId, name: workspace.botName, realName: 'Baton', isBot: true });
    for (const user of options.users ?? []) this.addUser(user);
    for (const channel of options.channels ?? []) this.channels.set(channel.id, { ...channel });
  }

  addUser(user: FakeUser): void {
    if (user.tz) tzInfo(user.tz, new Date()); // throws early on a bad zone name
    this.users.set(user.id, user);
  }

  user(id: string): ResolvedUser | undefined {
    const u = this.users.get(id);
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
      isOwner: u.isOwner ?? u.isPrimaryOwner ?? false,
      isPrimaryOwner: u.isPrimaryOwner ?? false,
      deleted: u.deleted ?? false,
    };
  }

  channelName(id: string): string {
    if (id.startsWith('D')) return 'directmessage';
    return this.channels.get(id)?.name ?? id.toLowerCase();
  }

  addMessage(channel: string, message: Partial<FakeMessage> & { text: string }): FakeMessage {
    let id: string;
    try {
      id = this.conversation(channel, { allowUser: true });
    } catch {
      throw new Error(`FakeSlack.addMessage: no conversation ${channel}; add the user or channel first`);
    }
    const stored: FakeMessage = { ...message, type: 'message', ts: message.ts ?? this.nextTs() };
    if (message.ts) this.#lastMicros = Math.max(this.#lastMicros, tsMicros(message.ts));
    this.store(id, stored);
    return structuredClone(stored);
  }

  /** Forgets messages, views, files and DMs; users and channels stay. */
  clear(): void {
    this.messages.clear();
    this.ephemerals.length = 0;
    this.views.clear();
    this.homeViews.clear();
    this.files.clear();
    this.usedTriggers.clear();
    this.openedDms.clear();
    this.mpims.clear();
  }

  /** Slack message timestamps: seconds.micros, strictly increasing even when the clock stands still. */
  nextTs(): string {
    this.#lastMicros = Math.max(this.now().getTime() * 1000, this.#lastMicros + 100);
    const seconds = Math.floor(this.#lastMicros / 1e6);
    return `${seconds}.${String(this.#lastMicros % 1e6).padStart(6, '0')}`;
  }

  /** A number no other id of this fake has used. */
  nextSeq(): number {
    return ++this.#seq;
  }

  id(prefix: string): string {
    return `${prefix}0${this.nextSeq().toString(36).toUpperCase().padStart(8, '0')}`;
  }

  /** Resolves a conversation argument to a stored channel id, or throws channel_not_found like Slack. */
  conversation(value: unknown, { allowUser = false } = {}): string {
    const id = str(value);
    if (!id) throw new ApiError('channel_not_found');
    if (/^[UW]/.test(id)) {
      if (allowUser && this.users.has(id)) return dmChannel(id);
      throw new ApiError('channel_not_found');
    }
    if (id.startsWith('D')) {
      if (this.dmUser(id)) return id;
      throw new ApiError('channel_not_found');
    }
    if (this.mpims.has(id)) return id;
    if (this.channels.get(id)?.deleted) throw new ApiError('channel_not_found');
    if (/^[CG][A-Z0-9]{2,}$/.test(id) && (!this.#strictChannels || this.channels.has(id))) return id;
    throw new ApiError('channel_not_found');
  }

  /** What Slack answers the bot posting or editing in a channel it is not in, or an archived one. */
  requireBotCanWrite(channel: string): void {
    const known = this.channels.get(channel);
    if (known?.isArchived) throw new ApiError('is_archived');
    if (known?.botIsMember === false) throw new ApiError('not_in_channel');
  }

  dmUser(dmId: string): string | undefined {
    return ['U', 'W'].map((p) => p + dmId.slice(1)).find((u) => this.users.has(u));
  }

  store(channel: string, message: FakeMessage): void {
    const list = this.messages.get(channel) ?? [];
    list.push(message);
    list.sort((a, b) => tsMicros(a.ts) - tsMicros(b.ts));
    this.messages.set(channel, list);
  }

  find(channel: string, ts: unknown): FakeMessage | undefined {
    return this.messages.get(channel)?.find((m) => m.ts === ts);
  }

  remove(channel: string, message: FakeMessage): void {
    const list = this.messages.get(channel) ?? [];
    list.splice(list.indexOf(message), 1);
  }

  thread(channel: string, ts: string): FakeMessage[] {
    const all = this.messages.get(channel) ?? [];
    const anchor = all.find((m) => m.ts === ts);
    if (!anchor) return [];
    const parentTs = anchor.thread_ts ?? anchor.ts;
    return all.filter((m) => m.ts === parentTs || m.thread_ts === parentTs);
  }

  /** A copy of a stored message with the thread summary fields Slack computes on read. */
  present(channel: string, message: FakeMessage, includeMetadata: boolean): FakeMessage {
    const out = structuredClone(message);
    if (!includeMetadata) delete out.metadata;
    if (message.thread_ts === undefined || message.thread_ts === message.ts) {
      const replies = (this.messages.get(channel) ?? []).filter(
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

  botMessage(fields: SlackObject): FakeMessage {
    const { teamId, botUserId, botId, botName, appId } = this.workspace;
    return {
      user: botUserId,
      bot_id: botId,
      app_id: appId,
      team: teamId,
      bot_profile: { id: botId, app_id: appId, name: botName, deleted: false, team_id: teamId },
      ...fields,
      type: 'message',
      ts: str(fields.ts) ?? this.nextTs(),
      text: str(fields.text) ?? '',
    };
  }

  isOwn(message: FakeMessage): boolean {
    return message.user === this.workspace.botUserId || message.bot_id === this.workspace.botId;
  }

  /** A stored view (not a copy) by id or external_id. */
  view(idOrExternalId: string): FakeView | undefined {
    return (
      this.views.get(idOrExternalId) ??
      [...this.views.values()].find((v) => v.external_id !== '' && v.external_id === idOrExternalId)
    );
  }
}

/** The DM channel id Slack would give the bot's conversation with this user (`U123` → `D123`). */
export const dmChannel = (userId: string) => `D${userId.slice(1)}`;
