import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import type { FakeSlack } from './fake-slack.js';

export type EnvelopeType = 'slash_commands' | 'interactive' | 'events_api';

/**
 * Slack's side of Socket Mode: FakeSlack's `apps.connections.open` points the app here; this
 * server says hello, pushes envelopes and hands back what the app acknowledges them with.
 */
export class FakeSocketMode {
  readonly #server: WebSocketServer;
  #client: WebSocket | undefined;
  #connected: Promise<void>;
  readonly #acks = new Map<string, (payload: Record<string, unknown>) => void>();

  private constructor(server: WebSocketServer) {
    this.#server = server;
    this.#connected = new Promise((resolve) => {
      server.on('connection', (socket) => {
        this.#client = socket;
        socket.on('message', (data) => {
          const message = JSON.parse(String(data)) as {
            envelope_id?: string;
            payload?: Record<string, unknown>;
          };
          if (message.envelope_id) this.#acks.get(message.envelope_id)?.(message.payload ?? {});
        });
        socket.send(
          JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0BATON' } }),
        );
        resolve();
      });
    });
  }

  static async start(slack: FakeSlack): Promise<FakeSocketMode> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    slack.enableSocketMode(`ws://127.0.0.1:${port}/link`);
    return new FakeSocketMode(server);
  }

  /** Resolves once the app has connected and been greeted. */
  connected(): Promise<void> {
    return this.#connected;
  }

  /** Pushes one envelope and resolves with the payload the app acked it with. */
  async send(
    type: EnvelopeType,
    payload: Record<string, unknown>,
    { retryAttempt = 0, timeoutMs = 5_000 } = {},
  ): Promise<Record<string, unknown>> {
    await this.#connected;
    const envelopeId = randomUUID();
    const acked = new Promise<Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no ack for ${type} within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.#acks.set(envelopeId, (ack) => {
        clearTimeout(timer);
        resolve(ack);
      });
    });
    this.#client!.send(
      JSON.stringify({
        envelope_id: envelopeId,
        type,
        payload,
        accepts_response_payload: type !== 'events_api',
        retry_attempt: retryAttempt,
        retry_reason: retryAttempt ? 'timeout' : '',
      }),
    );
    return acked;
  }

  async stop(): Promise<void> {
    for (const socket of this.#server.clients) socket.terminate();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}
