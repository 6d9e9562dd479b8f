/** Sample data for the strict Block Kit checks: realistic values, and the longest and nastiest allowed. */
import type { LeadRow } from '../../../../src/db/queries/leads.js';
import { LEAD_FIELD_MAX_LENGTH } from '../../../../src/domain/lead-input.js';

export const NOW = new Date('2026-12-02T10:20:00Z');
export const users = (n: number, prefix = 'U0SDR') =>
  Array.from({ length: n }, (_, i) => `${prefix}${String(i + 1).padStart(4, '0')}`);

/** User text made of every mrkdwn special and a channel ping; escaping makes it up to five times longer. */
const SPECIALS = '<!channel> & *b* _i_ ~s~ `c` <@U0AAA> <https://x.io|y> > 한글\n';

/** User text of exactly `length` characters, full of mrkdwn specials. */
export const nasty = (length: number) =>
  SPECIALS.repeat(Math.ceil(length / SPECIALS.length)).slice(0, length);
/** Text of exactly `length` `&`s: each one is five characters once escaped. */
export const ampersands = (length: number) => '&'.repeat(length);
export const korean = (length: number) =>
  '가나다라마바사아자차카타파하'.repeat(Math.ceil(length / 14)).slice(0, length);

export function lead(id: number, over: Partial<LeadRow> = {}): LeadRow {
  const at = new Date('2026-12-01T09:00:00Z');
  return {
    id,
    teamId: 'T0TEST',
    source: 'website',
    externalId: null,
    email: `lead${id}@acme.io`,
    name: `Kim Minji ${id}`,
    company: 'Acme',
    title: 'Head of Sales',
    phone: '+82 10 1234 5678',
    companySize: 20,
    industry: null,
    website: 'https://acme.io',
    message: 'We would like a demo next week.',
    form: 'demo_request',
    utm: {},
    extra: {},
    emailDomain: 'acme.io',
    segment: 'smb',
    stage: 'SAL',
    stageEnteredAt: at,
    furthestStage: 'SAL',
    amount: null,
    currency: null,
    competitor: null,
    stageReason: null,
    revisitOn: null,
    score: 40,
    routed: true,
    ownerId: 'U0SDR0001',
    ownerSince: at,
    marketerId: null,
    cardChannel: 'C0LEADS',
    cardTs: `17000000${id}.000100`,
    contextCount: 2,
    slaDueAt: new Date('2026-12-01T10:00:00Z'),
    slaState: 'running',
    firstTouchAt: null,
    firstTouchChannel: null,
    firstTouchBusinessMinutes: null,
    importId: null,
    createdAt: at,
    updatedAt: at,
    ...over,
  };
}

/** Every text field of a lead at its longest, with what escaping makes longest. */
export function worstLead(id: number, over: Partial<LeadRow> = {}): LeadRow {
  const max = LEAD_FIELD_MAX_LENGTH;
  return lead(id, {
    email: `${'a'.repeat(max.email - 9)}@acme.io`.slice(0, max.email),
    name: nasty(max.name),
    company: ampersands(max.company),
    title: nasty(max.title),
    phone: ampersands(max.phone),
    website: `https://${ampersands(max.website - 8)}`,
    message: nasty(max.message),
    form: ampersands(max.form),
    source: ampersands(max.source),
    segment: 'segment_with_a_long_name_32_char',
    stage: 'Opportunity',
    contextCount: 999,
    score: 100,
    ...over,
  });
}

/** A plain lead and the worst one, owned and unowned. */
export const leadsToTry = () => [
  lead(1),
  lead(2, { ownerId: null, slaState: null, slaDueAt: null, company: null, title: null, website: null }),
  worstLead(999_999_999),
  worstLead(999_999_998, { ownerId: null, firstTouchAt: null }),
  lead(3, { name: null, email: null, company: '한국 주식회사', slaState: 'breached' }),
  lead(4, { slaState: 'met', firstTouchBusinessMinutes: 12, firstTouchAt: NOW }),
];
