import { describe, expect, it } from 'vitest';
import { parseWorkspaceConfig } from '../../../src/config/workspace.js';
import type { BatonEvent } from '../../../src/crm/events.js';
import { rateLimitWaitMs } from '../../../src/crm/hubspot/client.js';
import { planHubspotWrites } from '../../../src/crm/hubspot/plan.js';
import { parseHubspotWebhook } from '../../../src/crm/hubspot/webhook-body.js';

const BASE = `channels: { leads: C0LEADS }
roster:
  - { user: U0SORA, name: Sora, roles: [sdr] }
`;
const config = (extra = '', locale = 'en') =>
  parseWorkspaceConfig(`locale: ${locale}\n${BASE}${extra}`, 'baton.yaml');

const event = (type: BatonEvent['type'], data: Record<string, unknown>): BatonEvent => ({
  id: 'lead_events:1',
  type,
  teamId: 'T1',
  leadId: 7,
  occurredAt: new Date('2026-11-23T01:00:00Z'),
  actorId: null,
  data,
});

describe('what a Baton event writes to the HubSpot contact', () => {
  it('a stage move sets lifecycle stage and lead status per the default mapping', () => {
    expect(
      planHubspotWrites(event('lead.stage_changed', { from: 'SQL', to: 'Opportunity' }), config()),
    ).toEqual({
      owner: false,
      properties: { lifecyclestage: 'opportunity', hs_lead_status: 'OPEN_DEAL' },
      note: 'Stage in Baton: SQL → Opportunity.',
    });
  });

  it('a lost deal writes reason and competitor into the configured properties, escaping the note', () => {
    const c = config(`hubspot:
  lost_reason_property: baton_lost_reason
  competitor_property: baton_competitor
  lead_statuses: { Lost: UNQUALIFIED }
  lifecycle_stages: {}
`);
    const plan = planHubspotWrites(
      event('lead.stage_changed', {
        from: 'Negotiation',
        to: 'Lost',
        reason: 'lost_to_competitor',
        competitor: 'Acme <Corp>',
        note: 'price & timing',
      }),
      c,
    );
    expect(plan).toEqual({
      owner: false,
      properties: {
        hs_lead_status: 'UNQUALIFIED',
        baton_lost_reason: 'lost_to_competitor',
        baton_competitor: 'Acme <Corp>',
      },
      note: 'Stage in Baton: Negotiation → Lost.<br>Reason: lost_to_competitor.<br>Competitor: Acme &lt;Corp&gt;.<br>Note: price &amp; timing',
    });
  });

  it('an assignment syncs the owner; a release clears it; notes follow the workspace language', () => {
    expect(planHubspotWrites(event('lead.assigned', { how: 'claim', to: 'U0SORA' }), config())).toEqual({
      owner: true,
      properties: {},
      note: 'Owner in Baton: Sora.',
    });
    expect(
      planHubspotWrites(event('lead.assigned', { how: 'release', to: null }), config('', 'ko'))?.note,
    ).toBe('Baton에서 리드가 반납되어 지금은 담당자가 없습니다.');
  });

  it('first touch writes the first-touch status; notes off writes no note', () => {
    const plan = planHubspotWrites(
      event('lead.first_touch', { kind: 'call', minutes: 12, met_sla: true }),
      config('hubspot:\n  notes: false\n'),
    );
    expect(plan).toEqual({
      owner: false,
      properties: { hs_lead_status: 'ATTEMPTED_TO_CONTACT' },
      note: null,
    });
  });

  it('events without a lead, or that write nothing, queue nothing', () => {
    expect(planHubspotWrites({ ...event('voc.captured', {}), leadId: null }, config())).toBeNull();
    expect(
      planHubspotWrites(event('lead.sla_breached', {}), config('hubspot:\n  notes: false\n')),
    ).toBeNull();
  });

  it('the config refuses a mapping that names no stage, naming the key', () => {
    expect(() => config('hubspot:\n  deal_stages: { closedwon: Wonn }\n')).toThrow(
      /hubspot\.deal_stages\.closedwon: "Wonn" is not a stage/,
    );
    expect(() => config('hubspot:\n  lead_statuses: { sql: OPEN }\n')).toThrow(/did you mean "SQL"/);
  });

  it('defaults: deals closed won/lost move to the won stage and Lost', () => {
    const c = config();
    expect(c.hubspot.dealStages).toEqual({ closedwon: c.funnel.wonStage, closedlost: 'Lost' });
    expect(c.hubspot.eventsIn).toEqual(['contact.creation', 'deal.propertyChange']);
  });
});

describe('HubSpot webhook bodies', () => {
  it('reads HubSpot’s documented event shape', () => {
    const parsed = parseHubspotWebhook([
      {
        eventId: 100,
        subscriptionId: 2,
        portalId: 3,
        appId: 4,
        occurredAt: 1,
        subscriptionType: 'deal.propertyChange',
        attemptNumber: 0,
        objectId: 9,
        propertyName: 'dealstage',
        propertyValue: 'closedwon',
        changeSource: 'CRM_UI',
        sourceId: 'userId:5',
      },
    ]);
    expect(parsed).toEqual({
      ok: true,
      events: [
        {
          eventId: 100,
          subscriptionType: 'deal.propertyChange',
          objectId: 9,
          occurredAt: 1,
          portalId: 3,
          appId: 4,
          propertyName: 'dealstage',
          propertyValue: 'closedwon',
          changeSource: 'CRM_UI',
          sourceId: 'userId:5',
        },
      ],
    });
  });

  it('names every bad field', () => {
    expect(
      parseHubspotWebhook([{ eventId: 0, subscriptionType: 'x', objectId: 1, occurredAt: 1 }, 'no']),
    ).toEqual({
      ok: false,
      errors: [
        { field: '[0].eventId', message: 'must be a positive whole number' },
        { field: '[0].subscriptionType', message: 'must be like "contact.creation"' },
        { field: '[1]', message: 'must be an event object' },
      ],
    });
    expect(
      parseHubspotWebhook([
        { eventId: 1, subscriptionType: 'contact.propertyChange', objectId: 1, occurredAt: 1 },
      ]),
    ).toMatchObject({
      ok: false,
      errors: [{ field: '[0].propertyName' }, { field: '[0].propertyValue' }],
    });
  });
});

describe('how long a 429 waits', () => {
  it('Retry-After first, then HubSpot’s rate-limit window', () => {
    expect(rateLimitWaitMs(new Headers({ 'retry-after': '3' }))).toBe(3000);
    expect(rateLimitWaitMs(new Headers({ 'x-hubspot-ratelimit-secondly-remaining': '0' }))).toBe(1000);
    expect(
      rateLimitWaitMs(
        new Headers({
          'x-hubspot-ratelimit-remaining': '0',
          'x-hubspot-ratelimit-interval-milliseconds': '10000',
        }),
      ),
    ).toBe(10_000);
    expect(rateLimitWaitMs(new Headers())).toBe(10_000);
  });
});
