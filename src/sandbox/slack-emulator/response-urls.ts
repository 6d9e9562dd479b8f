import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson, sendText, tryParseArgs } from './http.js';
import type { SlackState } from './state.js';
import type { RecordedResponse, ResponseUrlContext, SlackObject, WaitOptions } from './types.js';
import { bool, hex, str } from './values.js';
import { Waitlist } from './waitlist.js';

const RESPONSE_URL_USES = 5;
const RESPONSE_URL_TTL_MS = 30 * 60_000;

interface ResponseUrlState {
  context: ResponseUrlContext;
  createdMs: number;
  uses: number;
}

/** The response_url catcher: hands out URLs on the fake, takes their POSTs and applies them to its messages. */
export class ResponseUrls {
  readonly #state: SlackState;
  readonly #urls = new Map<string, ResponseUrlState>();
  /** Accepted POSTs, oldest first. */
  readonly #responses: RecordedResponse[] = [];
  readonly waits = new Waitlist(this.#responses);

  constructor(state: SlackState) {
    this.#state = state;
  }

  create(context: ResponseUrlContext): string {
    const id = `R${this.#state.nextSeq()}${hex(6)}`;
    this.#urls.set(id, { context, createdMs: this.#state.now().getTime(), uses: 0 });
    return `${this.#state.workspace.baseUrl}/response/${id}`;
  }

  recorded(urlOrId?: string): RecordedResponse[] {
    const id = urlOrId && responseId(urlOrId);
    return this.#responses.filter((r) => !id || r.id === id);
  }

  waitFor(urlOrId: string | undefined, options: WaitOptions): Promise<RecordedResponse> {
    const id = urlOrId && responseId(urlOrId);
    return this.waits.waitFor(
      (r) => !id || r.id === id,
      options,
      (timeoutMs) =>
        `FakeSlack: no response_url POST${id ? ` to ${id}` : ''} within ${timeoutMs}ms (${this.#responses.length} recorded)`,
    );
  }

  /** Forgets recorded POSTs, and with `urls` also the URLs handed out. */
  clear({ urls }: { urls: boolean }): void {
    this.#responses.length = 0;
    if (urls) this.#urls.clear();
  }

  receive(id: string, req: IncomingMessage, raw: Buffer, res: ServerResponse): void {
    const state = this.#urls.get(id);
    const refusal = !state
      ? 'no_service'
      : this.#state.now().getTime() - state.createdMs > RESPONSE_URL_TTL_MS
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
      this.#apply(state.context, body);
      const url = `${this.#state.workspace.baseUrl}/response/${id}`;
      const recorded: RecordedResponse = { id, url, body, at: this.#state.now(), context: state.context };
      this.#responses.push(recorded);
      sendJson(res, 200, { ok: true });
      this.waits.offer(recorded);
    }
  }

  /** Mirrors what Slack does with a response_url payload to the message it came from. */
  #apply(context: ResponseUrlContext, body: SlackObject): void {
    const { channelId, messageTs, userId } = context;
    if (!channelId) return;
    const original = messageTs ? this.#state.find(channelId, messageTs) : undefined;
    if (original && bool(body.delete_original)) {
      this.#state.remove(channelId, original);
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
    const message = this.#state.botMessage({ ...content, ...(threadTs ? { thread_ts: threadTs } : {}) });
    if (body.response_type === 'in_channel') this.#state.store(channelId, message);
    else if (userId) this.#state.ephemerals.push({ channel: channelId, user: userId, message });
  }
}

function responseId(urlOrId: string): string {
  return urlOrId.includes('/') ? (urlOrId.split('/response/')[1] ?? urlOrId) : urlOrId;
}
