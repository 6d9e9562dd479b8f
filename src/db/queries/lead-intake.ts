import type { LeadInput } from '../../domain/lead-input.js';
import type { Queryable, Statement } from '../client.js';
import type { LeadRow } from './leads.js';
import { queryText } from './raw.js';
import type { AccountMatch } from './routing.js';

/**
 * Intake's writes folded into one statement (one round trip, prepared once per connection): the
 * duplicate check (same external_id, else the newest lead with this email inside the window), and
 * only when there is none the lead, its `created` event, its stage arrival, its card in the outbox,
 * the account-match lookup and the jobs known before routing runs. Data-modifying CTEs all see the
 * same snapshot, so the caller must take the email's advisory lock in an earlier statement.
 * With $34 (common case only) it also writes nothing when an account lead is found.
 */
const INTAKE_SQL = `
with dup as (
  select id, routed from (
    select id, routed, 0 as rank from leads
      where $3::text is not null and team_id = $1::text and source = $2::text and external_id = $3::text
    union all
    (select id, routed, 1 as rank from leads
      where $25::timestamptz is not null and team_id = $1::text and lower(email) = $26::text
        and created_at >= $25::timestamptz
      order by created_at desc limit 1)
  ) found order by rank limit 1
),
acct as (
  select id, owner_id, email_domain from leads
    where $29::boolean and team_id = $1::text and owner_id is not null
      and stage in (select jsonb_array_elements_text($32::jsonb))
      and (email_domain = $30::text or lower(btrim(company)) = $31::text)
    order by owner_since desc, id desc limit 1
),
ins as (
  insert into leads (team_id, source, external_id, email, email_domain, name, company, title, phone,
    company_size, industry, website, message, form, utm, extra, segment, stage, stage_entered_at,
    furthest_stage, score, routed, marketer_id, sla_due_at, sla_state, created_at, updated_at, import_id)
  select $1::text, $2::text, $3::text, $4::text, $5::text, $6::text, $7::text, $8::text, $9::text,
    $10::int, $11::text, $12::text, $13::text, $14::text, $15::jsonb, $16::jsonb, $17::text, $18::text,
    $24::timestamptz, $18::text, $19::int, $20::boolean, $21::text, $22::timestamptz, $23::text,
    $24::timestamptz, $24::timestamptz, $35::bigint
  where not exists (select 1 from dup) and not ($34::boolean and exists (select 1 from acct))
  returning id, team_id, stage, segment, source, created_at
),
created as (
  insert into lead_events (team_id, lead_id, type, data, occurred_at)
  select team_id, id, 'created', $27::jsonb, $24::timestamptz from ins
),
arrival as (
  insert into stage_changes (team_id, lead_id, from_stage, to_stage, entered_at, via, segment, source)
  select team_id, id, null, stage, created_at, 'intake', segment, source from ins
),
card as (
  insert into outbox (team_id, method, channel, args, lead_id, purpose, dedupe_key, status, attempts,
    next_attempt_at, created_at)
  select team_id, 'chat.postMessage', $28::text, '{}'::jsonb, id, 'lead_card', 'lead_card:' || id,
    'pending', 0, $24::timestamptz, $24::timestamptz
  from ins where $28::text is not null
  on conflict (team_id, dedupe_key) do nothing
),
queued as (
  insert into jobs (team_id, kind, dedupe_key, payload, run_at, created_at, updated_at)
  select ins.team_id, j.job->>'kind', (j.job->>'keyPrefix') || ins.id || (j.job->>'keySuffix'),
    (j.job->'payload') || jsonb_build_object('leadId', ins.id), (j.job->>'runAt')::timestamptz,
    $24::timestamptz, $24::timestamptz
  from ins, jsonb_array_elements($33::jsonb) with ordinality as j(job, ord)
  where not exists (select 1 from acct)
  order by j.ord
  on conflict do nothing
)
select 'duplicate' as kind, id::text as id, routed,
  null::text as match_id, null::text as match_owner, null::text as match_domain
from dup
union all
select 'account', null, null, acct.id::text, acct.owner_id, acct.email_domain
from acct where $34::boolean and not exists (select 1 from dup)
union all
select 'created', ins.id::text, $20::boolean, acct.id::text, acct.owner_id, acct.email_domain
from ins left join acct on true`;

/** A job to queue with the lead; `leadId` is added to its payload and its key is prefix + id + suffix. */
export interface IntakeJob {
  kind: string;
  runAt: Date;
  payload: Record<string, unknown>;
  keyPrefix: string;
  keySuffix: string;
}

export interface IntakeWrite {
  teamId: string;
  input: LeadInput;
  marketerId: string | null;
  /** The bulk import the lead comes from, if any. */
  importId: number | null;
  segment: string;
  stage: string;
  score: number;
  routed: boolean;
  slaDueAt: Date | null;
  now: Date;
  /** A lead with this email created at or after this is a duplicate; null: no email check. */
  duplicateSince: Date | null;
  /** The `created` event's data. */
  createdEvent: Record<string, unknown>;
  /** Where the card goes; null: no card (an unrouted lead). */
  cardChannel: string | null;
  /** Look up the newest owned lead of the same account (open or won stages); null: do not. */
  accountMatch: { domain: string | null; company: string | null; stages: readonly string[] } | null;
  /** Queued only when no account lead was found (routing then decides in its own statements). */
  jobs: readonly IntakeJob[];
}

export type IntakeOutcome =
  | { kind: 'duplicate'; leadId: number; routed: boolean }
  /** Common case only: an account lead was found, so nothing was written. */
  | { kind: 'account' }
  | {
      kind: 'created';
      lead: LeadRow;
      /** The account's owned lead, if looked up and found; then `jobs` were not queued. */
      accountLead: AccountMatch | null;
    };

interface OutcomeRow {
  kind: 'duplicate' | 'account' | 'created';
  id: string;
  routed: boolean;
  match_id: string | null;
  match_owner: string | null;
  match_domain: string | null;
}

/** The lock that serialises intake of one email address (take it before the intake statement). */
export function intakeLock(teamId: string, email: string): Statement {
  return { text: 'select pg_advisory_xact_lock(hashtext($1::text))', params: [`${teamId}:${email}`] };
}

/** Runs the intake statement inside the caller's transaction (after `intakeLock`). */
export async function writeIntake(q: Queryable, w: IntakeWrite): Promise<IntakeOutcome> {
  const statement = intakeStatement(w, false);
  return readIntake(await queryText(q, statement.text, statement.params), w);
}

/**
 * The intake statement. `commonCaseOnly`: write nothing unless the lead is new and has no account
 * lead, so the caller may commit at once and do anything else in a transaction of its own.
 */
export function intakeStatement(w: IntakeWrite, commonCaseOnly: boolean): Statement {
  const { input, now } = w;
  const match = w.accountMatch;
  const lookUp = lookUpAccount(match);
  const params = [
    w.teamId,
    input.source,
    input.externalId,
    input.email,
    input.emailDomain,
    input.name,
    input.company,
    input.title,
    input.phone,
    input.companySize,
    input.industry,
    input.website,
    input.message,
    input.form,
    JSON.stringify(input.utm),
    JSON.stringify(input.extra),
    w.segment,
    w.stage,
    w.score,
    w.routed,
    w.marketerId,
    w.slaDueAt?.toISOString() ?? null,
    w.slaDueAt ? 'running' : null,
    now.toISOString(),
    w.duplicateSince?.toISOString() ?? null,
    input.email ? input.email.toLowerCase() : null,
    JSON.stringify(w.createdEvent),
    w.cardChannel,
    lookUp,
    lookUp ? match.domain : null,
    lookUp ? match.company : null,
    JSON.stringify(lookUp ? match.stages : []),
    JSON.stringify(w.jobs.map((j) => ({ ...j, runAt: j.runAt.toISOString() }))),
    commonCaseOnly,
    w.importId,
  ];
  return { text: INTAKE_SQL, params };
}

function lookUpAccount(
  match: IntakeWrite['accountMatch'],
): match is NonNullable<IntakeWrite['accountMatch']> {
  return match !== null && (match.domain !== null || match.company !== null) && match.stages.length > 0;
}

/** What the intake statement did, from its rows. */
export function readIntake(rows: readonly unknown[], w: IntakeWrite): IntakeOutcome {
  const { input, now } = w;
  const match = w.accountMatch;
  const lookUp = lookUpAccount(match);
  const slaState = w.slaDueAt ? ('running' as const) : null;
  const row = rows[0] as OutcomeRow | undefined;
  if (!row) throw new Error('intake statement returned no row');
  if (row.kind === 'duplicate') return { kind: 'duplicate', leadId: Number(row.id), routed: row.routed };
  if (row.kind === 'account') return { kind: 'account' };
  const lead: LeadRow = {
    id: Number(row.id),
    teamId: w.teamId,
    source: input.source,
    externalId: input.externalId,
    email: input.email,
    emailDomain: input.emailDomain,
    name: input.name,
    company: input.company,
    title: input.title,
    phone: input.phone,
    companySize: input.companySize,
    industry: input.industry,
    website: input.website,
    message: input.message,
    form: input.form,
    utm: input.utm,
    extra: input.extra,
    segment: w.segment,
    stage: w.stage,
    stageEnteredAt: now,
    furthestStage: w.stage,
    amount: null,
    currency: null,
    competitor: null,
    stageReason: null,
    revisitOn: null,
    score: w.score,
    routed: w.routed,
    ownerId: null,
    ownerSince: null,
    marketerId: w.marketerId,
    cardChannel: null,
    cardTs: null,
    contextCount: 0,
    slaDueAt: w.slaDueAt,
    slaState,
    firstTouchAt: null,
    firstTouchChannel: null,
    firstTouchBusinessMinutes: null,
    createdAt: now,
    updatedAt: now,
    importId: w.importId,
  };
  const accountLead: AccountMatch | null =
    lookUp && row.match_id && row.match_owner
      ? {
          leadId: Number(row.match_id),
          ownerId: row.match_owner,
          by: match.domain && row.match_domain === match.domain ? 'domain' : 'company',
        }
      : null;
  return { kind: 'created', lead, accountLead };
}
