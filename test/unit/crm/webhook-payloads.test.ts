import { describe, expect, it } from 'vitest';
import {
  actionItemToBaton,
  leadEventToBaton,
  mapLeadEvent,
  vocEntryToBaton,
} from '../../../src/crm/event-mapping.js';
import type { BatonEvent } from '../../../src/crm/events.js';
import { buildPayload, testPayload } from '../../../src/crm/webhooks/payload.js';
import type { LeadRow } from '../../../src/db/queries/leads.js';
import { documentedSchemas } from './webhook-schemas.js';

const AT = new Date('2026-12-07T01:02:03.000Z');
const check = documentedSchemas();

const LEAD: LeadRow = {
  id: 7,
  teamId: 'T0BATON',
  source: 'website',
  externalId: 'form-7',
  email: 'dana@acme.example',
  name: 'Dana Deal',
  company: 'Acme',
  title: 'CTO',
  phone: null,
  companySize: 20,
  industry: null,
  website: null,
  message: 'private message',
  form: 'demo_request',
  utm: {},
  extra: { secret_note: 'x' },
  emailDomain: 'acme.example',
  segment: 'smb',
  stage: 'SQL',
  stageEnteredAt: AT,
  furthestStage: 'SQL',
  amount: null,
  currency: null,
  competitor: null,
  stageReason: null,
  revisitOn: null,
  score: 40,
  routed: true,
  ownerId: 'U0SDR0001',
  ownerSince: AT,
  marketerId: null,
  cardChannel: 'C0LEADS',
  cardTs: '1796598528.000100',
  contextCount: 0,
  slaDueAt: AT,
  slaState: 'running',
  firstTouchAt: null,
  firstTouchChannel: null,
  firstTouchBusinessMinutes: null,
  createdAt: AT,
  updatedAt: AT,
  importId: null,
};

const row = (type: string, data: Record<string, unknown>, actorId: string | null = 'U0SDR0001') => ({
  id: 42,
  teamId: 'T0BATON',
  leadId: 7,
  type,
  actorId,
  data,
  occurredAt: AT,
});

describe('lead events → Baton events', () => {
  it('maps every owner change to lead.assigned with how', () => {
    expect(mapLeadEvent('claimed', { owner: 'U1' }, 'U1')).toEqual({
      type: 'lead.assigned',
      data: { how: 'claim', from: null, to: 'U1' },
    });
    expect(mapLeadEvent('accepted', { offeredAt: AT.toISOString() }, 'U2')?.data).toEqual({
      how: 'accept',
      from: null,
      to: 'U2',
      offered_at: AT.toISOString(),
    });
    // A person assigns an unowned lead; the router assigns (round robin) or moves it on (SLA reassign).
    expect(mapLeadEvent('assigned', { from: null, to: 'U2', reason: 'knows them' }, 'U9')?.data).toEqual({
      how: 'assign',
      from: null,
      to: 'U2',
      reason: 'knows them',
    });
    expect(
      mapLeadEvent(
        'assigned',
        { from: 'U1', to: 'U2', reason: null, method: 'round_robin', trigger: 'sla_reassign', offer: false },
        null,
      )?.data,
    ).toEqual({
      how: 'reassign',
      from: 'U1',
      to: 'U2',
      reason: null,
      method: 'round_robin',
      trigger: 'sla_reassign',
      offer: false,
    });
    expect(mapLeadEvent('reassigned', { from: 'U1', to: 'U2', reason: null }, 'U9')?.data).toMatchObject({
      how: 'reassign',
      from: 'U1',
      to: 'U2',
    });
    expect(mapLeadEvent('released', { from: 'U1', to: null, reason: null }, 'U1')?.data).toEqual({
      how: 'release',
      from: 'U1',
      to: null,
    });
  });

  it('publishes the SLA breach step only, and drops internal bookkeeping', () => {
    expect(
      mapLeadEvent('sla_step', { step: 2, action: 'breach', late: false, dueAt: AT.toISOString() }, null),
    ).toEqual({
      type: 'lead.sla_breached',
      data: { step: 2, due_at: AT.toISOString(), late: false },
    });
    expect(mapLeadEvent('sla_step', { step: 0, action: 'nudge' }, null)).toBeNull();
    for (const type of [
      'sla_step_skipped',
      'passed',
      'held',
      'left_unassigned',
      'resubmitted',
      'activity',
      'cadence_step',
    ])
      expect(mapLeadEvent(type, {}, null)).toBeNull();
  });

  it('keeps the facts of a first touch and a stage move, snake_case', () => {
    expect(
      mapLeadEvent(
        'first_touch',
        { kind: 'call', via: 'slack', minutes: 12.5, met: true, activity_id: 3 },
        'U1',
      )?.data,
    ).toEqual({ kind: 'call', via: 'slack', minutes: 12.5, met_sla: true });
    expect(
      mapLeadEvent(
        'stage_changed',
        { from: 'SQL', to: 'Lost', via: 'slack', reason: 'price', competitor: 'Rival' },
        'U1',
      )?.data,
    ).toEqual({
      from: 'SQL',
      to: 'Lost',
      via: 'slack',
      reason: 'price',
      competitor: 'Rival',
      amount: null,
      currency: null,
      revisit_on: null,
      note: null,
    });
  });

  it('gives each event a stable id from its source row', () => {
    expect(
      leadEventToBaton(row('created', { segment: 'smb', stage: 'SQL', score: 40, routed: true }))?.id,
    ).toBe('lead_events:42');
    expect(leadEventToBaton(row('passed', {}))).toBeNull();
  });
});

describe('payloads match the documented schemas', () => {
  const leadEvents: Array<[string, Record<string, unknown>]> = [
    ['created', { segment: 'smb', stage: 'SQL', score: 40, because: ['x'], routed: true }],
    ['claimed', { owner: 'U0SDR0001' }],
    ['accepted', { offeredAt: AT.toISOString() }],
    [
      'assigned',
      { from: null, to: 'U2', reason: null, method: 'round_robin', trigger: 'intake', offer: true },
    ],
    ['reassigned', { from: 'U1', to: 'U2', reason: 'holiday' }],
    ['released', { from: 'U1', to: null, reason: null }],
    ['first_touch', { kind: 'email', via: 'api', minutes: 3, met: false }],
    ['sla_step', { step: 1, action: 'breach', late: true, dueAt: AT.toISOString() }],
    ['stage_changed', { from: 'SQL', to: 'Opportunity', via: 'api', amount: 1200, currency: 'USD' }],
    ['context_added', { context_id: 5 }],
  ];

  it.each(leadEvents)('%s', (type, data) => {
    const event = leadEventToBaton(row(type, data))!;
    const payload = buildPayload(event, LEAD);
    expect(check(payload)).toEqual([]);
    expect(payload.schema).toBe(`baton.${event.type}/1`);
    // Only the documented lead fields leave Baton: not the form message, not unmapped intake fields.
    expect(JSON.stringify(payload)).not.toContain('private message');
    expect(JSON.stringify(payload)).not.toContain('secret_note');
    expect(payload.lead?.slack_url).toBe(
      'https://slack.com/app_redirect?team=T0BATON&channel=C0LEADS&message_ts=1796598528.000100',
    );
  });

  it('voc.captured, with and without a lead', () => {
    const voc = {
      id: 3,
      teamId: 'T0BATON',
      quote: 'Too pricey <for> us',
      category: 'pricing',
      competitor: null,
      leadId: 7,
      account: null,
      sentiment: 'negative' as const,
      tags: ['pricing'],
      sourceChannel: 'C0X',
      sourceTs: '1.2',
      sourceThreadTs: null,
      sourceAuthorId: 'U0SDR0001',
      sourcePermalink: 'https://acme.slack.com/archives/C0X/p12',
      capturedBy: 'U0SDR0001',
      via: 'reaction' as const,
      routedChannel: null,
      routedTs: null,
      viewId: null,
      createdAt: AT,
      updatedAt: AT,
      updatedBy: null,
    };
    const event: BatonEvent = vocEntryToBaton(voc);
    expect(check(buildPayload(event, LEAD))).toEqual([]);
    expect(check(buildPayload({ ...event, leadId: null }, null))).toEqual([]);
    expect(event.data.quote).toBe('Too pricey <for> us'); // JSON, not mrkdwn: sent as written
  });

  it('retro.action_item and webhook.test', () => {
    const item = actionItemToBaton({
      id: 9,
      teamId: 'T0BATON',
      retroId: 2,
      firstRetroId: 1,
      text: 'Call back every demo request within the hour',
      ownerId: 'U0MGR0001',
      dueOn: '2026-12-14',
      status: 'open',
      carryCount: 0,
      createdBy: 'U0MGR0001',
      sourceChannel: null,
      sourceTs: null,
      viewId: null,
      closedAt: null,
      closedBy: null,
      createdAt: AT,
      updatedAt: AT,
    });
    expect(check(buildPayload(item, null))).toEqual([]);
    expect(check(testPayload('T0BATON', 'test:1', 'crm', 'U0MGR0001', AT))).toEqual([]);
  });

  it('the schemas refuse what they do not document', () => {
    const payload = buildPayload(leadEventToBaton(row('claimed', { owner: 'U1' }))!, LEAD);
    expect(check({ ...payload, data: { ...payload.data, how: 'steal' } })).not.toEqual([]);
    expect(check({ ...payload, extra: 1 })).not.toEqual([]);
  });
});
