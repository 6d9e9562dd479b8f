import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp, type TestApp } from '../harness/test-app.js';

// The team works in Seoul (09:00–18:00, Mon–Fri); one seller works New York hours.
const CONFIG = `
locale: en
calendar:
  time_zone: Asia/Seoul
channels:
  leads: C0LEADS
routing:
  match_existing_accounts: false
roster:
  - user: U0SDR0001
    roles: [sdr]
  - user: U0AE00001
    roles: [ae]
  - user: U0SDR0002
    roles: [sdr]
    time_zone: America/New_York
  - user: U0SDR0003
    roles: [sdr]
    max_open_leads: 1
  - user: U0MKT0001
    roles: [marketer]
`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ configYaml: CONFIG });
});
afterAll(async () => {
  await t?.stop();
});

/** The Slack date token for a UTC instant, written out by hand. */
function dateToken(year: number, month: number, day: number, hour: number, minute = 0): string {
  const seconds = Date.UTC(year, month - 1, day, hour, minute) / 1000;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `<!date^${seconds}^{date_short_pretty} {time}|${year}-${pad(month)}-${pad(day)} ${pad(hour)}:${pad(minute)} UTC>`;
}

async function newLead(email: string, form: string): Promise<{ id: number; ts: string }> {
  const res = await t.sendLead({ source: 'website', email, form });
  expect(res.status).toBe(202);
  await t.flushOutbox();
  const id = res.json.lead_id as number;
  const [row] = await t.database.rows<{ card_ts: string }>(sql`select card_ts from leads where id = ${id}`);
  return { id, ts: row!.card_ts };
}

async function claim(userId: string, lead: { id: number; ts: string }) {
  await t.driver.blockActions({
    userId,
    channelId: 'C0LEADS',
    messageTs: lead.ts,
    actions: [{ action_id: 'lead_claim', block_id: `lead_actions:${lead.id}`, value: String(lead.id) }],
  });
  await vi.waitFor(async () => {
    const [row] = await t.database.rows<{ owner_id: string | null }>(
      sql`select owner_id from leads where id = ${lead.id}`,
    );
    expect(row!.owner_id).toBe(userId);
  });
}

describe('/baton roster', () => {
  it('shows for each seller whether they can take a lead now and why not, open leads and last assignment', async () => {
    const a = await newLead('a@one.io', 'contact');
    const b = await newLead('b@two.io', 'contact');
    const c = await newLead('c@three.io', 'newsletter');
    t.clock.set('2026-11-23T01:02:00Z');
    await claim('U0SDR0001', a);
    t.clock.set('2026-11-23T01:05:00Z');
    await claim('U0SDR0003', b);
    // Sora also won a deal later (Closing is won, so not open; it still counts as her last assignment).
    await t.database.rows(
      sql`update leads set owner_id = 'U0SDR0001', owner_since = '2026-11-23T01:30:00Z', stage = 'Closing'
          where id = ${c.id}`,
    );
    // The New York seller's last round-robin lead, last Friday.
    await t.database.rows(
      sql`insert into routing_state (team_id, segment, user_id, pass, assigned, last_assigned_at)
          values ('T0BATON', 'smb', 'U0SDR0002', 1, 1, '2026-11-20T05:00:00Z')`,
    );
    const ooo = await t.driver.command('/baton', 'ooo 2026-11-30', { userId: 'U0AE00001' });
    await t.slack.waitForResponse(ooo.responseUrl);

    // Monday 11:00 in Seoul; Sunday 21:00 in New York.
    t.clock.set('2026-11-23T02:00:00Z');
    const res = await t.driver.command('/baton', 'roster', { userId: 'U0SDR0001' });
    const reply = await t.slack.waitForResponse(res.responseUrl);
    expect(reply.body.text).toBe('Roster — 5 people');
    const lines = JSON.parse(JSON.stringify(reply.body.blocks))
      .filter((b: { type: string }) => b.type === 'section')
      .flatMap((b: { text: { text: string } }) => b.text.text.split('\n'));

    expect(lines).toEqual([
      '<@U0AE00001> — Account executive · smb, enterprise',
      // Out of office through Nov 30 in Seoul: until Dec 1 00:00 KST = Nov 30 15:00 UTC.
      `:red_circle: Not eligible now — :palm_tree: out of office until ${dateToken(2026, 11, 30, 15)} · 0 open leads · never assigned`,
      '<@U0MKT0001> — Marketer · smb, enterprise',
      '<@U0SDR0001> — Inside sales (SDR) · smb, enterprise',
      // Lead A (claimed, MQL → SAL) is open; lead C (Closing) is not; C's owner_since is the latest.
      `:large_green_circle: Eligible now · 1 open lead · last assigned ${dateToken(2026, 11, 23, 1, 30)}`,
      '<@U0SDR0002> — Inside sales (SDR) · smb, enterprise',
      // New York works 09:00–18:00 EST (UTC−5): Monday 09:00 there is 14:00 UTC.
      `:red_circle: Not eligible now — :crescent_moon: outside working hours until ${dateToken(2026, 11, 23, 14)} · 0 open leads · last assigned ${dateToken(2026, 11, 20, 5)}`,
      '<@U0SDR0003> — Inside sales (SDR) · smb, enterprise',
      `:red_circle: Not eligible now — :no_entry: at their cap (1 of 1 open leads) · 1 open lead · last assigned ${dateToken(2026, 11, 23, 1, 5)}`,
    ]);
  });
});
