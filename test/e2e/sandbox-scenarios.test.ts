/**
 * The sandbox's scenario controls over its HTTP API, as the page uses them: a demo workspace with
 * seeded history, canned leads through Baton's signed webhook, time moved forward (the SLA ladder
 * and the weekly retro run as they would), a restart that keeps sandbox time, and reset. The real
 * sandbox Baton (src/sandbox/baton-entry.ts, bundled) runs as a child process on PGlite.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isoWeekKey } from '../../src/domain/retro-calendar.js';
import { messages } from '../../src/i18n/index.js';
import { SMB_EMAIL } from '../../src/sandbox/canned-leads.js';
import { DEMO_WEEK } from '../../src/sandbox/demo-history.js';
import { CHANNELS, PEOPLE } from '../../src/sandbox/demo-workspace.js';
import { type Sandbox, startSandbox } from '../../src/sandbox/sandbox.js';
import type { FakeMessage } from '../../src/sandbox/slack-emulator/types.js';
import { bundleSandbox } from '../harness/sandbox-bundle.js';

let dir: string;
let bundle: Awaited<ReturnType<typeof bundleSandbox>>;
let entry: string;
let sandbox: Sandbox;

/** The sandbox's start-up notes (how the demo's data was made). */
const notes: string[] = [];
const start = (workspace?: Parameters<typeof startSandbox>[0]['workspace']) =>
  startSandbox({
    dir: join(dir, 'sandbox'),
    batonMain: entry,
    port: 0,
    workspace,
    demoCache: 'scenarios-test',
    log: (line) => notes.push(line),
  });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'baton-scenarios-'));
  bundle = await bundleSandbox();
  entry = join(bundle.dir, 'baton-entry.js');
  // The bundle lives outside dist/: tell it where the migrations are (the template comes from global setup).
  process.env.BATON_MIGRATIONS_DIR = join(process.cwd(), 'drizzle');
  sandbox = await start({ mode: 'demo', lang: 'en' });
}, 120_000);
afterAll(async () => {
  await sandbox?.stop();
  await rm(dir, { recursive: true, force: true });
  await bundle?.remove();
});

async function api(path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(new URL(`sandbox/api/scenarios${path}`, sandbox.url), {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

const messagesIn = (channel: string) => sandbox.slack.messages(channel);
const textOf = (m: FakeMessage) => `${m.text ?? ''}\n${JSON.stringify(m.blocks ?? [])}`;
const anywhere = (pred: (m: FakeMessage) => boolean) =>
  Object.values(CHANNELS)
    .flatMap(messagesIn)
    .concat(Object.values(PEOPLE).flatMap((u) => messagesIn(sandbox.slack.dmChannel(u))))
    .filter(pred);

/** The first message in `channel` that `pred` accepts, once Baton has posted it. */
const waitForMessage = (channel: string, pred: (m: FakeMessage) => boolean, from = 0) =>
  vi.waitFor(
    () => {
      const found = messagesIn(channel).slice(from).find(pred);
      expect(found).toBeDefined();
      return found!;
    },
    { timeout: 20_000, interval: 100 },
  );

/** "Mon 10:00": the weekday and time on the New York team's clock. */
const newYorkClock = (at: Date | number | string) =>
  new Intl.DateTimeFormat('en-US', {
    timeZone: 'America/New_York',
    hourCycle: 'h23',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(at));

/** The mrkdwn/plain text of every block. */
function texts(blocks: unknown): string[] {
  return ((blocks ?? []) as Array<Record<string, unknown>>).map((b) => {
    const text = (b.text as { text?: string } | undefined)?.text;
    if (text !== undefined) return text;
    return ((b.elements as Array<{ text?: string }> | undefined) ?? []).map((e) => e.text ?? '').join(' ');
  });
}

// Under load a clock move that opens a retro or a /funnel over the seeded weeks can take seconds.
describe('the demo workspace', { timeout: 60_000 }, () => {
  it('reports the clock, the canned leads and the workspace', async () => {
    const { status, json } = await api('');
    expect(status).toBe(200);
    expect(json.workspace).toEqual({ lang: 'en', demo: true });
    expect((json.clock as { offsetMs: number }).offsetMs).toBe(0);
    expect(Math.abs(Date.parse((json.clock as { now: string }).now) - Date.now())).toBeLessThan(5_000);
    const labels = messages('en').scenarios.canned;
    expect(json.canned).toEqual([
      { id: 'smb-demo', label: labels.smbDemo },
      { id: 'enterprise-trial', label: labels.enterpriseTrial },
      { id: 'duplicate', label: labels.duplicate },
      { id: 'escaping', label: labels.escaping },
    ]);
  });

  it('shows last week’s seeded cohort in /funnel, counted by hand from the plan', async () => {
    expect(notes).toEqual([expect.stringMatching(/^seeded the demo in \d+ ms$/)]);
    await expectSeededFunnel();
  });

  it('shows last week’s seeded VOC in /voc report, against the week before', async () => {
    await expectSeededVoc();
  });
});

async function expectSeededFunnel(): Promise<void> {
  const res = await sandbox.driver.command('/funnel', 'last-week', { userId: PEOPLE.manager });
  expect(res.status).toBe(200);
  const reply = await sandbox.slack.waitForResponse(res.responseUrl, { timeoutMs: 20_000 });
  expect(reply.body.text).toBe('Funnel — last week (cohort)');
  const lines = texts(reply.body.blocks);
  const counts = lines[2]!
    .replace(/```/g, '')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) =>
      line
        .trim()
        .split(/\s{2,}/)
        .slice(0, 2),
    );
  // Five leads a week: A (contact → claimed → SQL), B (demo → Opportunity → Lost), C (trial →
  // Opportunity → Negotiation → Closing), D (contact, never claimed), E (no form: a Lead).
  // Last week is one week ago, and 1 is not a multiple of 3: C was won.
  expect(DEMO_WEEK.cWon(1)).toBe(true);
  expect(counts).toEqual([
    ['Lead', '5'],
    ['MQL', '4'], // A, B, C, D
    ['SAL', '3'], // A claimed; B and C passed through it
    ['SQL', '3'],
    ['Opportunity', '2'], // B, C
    ['Negotiation', '1'],
    ['Closing', '1'],
    ['Retention', '0'],
  ]);
  // Touches 40, 95 and 20 working minutes after arrival: median 40; p90 at rank 0.9 × 2 = 1.8:
  // 40 + 0.8 × (95 − 40) = 84; 40 and 20 within the 60-minute SLA. A, B, C, D were routed.
  expect(lines[5]).toBe(
    '*Speed to lead*\nmedian 40 working minutes · p90 84 working minutes to the first touch · 67% within the SLA (2 of 3 decided)\n3 of 4 routed leads touched',
  );
  // C won at $48,000 + 1 × $1,000; B lost.
  expect(lines[6]).toContain('*Deals*\nwon 1 · lost 1 · win rate 50%\nAmount won: $49,000.00');
}

async function expectSeededVoc(): Promise<void> {
  const res = await sandbox.driver.command('/voc', 'report last-week', { userId: PEOPLE.manager });
  expect(res.status).toBe(200);
  const reply = await sandbox.slack.waitForResponse(res.responseUrl, { timeoutMs: 20_000 });
  const counts = texts(reply.body.blocks)[2]!.split('\n');
  // One week ago (odd): an objection (SDR) and a feature request (CS). Two weeks ago (even):
  // pricing, a feature request and a competitor quote.
  expect(DEMO_WEEK.vocPerWeek(1)).toBe(2);
  expect(DEMO_WEEK.vocPerWeek(2)).toBe(3);
  expect(counts[0]).toBe('*Captured: 2* — the period before: 3 (▼1)');
  expect(counts).toContain('• Objection: 1 — before: 0 (▲1)');
  expect(counts).toContain('• Pricing: 0 — before: 1 (▼1)');
}

describe('bad input', () => {
  it('answers 400 naming the field, and changes nothing', async () => {
    const cases: [string, unknown, string][] = [
      ['/clock', { advance: '2h' }, 'advance'],
      ['/clock', {}, 'advance'],
      ['/clock', 'not json', 'body'],
      ['/clock', [1], 'body'],
      ['/lead', { canned: 'nope' }, 'canned'],
      ['/reset', { mode: 'full', lang: 'en' }, 'mode'],
      ['/reset', { mode: 'demo', lang: 'fr' }, 'lang'],
    ];
    for (const [path, body, field] of cases) {
      const { status, json } = await api(path, body);
      expect({ path, status, field: json.field }).toEqual({ path, status: 400, field });
      expect(json.message).toEqual(expect.stringContaining(field === 'body' ? 'JSON' : field));
    }
    expect(sandbox.clock.offsetMs).toBe(0);
    expect(sandbox.workspace).toEqual({ mode: 'demo', lang: 'en' });
  });

  it('passes Baton’s own 400 on for a lead it refuses, naming its fields', async () => {
    const { status, json } = await api('/lead', { name: 'No email', email: 'not-an-email' });
    expect(status).toBe(400);
    expect(json.status).toBe(400);
    const body = json.body as { error: string; fields: { field: string }[] };
    expect(body.error).toBe('invalid_lead');
    expect(body.fields.map((f) => f.field)).toContain('email');
  });

  it('answers 404 for a control that does not exist and 405 for the wrong method', async () => {
    expect((await api('/weather', {})).status).toBe(404);
    const res = await fetch(new URL('sandbox/api/scenarios/clock', sandbox.url));
    expect(res.status).toBe(405);
  });
});

describe('leads and time', { timeout: 60_000 }, () => {
  let morning: number;

  it('moves to the next working morning (09:00 in New York, never backwards)', async () => {
    const before = sandbox.clock.now().getTime();
    const { status, json } = await api('/clock', { advance: 'next-morning' });
    expect(status).toBe(200);
    morning = Date.parse(json.now as string);
    expect(morning).toBeGreaterThan(before);
    const local = newYorkClock(morning);
    expect(local).toMatch(/^(Mon|Tue|Wed|Thu|Fri) 09:00$/);
    expect(json.offsetMs).toBe(sandbox.clock.offsetMs);
    expect(JSON.parse(await readFile(join(dir, 'sandbox', 'clock.json'), 'utf8'))).toEqual({
      offsetMs: json.offsetMs,
    });
  });

  it('sends a canned lead through the signed webhook; its card appears in the leads channel', async () => {
    const { status, json } = await api('/lead', { canned: 'smb-demo' });
    expect(status).toBe(202);
    expect((json.body as { duplicate: boolean }).duplicate).toBe(false);
    const card = await waitForMessage(CHANNELS.leads, (m) => textOf(m).includes('Brightside Bakery'));
    // The emulator's clock follows the sandbox's: the card is stamped at sandbox time.
    expect(Number(card.ts) * 1000).toBeGreaterThanOrEqual(morning);
  });

  it('recognises the duplicate (same email as the SMB request)', async () => {
    const { status, json } = await api('/lead', { canned: 'duplicate' });
    expect(status).toBe(202);
    expect(json.body).toMatchObject({ duplicate: true });
    expect(SMB_EMAIL).toContain('@');
  });

  it('shows <!channel> and *bold* in a lead’s name as text, not as a mention or formatting', async () => {
    expect((await api('/lead', { canned: 'escaping' })).status).toBe(202);
    const card = await waitForMessage(CHANNELS.leads, (m) => textOf(m).includes('Mallory'));
    const shown = textOf(card);
    expect(shown).toContain('&lt;!channel&gt;');
    expect(shown).not.toContain('<!channel>');
    expect(shown).not.toContain('<https://evil.example|click>');
  });

  it('+15 min and +1 h run the SLA ladder: the unclaimed lead is breached and the escalation is posted', async () => {
    const first = await api('/clock', { advance: '15m' });
    expect(first.status).toBe(200);
    expect(Date.parse(first.json.now as string) - morning).toBeGreaterThanOrEqual(15 * 60_000);
    const { json } = await api('/clock', { advance: '1h' });
    expect(json.offsetMs).toBe(sandbox.clock.offsetMs);
    const breach = await waitForMessage(CHANNELS.escalations, (m) => textOf(m).includes('SLA breached'));
    expect(textOf(breach)).toContain('Riley Stone');
  });

  it('next Monday 10:00 opens the weekly retro: its thread is posted in the retro channel', async () => {
    // This week's retro may have opened already (the morning plus 1 h 15 min can pass Monday 10:00).
    const before = messagesIn(CHANNELS.retro).length;
    const { status, json } = await api('/clock', { advance: 'next-monday' });
    expect(status).toBe(200);
    const local = newYorkClock(json.now as string);
    expect(local).toBe('Mon 10:00');
    const week = isoWeekKey(new Date(json.now as string), 'America/New_York');
    const parent = await waitForMessage(
      CHANNELS.retro,
      (m) => m.text === `Weekly growth retro for ${week}: the figures are in the thread.`,
      before,
    );
    // The seeded retros left action items open: the new retro carries them over.
    expect(anywhere((m) => textOf(m).includes('Revisit the MQL bar')).length).toBeGreaterThan(0);
    expect(parent.user).toBe(sandbox.slack.botUserId);
  });
});

describe('a restart', () => {
  it('keeps sandbox time: the offset comes back from clock.json and Baton’s clock follows it', async () => {
    const offset = sandbox.clock.offsetMs;
    expect(offset).toBeGreaterThan(60 * 60_000);
    await sandbox.stop();
    sandbox = await start();
    expect(sandbox.workspace).toEqual({ mode: 'demo', lang: 'en' });
    expect(sandbox.clock.offsetMs).toBe(offset);
    const { json } = await api('');
    expect((json.clock as { offsetMs: number }).offsetMs).toBe(offset);
    // Signed with sandbox time: Baton refuses stamps 5 minutes off its own clock, so a 202 shows
    // Baton's clock runs at the same offset. The data stayed too: the SMB request is known.
    const lead = await api('/lead', { canned: 'duplicate' });
    expect(lead.status).toBe(202);
    expect(lead.json.body).toMatchObject({ duplicate: true });
  }, 60_000);
});

describe('reset', () => {
  it('wipes the emulator’s messages and Baton’s leads, and starts the Korean demo at real time', async () => {
    // The emulator restarted with the sandbox: post a card to be wiped.
    expect((await api('/lead', { canned: 'enterprise-trial' })).status).toBe(202);
    await vi.waitFor(() => expect(messagesIn(CHANNELS.enterpriseLeads).length).toBeGreaterThan(0), {
      timeout: 15_000,
      interval: 100,
    });
    const { status, json } = await api('/reset', { mode: 'demo', lang: 'ko' });
    expect(status).toBe(200);
    expect(json.workspace).toEqual({ lang: 'ko', demo: true });
    expect((json.clock as { offsetMs: number }).offsetMs).toBe(0);
    expect(messagesIn(CHANNELS.enterpriseLeads)).toEqual([]);
    expect(messagesIn(CHANNELS.leads)).toEqual([]);
    expect(sandbox.slack.user(PEOPLE.sdr)).toMatchObject({
      realName: '김민지',
      tz: 'Asia/Seoul',
      locale: 'ko-KR',
    });
    const labels = messages('ko').scenarios.canned;
    expect((json.canned as { label: string }[])[0]!.label).toBe(labels.smbDemo);

    // Working hours in Seoul, so the lead is routed whenever the test runs.
    expect((await api('/clock', { advance: 'next-morning' })).status).toBe(200);
    // The SMB request is new again: the earlier one was wiped with the data.
    const lead = await api('/lead', { canned: 'duplicate' });
    expect(lead.status).toBe(202);
    expect(lead.json.body).toMatchObject({ duplicate: false });
    await vi.waitFor(
      () => expect(messagesIn(CHANNELS.leads).some((m) => textOf(m).includes('한빛 베이커리'))).toBe(true),
      { timeout: 15_000, interval: 100 },
    );
  }, 90_000);

  it('empty starts Baton unconfigured: a lead is refused until an admin sets it up', async () => {
    const { status } = await api('/reset', { mode: 'empty', lang: 'en' });
    expect(status).toBe(200);
    const lead = await api('/lead', { canned: 'smb-demo' });
    expect(lead.status).toBe(409);
    expect(lead.json.body).toMatchObject({ error: 'not_set_up' });
  }, 60_000);

  it('back to the English demo copies this week’s seed from the cache: the same history', async () => {
    notes.length = 0;
    const { status } = await api('/reset', { mode: 'demo', lang: 'en' });
    expect(status).toBe(200);
    expect(notes).toEqual([expect.stringMatching(/^copied the demo from its cache in \d+ ms$/)]);
    await expectSeededFunnel();
    await expectSeededVoc();
  }, 60_000);
});
