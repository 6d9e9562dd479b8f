import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEAM_YAML, type TestApp } from '../harness/test-app.js';

// Default calendar: UTC, Monday to Friday 09:00–18:00. 2026-11-23 is a Monday.
const MONDAY_10 = new Date('2026-11-23T10:00:00Z');
const SLA_30 = `${TEAM_YAML}sla:\n  first_touch_minutes: 30\n`;
const KOREAN_SLA_30 = SLA_30.replace('locale: en', 'locale: ko');

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(MONDAY_10);
});
afterAll(async () => {
  await t?.stop();
});

/** A routed lead arriving now; its card delivered. */
async function lead(email: string) {
  const res = await t.sendLead({
    source: 'website',
    name: 'Live Lead',
    company: 'Acme',
    company_size: 20,
    email,
    form: 'demo_request',
  });
  expect(res.status).toBe(202);
  await t.flushOutbox();
  const leadId = res.json.lead_id as number;
  const [row] = await t.database.rows<{ sla_due_at: string; card_ts: string | null }>(
    sql`select sla_due_at, card_ts from leads where id = ${leadId}`,
  );
  return { leadId, dueAt: new Date(row!.sla_due_at).toISOString(), cardTs: row!.card_ts };
}

const cardBlocks = (ts: string | null) =>
  JSON.stringify(t.slack.messages('C0LEADS').find((m) => m.ts === ts)?.blocks);

const helpTitle = async () =>
  JSON.parse((await t.driver.command('/baton', 'help', { userId: 'U0SDR0001' })).body).text as string;

describe('configuration read live, per operation', () => {
  it('uses a changed SLA for the next lead without a restart; leads already in keep theirs', async () => {
    const before = await lead('before@acme.io');
    // 60 working minutes (the default) from 10:00 on a Monday.
    expect(before.dueAt).toBe('2026-11-23T11:00:00.000Z');

    await t.setConfig(SLA_30);
    t.clock.set(MONDAY_10);
    const after = await lead('after@acme.io');
    // 30 working minutes from 10:00.
    expect(after.dueAt).toBe('2026-11-23T10:30:00.000Z');
    const [kept] = await t.database.rows<{ sla_due_at: string }>(
      sql`select sla_due_at from leads where id = ${before.leadId}`,
    );
    expect(new Date(kept!.sla_due_at).toISOString()).toBe('2026-11-23T11:00:00.000Z');
  });

  it('answers the next command and renders the next card in the new language', async () => {
    expect(await helpTitle()).toBe('Baton — lead hand-off, follow-up SLA and the weekly growth retro');
    const english = await lead('english@acme.io');
    expect(cardBlocks(english.cardTs)).toContain('First touch due');

    await t.setConfig(KOREAN_SLA_30);
    expect(await helpTitle()).toBe('Baton — 리드 전달, 팔로업 SLA, 주간 그로스 회고');
    t.clock.set(MONDAY_10);
    const korean = await lead('korean@acme.io');
    expect(korean.dueAt).toBe('2026-11-23T10:30:00.000Z');
    const blocks = cardBlocks(korean.cardTs);
    expect(blocks).toContain('첫 연락 기한');
    expect(blocks).not.toContain('First touch due');
  });
});
