import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../harness/fake-clock.js';
import { FakeHubspot } from '../harness/fake-hubspot.js';
import { FakeSlack } from '../harness/fake-slack.js';
import { startTestApp, TEAM_ID, TEAM_USERS, type TestApp } from '../harness/test-app.js';
import { claimCard, HANDOFF_YAML } from './support/lead-cards.js';

const CLIENT_SECRET = 'hubspot-client-secret-0123';
const HUBSPOT_YAML = `hubspot:
  form: demo_request
  events_in: [contact.creation, deal.propertyChange, contact.propertyChange]
  contact_statuses: { CONNECTED: SAL, UNQUALIFIED: Disqualified }
  lost_reason_property: baton_lost_reason
`;

let t: TestApp;
let hs: FakeHubspot;
let slack: FakeSlack;
let soraOwner: string;

beforeAll(async () => {
  const clock = new FakeClock();
  slack = await FakeSlack.start({
    teamId: TEAM_ID,
    users: [
      ...TEAM_USERS.map((u) => ({ ...u, email: `${u.name}@baton-sales.example` })),
      { id: 'U0SDR0002', name: 'jun', email: 'jun@baton-sales.example' },
    ],
    now: () => clock.now(),
  });
  hs = await FakeHubspot.start({ customProperties: ['baton_lost_reason'] });
  soraOwner = hs.addOwner('Sora@Baton-Sales.example', 'Sora', 'Kim');
  t = await startTestApp({
    clock,
    slack,
    configYaml: `${HANDOFF_YAML}${HUBSPOT_YAML}`,
    env: { HUBSPOT_TOKEN: hs.token, HUBSPOT_CLIENT_SECRET: CLIENT_SECRET, HUBSPOT_API_URL: hs.apiUrl },
  });
});
afterAll(async () => {
  await t?.stop();
  await slack?.stop();
  await hs?.stop();
});

const webhookUrl = () => `${t.baseUrl}/crm/hubspot/webhooks`;
const send = (events: unknown[], o: { timestamp?: number; signature?: string; raw?: string } = {}) =>
  hs.sendWebhook(webhookUrl(), events, { secret: CLIENT_SECRET, timestamp: t.clock.now().getTime(), ...o });

/** Runs the relay, the HubSpot sender and the Slack outbox until nothing is left to do now. */
async function sync(): Promise<void> {
  for (let round = 0; round < 20; round++) {
    const relayed = await t.baton.relay.run();
    const ran = await t.baton.hubspot!.sender.run();
    await t.flushOutbox();
    if (relayed === 0 && ran === 0) return;
  }
  throw new Error('HubSpot sync did not settle');
}

async function leadOfContact(contactId: string) {
  const [row] = await t.database.rows<{
    id: number;
    stage: string;
    owner_id: string | null;
    card_ts: string;
  }>(
    sql`select l.id::int as id, l.stage, l.owner_id, l.card_ts from leads l
        join hubspot_contacts c on c.lead_id = l.id and c.team_id = l.team_id
        where c.contact_id = ${contactId}`,
  );
  return row;
}

async function tasks(status: string) {
  return t.database.rows<{ kind: string; last_error: string | null }>(
    sql`select kind, last_error from hubspot_tasks where status = ${status} order by id`,
  );
}

/** A contact made in HubSpot, delivered to Baton and synced back: its lead id and card. */
async function contactFromHubspot(email: string, name: [string, string]) {
  const { contact, event } = hs.createContactInCrm({
    email,
    firstname: name[0],
    lastname: name[1],
    company: 'Bluebird',
    jobtitle: 'CTO',
  });
  const res = await send([event]);
  expect(res).toEqual({ status: 200, json: { queued: 1, repeated: 0, ignored: 0 } });
  await sync();
  const lead = await leadOfContact(contact.id);
  expect(lead).toBeDefined();
  return { contact, lead: lead! };
}

describe('HubSpot → Baton → HubSpot', () => {
  it('a contact created in HubSpot becomes a lead card; the claim sets the contact’s owner and status', async () => {
    const { contact, lead } = await contactFromHubspot('mina@bluebird.example', ['Mina', 'Park']);
    const card = slack.messages('C0LEADS').find((m) => m.ts === lead.card_ts);
    expect(JSON.stringify(card?.blocks)).toContain('Mina Park');
    // The lead (an SQL from a demo request) is written back per the default mapping.
    expect(hs.contacts.get(contact.id)?.properties).toMatchObject({
      lifecyclestage: 'salesqualifiedlead',
      hs_lead_status: 'CONNECTED',
    });
    expect(
      hs.callsTo('POST', '/crm/v3/objects/contacts').filter((c) => c.path === '/crm/v3/objects/contacts'),
    ).toEqual([]);

    await claimCard(t, 'U0SDR0001', lead.id, lead.card_ts);
    await sync();
    // Sora's Slack email matches the HubSpot owner's, whatever the case.
    expect(hs.contacts.get(contact.id)?.properties.hubspot_owner_id).toBe(soraOwner);
    expect(hs.calls.filter((c) => c.path === '/crm/v3/owners')[0]?.query.email).toBe(
      'sora@baton-sales.example',
    );
    const notes = hs.notesOf(contact.id).map((n) => n.properties.hs_note_body);
    expect(notes).toEqual(['Lead created in Baton (segment smb, stage SQL).', 'Owner in Baton: U0SDR0001.']);

    // A repeated delivery of the same HubSpot event queues nothing.
    const again = hs.eventFor({
      objectType: 'contact',
      objectId: contact.id,
      property: 'x',
      value: 'y',
      changeSource: 'CRM_UI',
      sourceId: '',
    });
    expect((await send([{ ...again, eventId: 1, subscriptionType: 'contact.creation' }])).json).toMatchObject(
      {
        queued: 0,
        repeated: 1,
      },
    );
  });

  it('a lead from another source gets a new HubSpot contact; its creation event is not a second lead', async () => {
    const res = await t.sendLead({
      source: 'website',
      name: 'Tara Kwon',
      email: 'tara@web.example',
      company: 'Web Co',
      company_size: 20,
      form: 'demo_request',
    });
    expect(res.status).toBe(202);
    await sync();
    const contact = hs.contactByEmail('tara@web.example');
    expect(contact?.properties).toMatchObject({
      firstname: 'Tara',
      lastname: 'Kwon',
      company: 'Web Co',
      numemployees: '20',
      hs_lead_status: 'CONNECTED',
    });
    const lead = await leadOfContact(contact!.id);
    expect(lead?.id).toBe(res.json.lead_id);

    const creation = hs.apiCreations.find((e) => String(e.objectId) === contact!.id);
    expect((await send([creation])).json).toMatchObject({ queued: 1 });
    await sync();
    const [{ n } = { n: -1 }] = await t.database.rows<{ n: number }>(
      sql`select count(*)::int as n from lead_events where lead_id = ${lead!.id} and type = 'resubmitted'`,
    );
    expect(n).toBe(0);
    expect(t.slack.thread('C0LEADS', lead!.card_ts)).toHaveLength(1); // no "submitted again" note
  });

  it('the echo of Baton’s own write does nothing; the same change made by a person in HubSpot moves the lead', async () => {
    const { contact, lead } = await contactFromHubspot('oscar@bluebird.example', ['Oscar', 'Lee']);
    expect(lead.stage).toBe('SQL');
    // HubSpot reports Baton's write of hs_lead_status (CONNECTED, which the config maps to SAL).
    const ours = hs.changes.find((c) => c.objectId === contact.id && c.property === 'hs_lead_status');
    const echoes = () =>
      t.baton.context.metrics.registry.value('baton_hubspot_tasks_total', {
        direction: 'in',
        outcome: 'echo',
      }) ?? 0;
    const echoesBefore = echoes();
    expect(ours).toMatchObject({ value: 'CONNECTED', changeSource: 'INTEGRATION' });
    expect((await send([hs.eventFor(ours!)])).json).toMatchObject({ queued: 1 });
    await sync();
    expect((await leadOfContact(contact.id))?.stage).toBe('SQL');
    expect(echoes()).toBe(echoesBefore + 1);

    // A person disqualifies the contact in HubSpot: the lead follows, with the configured reason.
    await send([hs.setContactPropertyInCrm(contact.id, 'hs_lead_status', 'UNQUALIFIED')]);
    await sync();
    expect((await leadOfContact(contact.id))?.stage).toBe('Disqualified');
    expect(hs.contacts.get(contact.id)?.properties.baton_lost_reason).toBe('other');
  });

  it('a deal stage change in HubSpot moves the card', async () => {
    const { contact, lead } = await contactFromHubspot('petra@bluebird.example', ['Petra', 'Novak']);
    const dealId = hs.addDeal(
      { dealname: 'Bluebird', dealstage: 'appointmentscheduled', amount: '5000', deal_currency_code: 'USD' },
      [contact.id],
    );
    const won = t.baton.context.configs.for(TEAM_ID).funnel.wonStage;
    await send([hs.setDealStageInCrm(dealId, 'closedwon')]);
    await sync();
    expect((await leadOfContact(contact.id))?.stage).toBe(won);
    const card = slack.messages('C0LEADS').find((m) => m.ts === lead.card_ts);
    expect(JSON.stringify(card?.blocks)).toContain(won);
    // A deal stage the mapping does not name changes nothing.
    await send([hs.setDealStageInCrm(dealId, 'contractsent')]);
    await sync();
    expect((await leadOfContact(contact.id))?.stage).toBe(won);
  });
});

describe('HubSpot failing', () => {
  it('down for an hour: nothing is lost and nothing is sent twice', async () => {
    hs.down = true;
    const { contact, event } = hs.createContactInCrm({
      email: 'quinn@outage.example',
      firstname: 'Quinn',
      lastname: 'Ray',
    });
    expect((await send([event])).status).toBe(200); // stored before HubSpot is called
    const failedBefore = hs.calls.filter((c) => c.status === 503).length;
    for (let minute = 0; minute < 60; minute += 5) {
      await sync();
      t.clock.advanceMinutes(5);
    }
    expect(hs.calls.filter((c) => c.status === 503).length).toBeGreaterThan(failedBefore + 3);
    expect(await leadOfContact(contact.id)).toBeUndefined();
    expect(await tasks('dead')).toEqual([]);

    hs.down = false;
    t.clock.advanceMinutes(5);
    await sync();
    const lead = await leadOfContact(contact.id);
    expect(lead).toBeDefined();

    // HubSpot fails between the contact's update and its note: only the note is tried again.
    hs.failNext({ status: 503 }, 2, '/crm/v3/objects/notes');
    await claimCard(t, 'U0SDR0001', lead!.id, lead!.card_ts);
    for (let round = 0; round < 5; round++) {
      await sync();
      t.clock.advanceMinutes(5);
    }
    await sync();
    expect(hs.pendingFailures).toBe(0);
    expect(hs.notesOf(contact.id).map((n) => n.properties.hs_note_body)).toEqual([
      'Lead created in Baton (segment smb, stage SQL).',
      'Owner in Baton: U0SDR0001.',
    ]);
    const patches = hs.callsTo('PATCH', `/crm/v3/objects/contacts/${contact.id}`);
    expect(patches.map((c) => Object.keys((c.body as { properties: object }).properties).sort())).toEqual([
      ['hs_lead_status', 'lifecyclestage'],
      ['hubspot_owner_id'],
    ]);
    expect(
      [...hs.contacts.values()].filter((c) => c.properties.email === 'quinn@outage.example'),
    ).toHaveLength(1);
    expect(await tasks('pending')).toEqual([]);

    // /metrics counts HubSpot's answers, the outage's 503s included.
    const metrics = await (await fetch(`${t.baseUrl}/metrics`)).text();
    const count = (labels: string) =>
      Number(new RegExp(`^baton_hubspot_calls_total\\{${labels}\\} (\\d+)$`, 'm').exec(metrics)?.[1] ?? 0);
    expect(count('operation="contacts.get",status="503"')).toBe(
      hs.calls.filter(
        (c) => c.method === 'GET' && c.path.startsWith('/crm/v3/objects/contacts/') && c.status === 503,
      ).length,
    );
    expect(count('operation="notes.create",status="503"')).toBe(2);
    expect(metrics).toMatch(/^baton_hubspot_pending 0$/m);
  });

  it('429: waits as long as HubSpot says, then writes', async () => {
    const { contact, lead } = await contactFromHubspot('rae@limits.example', ['Rae', 'Moon']);
    hs.failNext({ status: 429, retryAfter: 30 }, 1, '/crm/v3/objects/contacts/');
    await claimCard(t, 'U0SDR0001', lead.id, lead.card_ts);
    await sync();
    const limited = hs.calls.filter((c) => c.status === 429).length;
    expect(limited).toBe(1);
    t.clock.advance(20_000);
    const before = hs.calls.length;
    await sync();
    expect(hs.calls.length).toBe(before); // still inside HubSpot's 30 s
    t.clock.advance(11_000);
    await sync();
    expect(hs.contacts.get(contact.id)?.properties.hubspot_owner_id).toBe(soraOwner);
  });

  it('a write HubSpot refuses (400) is given up and shown to admins', async () => {
    await t.setConfig(`${HANDOFF_YAML}${HUBSPOT_YAML}  lead_statuses: { SQL: QUALIFIED }\n`);
    hs.createContactInCrm({ email: 'sam@refused.example', firstname: 'Sam', lastname: 'Roe' });
    const { event } = hs.createContactInCrm({
      email: 'sam2@refused.example',
      firstname: 'Sam',
      lastname: 'Two',
    });
    await send([event]);
    await sync();
    const dead = await tasks('dead');
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatchObject({ kind: 'lead.created' });
    expect(dead[0]!.last_error).toContain('QUALIFIED was not one of the allowed options');
    await t.driver.event({ type: 'app_home_opened', user: 'U0MGR0001', tab: 'home' });
    const home = await t.slack.waitForCall('views.publish', { user_id: 'U0MGR0001' });
    expect(JSON.stringify(home.args.view)).toContain('could not be written to HubSpot');
    await t.setConfig(`${HANDOFF_YAML}${HUBSPOT_YAML}`);
  });
});

describe('POST /crm/hubspot/webhooks refuses what HubSpot did not send', () => {
  const event = { eventId: 990001, subscriptionType: 'contact.creation', objectId: 5, occurredAt: 1 };

  it('a wrong signature is 401', async () => {
    const res = await send([event], { signature: 'bm90IHRoZSBzaWduYXR1cmU=' });
    expect(res.status).toBe(401);
    expect(res.json.message).toContain('does not match');
  });

  it('a signature made with another secret is 401', async () => {
    const res = await hs.sendWebhook(webhookUrl(), [event], {
      secret: 'another-secret',
      timestamp: t.clock.now().getTime(),
    });
    expect(res.status).toBe(401);
  });

  it('a timestamp older than 5 minutes is 401, even correctly signed', async () => {
    const res = await send([event], { timestamp: t.clock.now().getTime() - 5 * 60_000 - 1 });
    expect(res.status).toBe(401);
    expect(res.json.message).toContain('5 minutes');
  });

  it('a bad body is 400 naming the field', async () => {
    const res = await send([{ ...event, objectId: 'five' }]);
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ error: 'invalid_body', field: '[0].objectId' });
    const notJson = await send([], { raw: '{"eventId":' });
    expect(notJson.status).toBe(400);
    expect(notJson.json).toMatchObject({ error: 'invalid_json', field: '(body)' });
    const notArray = await send([], { raw: '{"eventId":1}' });
    expect(notArray.json).toMatchObject({ error: 'invalid_body', field: '(body)' });
    const [{ n } = { n: -1 }] = await t.database.rows<{ n: number }>(
      sql`select count(*)::int as n from hubspot_tasks where dedupe_key = 'hubspot:990001'`,
    );
    expect(n).toBe(0);
  });
});
