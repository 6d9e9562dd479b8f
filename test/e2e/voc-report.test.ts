import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vocEntries } from '../../src/db/schema.js';
import { startTestApp, TEAM_ID, TEAM_YAML, type TestApp } from '../harness/test-app.js';

/** The harness team in Seoul. Now: Wednesday 2026-03-11 14:00 KST. Last week: 03-02..03-08. */
const CONFIG = `${TEAM_YAML}calendar:
  time_zone: Asia/Seoul
`;
const NOW = '2026-03-11T05:00:00Z';
const SORA = 'U0SDR0001';
const MINJUN = 'U0AE00001';
const LINK = 'https://baton-test.slack.com/archives/C0SALES/p1772700000000100';

let t: TestApp;

/** A VOC entry captured at a Seoul wall time. */
async function capture(at: string, fields: Partial<typeof vocEntries.$inferInsert>) {
  await t.database.db.insert(vocEntries).values({
    teamId: TEAM_ID,
    quote: 'a quote',
    capturedBy: SORA,
    via: 'shortcut',
    createdAt: new Date(`${at.replace(' ', 'T')}:00+09:00`),
    ...fields,
  });
}

/** `/voc report …` by `userId`; the answer comes through the response_url. */
async function vocReport(text: string, userId = SORA) {
  const res = await t.driver.command('/voc', `report ${text}`.trim(), { userId });
  expect(res.status).toBe(200);
  return (await t.slack.waitForResponse(res.responseUrl)).body as {
    text: string;
    response_type: string;
    blocks?: Array<{ type: string; text?: { text: string }; elements?: Array<{ text: string }> }>;
  };
}

const blockTexts = (body: Awaited<ReturnType<typeof vocReport>>) =>
  (body.blocks ?? []).map((b) => b.text?.text ?? b.elements?.[0]?.text);

beforeAll(async () => {
  t = await startTestApp({ configYaml: CONFIG });
  t.clock.set(NOW);
  await capture('2026-03-03 10:00', {
    quote: 'Your price is twice Acme’s',
    category: 'objection',
    competitor: 'acme',
    tags: ['pricing'],
    sourceChannel: 'C0SALES',
    sourceTs: '1772500000.000100',
    sourceAuthorId: 'U0CUST001',
    sourcePermalink: LINK,
  });
  // Typed into /voc by Minjun: nobody else said it, no source.
  await capture('2026-03-05 15:00', {
    quote: 'We need SSO before we sign',
    category: 'feature_request',
    tags: ['sso'],
    capturedBy: MINJUN,
    via: 'command',
  });
  await capture('2026-03-06 09:00', {
    quote: 'Acme said <!channel> gets it cheaper',
    category: 'objection',
    competitor: 'Acme',
    tags: ['pricing'],
    sourceChannel: 'C0SALES',
    sourceTs: '1772700000.000100',
    sourceAuthorId: 'U0CUST002',
    sourcePermalink: LINK,
  });
  await capture('2026-02-25 11:00', { category: 'praise', sourceChannel: 'C0CS', sourceTs: '1.1' });
  await capture('2026-03-10 11:00', { category: 'feature_request', sourceChannel: 'C0CS', sourceTs: '2.2' });
});
afterAll(() => t?.stop());

describe('/voc report', () => {
  it('answers last week ephemerally: counts with change, competitors, tags and the top quotes', async () => {
    const body = await vocReport('last-week');
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toBe('Voice of the customer — last week');
    expect(blockTexts(body)).toEqual([
      'Voice of the customer — last week',
      ':calendar: 2026-03-02 – 2026-03-08 · change against 2026-02-23 – 2026-03-01',
      [
        '*Captured: 3* — the period before: 1 (▲2)',
        '• Objection: 2 — before: 0 (▲2)',
        '• Feature request: 1 — before: 0 (▲1)',
        '• Praise: 0 — before: 1 (▼1)',
      ].join('\n'),
      '*Competitors named:* acme 2\n*Top tags:* #pricing 2 · #sso 1',
      '*Top quotes*',
      // Objection (2 entries): its newest; then Feature request; then the newest left.
      `>Acme said &lt;!channel&gt; gets it cheaper\nsaid by <@U0CUST002>, captured by <@${SORA}> · Objection · Acme · <${LINK}|source>`,
      `>We need SSO before we sign\nsaid by <@${MINJUN}> · Feature request`,
      `>Your price is twice Acme’s\nsaid by <@U0CUST001>, captured by <@${SORA}> · Objection · acme · <${LINK}|source>`,
      expect.stringContaining('Counted by when each quote was captured'),
    ]);
  });

  it('takes the category and the period in any order; this week is cut at the same point of last week', async () => {
    const body = await vocReport('feature-request');
    expect(body.text).toBe('Voice of the customer — Feature request — this week');
    expect(blockTexts(body).slice(1, 3)).toEqual([
      ':calendar: 2026-03-09 – 2026-03-15, so far · change against 2026-03-02 – 2026-03-04, cut at the same point',
      // This week's 03-10 entry; last week's only came on Thursday, after the cut (Wednesday 14:00).
      '*Captured: 1* — the period before: 0 (▲1)\n• Feature request: 1 — before: 0 (▲1)',
    ]);
    const swapped = await vocReport('OBJECTION last-week');
    expect(blockTexts(swapped)[2]).toBe(
      '*Captured: 2* — the period before: 0 (▲2)\n• Objection: 2 — before: 0 (▲2)',
    );
  });

  it('says when a period had nothing', async () => {
    const body = await vocReport('2026-01-05..2026-01-11 churn_risk');
    expect(blockTexts(body)[2]).toBe('No VOC was captured in this period (the period before: 0).');
  });

  it('explains words it cannot read', async () => {
    expect((await vocReport('yesterday')).text).toBe(
      "I don't know `yesterday` in `/voc report`. Try `/voc report [this-week | last-week | this-month | last-month | this-quarter | last-quarter | YYYY-MM-DD..YYYY-MM-DD] [objection | feature-request | competitor | pricing | praise | churn-risk | lead-quality | other]`.",
    );
    expect((await vocReport('pricing praise')).text).toBe('Give one of `pricing` and `praise`, not both.');
    expect((await vocReport('2026-04-01..2026-04-02')).text).toMatch(
      /^The range starts on 2026-04-01, after today \(2026-03-11\); there is nothing to count yet\. Try `\/voc report /,
    );
  });

  it('refuses people who are not on the roster', async () => {
    const body = await vocReport('last-week', 'U0STRANGER');
    expect(body.text).toContain('Baton routes leads only to people on its roster');
    expect(body.blocks).toBeUndefined();
  });
});
