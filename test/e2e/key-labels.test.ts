import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEAM_YAML, type TestApp } from '../harness/test-app.js';

// TEAM_YAML's team, with labels for the keys a card shows.
const LABELS = `
labels:
  segments:
    smb: { en: Small business, ko: 중소기업 }
  sources:
    website: { en: Website form, ko: 웹사이트 문의 }
  forms:
    demo_request: { ko: 데모 신청 }
`;

const lead = (email: string) => ({
  source: 'website',
  email,
  name: 'Jane <Doe>',
  company: 'Acme',
  company_size: 40,
  form: 'demo_request',
});

/** The card's fields as "label: value" lines. */
function cardFields(t: TestApp): string[] {
  const [card] = t.slack.messages('C0LEADS');
  const blocks = card!.blocks as Array<{ fields?: Array<{ text: string }> }>;
  return blocks[0]!.fields!.map((f) => f.text.replace('\n', ': '));
}

describe.each([
  ['en', ['*Segment*: Small business', '*Source*: Website form', '*Form*: Demo request']],
  ['ko', ['*세그먼트*: 중소기업', '*유입 경로*: 웹사이트 문의', '*폼*: 데모 신청']],
] as const)('a lead card in %s', (locale, expected) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      configYaml: `${TEAM_YAML.replace('locale: en', `locale: ${locale}`)}${LABELS}`,
    });
  });
  afterAll(() => t.stop());

  it('shows the configured labels for segment, source and form, and the database keeps the keys', async () => {
    const res = await t.sendLead(lead(`jane-${locale}@acme.io`));
    expect(res.status).toBe(202);
    expect(await t.flushOutbox()).toBe(1);
    const fields = cardFields(t);
    for (const line of expected) expect(fields).toContain(line);
    const [row] = await t.database.rows<{ segment: string; source: string; form: string }>(
      sql`select segment, source, form from leads where id = ${res.json.lead_id as number}`,
    );
    expect(row).toEqual({ segment: 'smb', source: 'website', form: 'demo_request' });
  });
});
