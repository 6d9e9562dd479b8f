/**
 * The load generator of bench/leads.ts, in a process of its own (forked by `startLeadSender`): a
 * form tool's servers are not on Baton's event loop, and a sender sharing it made every request's
 * client work (signing, fetch's streams) queue behind Baton's own. It signs every body before the
 * clock starts (the sender's work, not Baton's) and posts over kept-alive node:http connections,
 * the lightest client Node has, so the figure is Baton's and the database's, not the client's.
 */
import { fork } from 'node:child_process';
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { signWebhook } from '../src/http/webhook-auth.js';
import { WEBHOOK_SECRET } from '../test/harness/lead-webhook.js';

export interface SendRun {
  baseUrl: string;
  /** Leads numbered first … first + count - 1. */
  first: number;
  count: number;
  /** Companies repeat every 500 leads unless distinct (so no account matches when owners exist). */
  distinct: boolean;
  concurrency: number;
}

export interface SendResult {
  seconds: number;
  latencies: number[];
  /** The sender's own CPU time while sending (user + system), in ms. */
  cpuMs: number;
}

/** The lead body the bench sends as number `i`. */
export function benchLead(i: number, distinct: boolean) {
  return {
    external_id: `bench-${i}`,
    source: 'website',
    email: `lead${i}@company${distinct ? i : i % 500}.example`,
    name: `Lead ${i}`,
    company: `Company ${distinct ? i : i % 500}`,
    company_size: (i * 37) % 400,
    form: i % 3 === 0 ? 'contact' : 'demo_request',
    utm_source: 'bench',
  };
}

/** Forks the sender; `send` runs one batch there, `stop` ends the process. */
export function startLeadSender() {
  // The child inherits this process's loader flags (tsx), so it can run this very file.
  const child = fork(fileURLToPath(import.meta.url), ['--child'], { stdio: 'inherit' });
  return {
    send(run: SendRun): Promise<SendResult> {
      return new Promise((resolve, reject) => {
        child.once('message', (m: SendResult | { error: string }) =>
          'error' in m ? reject(new Error(m.error)) : resolve(m),
        );
        child.send(run);
      });
    },
    stop(): Promise<void> {
      return new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.disconnect();
      });
    },
  };
}

async function sendAll(run: SendRun): Promise<SendResult> {
  const { hostname: host, port } = new URL(run.baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: run.concurrency });
  const timestamp = Math.floor(Date.now() / 1000);
  const bodies = Array.from({ length: run.count }, (_, n) => {
    const raw = JSON.stringify(benchLead(run.first + n, run.distinct));
    return {
      raw,
      headers: {
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(raw)),
        'x-baton-timestamp': String(timestamp),
        'x-baton-signature': signWebhook(WEBHOOK_SECRET, timestamp, raw),
      },
    };
  });
  const post = (n: number) =>
    new Promise<void>((resolve, reject) => {
      const { raw, headers } = bodies[n]!;
      const req = request({ host, port, path: '/api/leads', method: 'POST', agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          res.statusCode === 202
            ? resolve()
            : reject(new Error(`lead ${run.first + n}: ${res.statusCode} ${Buffer.concat(chunks)}`)),
        );
      });
      req.on('error', reject);
      req.end(raw);
    });
  const latencies: number[] = [];
  let next = 0;
  const cpu0 = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: run.concurrency }, async () => {
      while (next < run.count) {
        const n = next++;
        const t0 = performance.now();
        await post(n);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  agent.destroy();
  return { seconds, latencies, cpuMs: (cpu.user + cpu.system) / 1000 };
}

if (process.argv.includes('--child')) {
  process.on('message', (run: SendRun) => {
    sendAll(run).then(
      (result) => process.send?.(result),
      (error: Error) => process.send?.({ error: error.message }),
    );
  });
}
