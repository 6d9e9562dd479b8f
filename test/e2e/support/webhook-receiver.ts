import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  json: Record<string, unknown>;
  /** The status this request was answered with. */
  status: number;
  /** When it was answered (Date.now()). */
  at: number;
}

type Reply = { status: number; headers?: Record<string, string>; delayMs?: number };

/**
 * A real HTTP server standing in for Zapier / Make / n8n: records every POST and answers 200, or
 * what was planned with `failNext` (in order), after an optional delay.
 */
export class WebhookReceiver {
  readonly received: Received[] = [];
  readonly #planned: Reply[] = [];
  #delayMs = 0;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<WebhookReceiver> {
    let receiver: WebhookReceiver | undefined;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const reply = receiver!.#planned.shift() ?? { status: 200 };
        const body = Buffer.concat(chunks).toString('utf8');
        const answer = () => {
          receiver!.received.push({
            path: req.url ?? '',
            headers: req.headers,
            body,
            json: body ? (JSON.parse(body) as Record<string, unknown>) : {},
            status: reply.status,
            at: Date.now(),
          });
          res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
          res.end('{}');
        };
        const delay = reply.delayMs ?? receiver!.#delayMs;
        if (delay > 0) setTimeout(answer, delay);
        else answer();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    receiver = new WebhookReceiver(server, `http://127.0.0.1:${port}`);
    return receiver;
  }

  failNext(reply: Reply, times = 1): void {
    for (let i = 0; i < times; i++) this.#planned.push(reply);
  }

  /** Every answer waits this long (a slow endpoint). */
  slow(ms: number): void {
    this.#delayMs = ms;
  }

  /** Requests answered 2xx. */
  delivered(): Received[] {
    return this.received.filter((r) => r.status >= 200 && r.status < 300);
  }

  reset(): void {
    this.received.length = 0;
    this.#planned.length = 0;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
