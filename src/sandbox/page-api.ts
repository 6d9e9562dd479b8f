/**
 * The sandbox page and its API on the emulator's port:
 * - `GET /` (for a browser) and `GET /sandbox/` serve the page; `/sandbox/web/<file>` its bundle.
 *   `GET /` without `Accept: text/html` keeps answering the emulator's JSON snapshot.
 * - `GET /sandbox/api/state?as=U…`: the workspace as that person sees it (PageState), and Baton's status.
 * - `GET /sandbox/api/updates?since=N`: long-poll; answers `{ version }` once it differs from N.
 * - `POST /sandbox/api/act`: do something as a person (ActInput), answered with Slack's side (ActResult).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { DEMO_ROLES } from './demo-workspace.js';
import { ActRefusal, act } from './page/act.js';
import { actInput, firstProblem } from './page/act-input.js';
import { ModalStacks } from './page/modals.js';
import { serveWebFile } from './page/static-files.js';
import type { BatonStatus } from './page/types.js';
import { viewState } from './page/view-state.js';
import { sendJson } from './slack-emulator/http.js';
import type { ExtraRoute, FakeSlack } from './slack-emulator/index.js';
import type { SlackDriver } from './slack-emulator/slack-driver.js';

/** dist/sandbox/page-api.js → dist/sandbox/web/ */
export const DEFAULT_WEB_DIR = fileURLToPath(new URL('./web/', import.meta.url));
const LONG_POLL_MS = 25_000;
const MAX_BODY = 256 * 1024;

export interface PageApiOptions {
  slack: FakeSlack;
  driver: SlackDriver;
  webDir?: string;
  /** Long-poll timeout; tests shorten it. */
  longPollMs?: number;
}

export class PageApi {
  readonly #slack: FakeSlack;
  readonly #driver: SlackDriver;
  readonly #webDir: string;
  readonly #longPollMs: number;
  readonly modals: ModalStacks;
  /** Changes the emulator does not see (a modal closed, an ack's view), on top of its version. */
  #local = 0;
  readonly #waiters = new Set<() => void>();
  #baton: BatonStatus | undefined;

  constructor(options: PageApiOptions) {
    this.#slack = options.slack;
    this.#driver = options.driver;
    this.#webDir = options.webDir ?? DEFAULT_WEB_DIR;
    this.#longPollMs = options.longPollMs ?? LONG_POLL_MS;
    this.modals = new ModalStacks(options.slack);
    options.slack.onChange(() => this.#wake());
  }

  get version(): number {
    return this.#slack.version + this.#local;
  }

  /** Everything the page shows restarts (the workspace was reset): open modals go, waiting pages reload. */
  reset(): void {
    this.modals.clear();
    this.#local += 1;
    this.#wake();
  }

  /** Baton started, restarted or failed: waiting pages reload and show it; what Slack shows stays. */
  setBaton(status: BatonStatus): void {
    this.#baton = { ...status };
    this.#local += 1;
    this.#wake();
  }

  readonly route: ExtraRoute = async (req, raw, url, res) => {
    const path = url.pathname;
    if (req.method === 'GET' && (path === '/sandbox/' || path === '/sandbox')) {
      await serveWebFile(this.#webDir, 'index.html', res);
      return true;
    }
    if (req.method === 'GET' && path === '/' && String(req.headers.accept ?? '').includes('text/html')) {
      await serveWebFile(this.#webDir, 'index.html', res);
      return true;
    }
    if (req.method === 'GET' && path.startsWith('/sandbox/web/')) {
      await serveWebFile(this.#webDir, path.slice('/sandbox/web/'.length), res);
      return true;
    }
    if (!path.startsWith('/sandbox/api/')) return false;
    const name = path.slice('/sandbox/api/'.length);
    if (name === 'state' && req.method === 'GET') return this.#state(url, res);
    if (name === 'updates' && req.method === 'GET') return this.#updates(req, url, res);
    if (name === 'act' && req.method === 'POST') return this.#act(raw, res);
    if (name === 'state' || name === 'updates' || name === 'act') {
      sendJson(res, 405, { ok: false, error: 'method_not_allowed' });
      return true;
    }
    // Other /sandbox/api/ paths (the scenarios) belong to routes added after this one.
    return false;
  };

  #state(url: URL, res: ServerResponse): true {
    const as = url.searchParams.get('as') ?? '';
    const user = this.#slack.user(as);
    if (!user || user.isBot) {
      sendJson(res, 400, {
        ok: false,
        error: 'invalid_as',
        field: 'as',
        message: `no person "${as}" in this workspace`,
      });
      return true;
    }
    const baton = this.#baton ? { baton: this.#baton } : {};
    sendJson(res, 200, { ...viewState(this.#slack, this.modals, as, this.version, DEMO_ROLES), ...baton });
    return true;
  }

  async #updates(req: IncomingMessage, url: URL, res: ServerResponse): Promise<true> {
    const raw = url.searchParams.get('since');
    const since = Number(raw);
    if (raw === null || !/^\d{1,15}$/.test(raw)) {
      sendJson(res, 400, {
        ok: false,
        error: 'invalid_since',
        field: 'since',
        message: 'must be a version number (0 or more)',
      });
      return true;
    }
    if (this.version === since) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.#waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, this.#longPollMs);
        this.#waiters.add(done);
        req.once('close', done);
      });
    }
    if (!res.destroyed) sendJson(res, 200, { version: this.version });
    return true;
  }

  async #act(raw: Buffer, res: ServerResponse): Promise<true> {
    if (raw.length > MAX_BODY) {
      sendJson(res, 413, {
        ok: false,
        error: 'too_large',
        field: 'body',
        message: `at most ${MAX_BODY} bytes`,
      });
      return true;
    }
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      sendJson(res, 400, {
        ok: false,
        error: 'invalid_json',
        field: 'body',
        message: 'must be a JSON object',
      });
      return true;
    }
    const parsed = actInput.safeParse(body);
    if (!parsed.success) {
      const { field, message } = firstProblem(parsed.error);
      sendJson(res, 400, { ok: false, error: 'invalid_field', field, message: `${field} ${message}` });
      return true;
    }
    try {
      const result = await act(
        { slack: this.#slack, driver: this.#driver, modals: this.modals },
        parsed.data,
      );
      this.#local += 1;
      this.#wake();
      sendJson(res, 200, { ok: true, ...result });
    } catch (error) {
      // Baton is restarting (a reset, a save with --dev) or down: say so, as the scenario controls do.
      if (error instanceof TypeError && error.message === 'fetch failed') {
        sendJson(res, 503, { ok: false, error: 'unavailable', message: 'Baton is not answering' });
        return true;
      }
      if (!(error instanceof ActRefusal)) throw error;
      sendJson(res, error.status, {
        ok: false,
        error: 'refused',
        field: error.field,
        message: error.message,
      });
    }
    return true;
  }

  #wake(): void {
    for (const waiter of [...this.#waiters]) waiter();
  }
}
