import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../harness/test-app.js';

const MARKETER = 'U0MKT0001';
const FILE = [
  'Email,Full Name,Company,Employees,Form,Favourite Colour',
  'ann@alpha.io,Ann One,Alpha,20,demo_request,teal', // smb, SQL, 80
  'ben@beta.io,Ben <!channel> Two,Beta,500,trial,', // enterprise, SQL, 80 (the name escaped)
  'nope,Bad Row,Gamma,10,contact,', // invalid email
  'fay@eta.io,Fay Six,Eta,8,,', // smb, Lead, 10: below the routing threshold
].join('\n');

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.stop();
});

const count = async (table: 'leads' | 'lead_imports') =>
  (await t.database.rows<{ n: number }>(sql`select count(*)::int as n from ${sql.raw(table)}`))[0]!.n;
type View = { id: string; callback_id: string; blocks: unknown[] };

async function openImport(userId: string): Promise<View> {
  const res = await t.driver.command('/lead', 'import', { userId, channelId: 'C0GENERAL' });
  const call = await t.slack.waitForCall('views.open', { trigger_id: res.triggerId });
  return call.response.view as View;
}

/** Picks `content` as the file in the import modal and submits it; returns Baton's answer. */
async function pick(view: View, name: string, content: string, source = 'expo') {
  const file = t.slack.uploadAsUser(MARKETER, name, content);
  return t.driver.viewSubmission({
    userId: MARKETER,
    viewId: view.id,
    values: { file: { value: { files: [file] } }, source: { value: source } },
  });
}

describe('/lead import', () => {
  it('previews the mapping and each row before storing anything, then imports on "Import"', async () => {
    const leadsBefore = await count('leads');
    const view = await openImport(MARKETER);
    expect(view.callback_id).toBe('lead_import');

    const res = await pick(view, 'expo.csv', FILE);
    const answer = res.json as { response_action: string; view: View };
    expect(answer.response_action).toBe('update');
    expect(answer.view.callback_id).toBe('lead_import_confirm');
    const preview = JSON.stringify(answer.view.blocks);
    for (const part of [
      '*expo.csv* — 4 rows',
      'Email → email',
      'Full Name → name',
      'Employees → company_size',
      'Favourite Colour → kept as an extra field',
      '*Rows:* 3 ready to import, 1 invalid',
      'smb: 1 routed to sellers, 1 below the routing threshold',
      'enterprise: 1 routed to sellers, 0 below the routing threshold',
      'Row 1: Ann One → smb, SQL, score 80',
      'Row 2: Ben &lt;!channel&gt; Two → enterprise, SQL, score 80',
      'Row 3: invalid — email \\"nope\\" is not an email address',
      'Row 4: Fay Six → smb, Lead, score 10',
    ]) {
      expect(preview).toContain(part);
    }
    expect(await count('leads')).toBe(leadsBefore);

    const confirm = await t.driver.viewSubmission({ userId: MARKETER, viewId: view.id });
    expect((confirm.json as { response_action: string }).response_action).toBe('update');
    const done = await t.slack.waitForCall('views.update', { view_id: view.id });
    const doneText = JSON.stringify((done.args.view as View).blocks);
    expect(doneText).toContain('3 stored, 0 duplicates, 1 invalid.');
    expect(doneText).toContain('Row 3: invalid');
    expect(await count('leads')).toBe(leadsBefore + 3);
    const [imported] = await t.database.rows<{ source: string; imported_by: string; via: string }>(
      sql`select source, imported_by, via from lead_imports order by id desc limit 1`,
    );
    expect(imported).toEqual({ source: 'expo', imported_by: MARKETER, via: 'slack' });

    // Claim mode, nobody assigned: one summary per segment with a routed lead, no cards.
    expect(await t.flushOutbox()).toBe(2);
    expect(t.slack.messages('C0LEADS').map((m) => m.text)).toEqual(['Imported 1 new lead into smb']);
    expect(t.slack.messages('C0ENTLEADS').map((m) => m.text)).toEqual([
      'Imported 1 new lead into enterprise',
    ]);
    expect(JSON.stringify(t.slack.messages('C0LEADS')[0]!.blocks)).toContain(`imported by <@${MARKETER}>`);
  });

  it('imports the same file again without storing anything twice', async () => {
    const before = await count('leads');
    const view = await openImport(MARKETER);
    await pick(view, 'expo.csv', FILE);
    await t.driver.viewSubmission({ userId: MARKETER, viewId: view.id });
    const done = await t.slack.waitForCall('views.update', { view_id: view.id });
    expect(JSON.stringify((done.args.view as View).blocks)).toContain('This file was imported before');
    expect(await count('leads')).toBe(before);
  });

  it('stores nothing when the preview is cancelled', async () => {
    const before = { leads: await count('leads'), imports: await count('lead_imports') };
    const view = await openImport(MARKETER);
    const res = await pick(view, 'other.csv', 'email,form\nzed@zeta.io,demo_request\n');
    expect((res.json as { view: View }).view.callback_id).toBe('lead_import_confirm');
    await t.driver.viewClosed({ userId: MARKETER, viewId: view.id });
    expect({ leads: await count('leads'), imports: await count('lead_imports') }).toEqual(before);
  });

  it('keeps the modal open with a specific error for a file it cannot read', async () => {
    const view = await openImport(MARKETER);
    const noEmail = await pick(view, 'names.csv', 'name,company\nAnn,Alpha\n');
    expect(noEmail.json).toEqual({
      response_action: 'errors',
      errors: { file: 'No column holds the email (name one "email"). The header row is: name, company' },
    });
    const notCsv = await pick(view, 'deck.pdf', '%PDF');
    expect(notCsv.json).toEqual({
      response_action: 'errors',
      errors: { file: 'deck.pdf is not a CSV file: save the sheet as CSV (UTF-8) and pick that.' },
    });
    const badSource = await pick(view, 'a.csv', 'email\na@a.io\n', 'Trade Show!');
    expect(badSource.json).toEqual({
      response_action: 'errors',
      errors: { source: '"Trade Show!" is not a source key like "tradeshow" (letters, digits, _ and -).' },
    });
  });

  it('refuses people who may not import, before any modal opens', async () => {
    const opened = t.slack.callsTo('views.open').length;
    const res = await t.driver.command('/lead', 'import', { userId: 'U0SDR0001', channelId: 'C0GENERAL' });
    const reply = await t.slack.waitForResponse(res.responseUrl);
    expect(reply.body.text).toBe(
      'Only marketers, managers and admins may import leads. Ask one of them, or an admin to give you the marketer role.',
    );
    expect(t.slack.callsTo('views.open')).toHaveLength(opened);
  });
});
