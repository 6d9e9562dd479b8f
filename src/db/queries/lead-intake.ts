import type { LeadInput } from '../../domain/lead-input.js';
import type { Queryable, Statement } from '../client.js';
import type { LeadRow } from './leads.js';
import { queryText } from './raw.js';
import type { AccountMatch } from './routing.js';

/**
 * Intake's writes in one statement: the function `intake_lead` (drizzle/0021_intake_function.sql)
 * takes the email's advisory lock, then checks for a duplicate and writes the lead, its event, its
 * stage arrival, its card and its jobs. Sent alone it is its own transaction (one round trip,
 * committed when it answers); in a caller's transaction the lock is held until that commits.
 */
const INTAKE_SQL = `select * from intake_lead($1::text, $2::text, $3::text, $4::text, $5::text, $6::text,
  $7::text, $8::text, $9::text, $10::int, $11::text, $12::text, $13::text, $14::text, $15::jsonb,
  $16::jsonb, $17::text, $18::text, $19::int, $20::boolean, $21::text, $22::timestamptz, $23::text,
  $24::timestamptz, $25::timestamptz, $26::text, $27::jsonb, $28::text, $29::boolean, $30::text,
  $31::text, $32::jsonb, $33::jsonb, $34::boolean, $35::bigint, $36::text)`;

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

/** Runs the intake statement inside the caller's transaction (it takes the email's lock itself). */
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
    intakeLockKey(w),
  ];
  return { text: INTAKE_SQL, params };
}

/** The advisory lock that serialises intake of one email address (taken as hashtext of it). */
export const intakeLockKey = (w: IntakeWrite) => `${w.teamId}:${w.input.email}`;

/**
 * Many writes' lock keys, each once, in the one order every batch and bulk import takes them, so
 * two of them never deadlock.
 */
export const sortedLockKeys = (writes: readonly IntakeWrite[]) =>
  [...new Set(writes.map(intakeLockKey))].sort();

/** What a set-based intake statement reads from JSON to find a write's duplicate and account lead. */
export function lookupRecord(w: IntakeWrite) {
  const match = w.accountMatch;
  const lookUp = lookUpAccount(match);
  return {
    since: w.duplicateSince?.toISOString() ?? null,
    email_lower: w.input.email ? w.input.email.toLowerCase() : null,
    look_up: lookUp,
    domain: lookUp ? match.domain : null,
    company_key: lookUp ? match.company : null,
    stages: lookUp ? match.stages : [],
  };
}

/**
 * A lead's columns as a set-based intake statement reads them from JSON (jsonb_to_recordset in
 * intake_leads and in the bulk import's batch write): the input and what intake decided for it.
 */
export function leadRecord(w: IntakeWrite) {
  const { input } = w;
  return {
    source: input.source,
    external_id: input.externalId,
    email: input.email,
    email_domain: input.emailDomain,
    name: input.name,
    company: input.company,
    title: input.title,
    phone: input.phone,
    company_size: input.companySize,
    industry: input.industry,
    website: input.website,
    message: input.message,
    form: input.form,
    utm: input.utm,
    extra: input.extra,
    segment: w.segment,
    stage: w.stage,
    score: w.score,
    routed: w.routed,
    marketer_id: w.marketerId,
    sla_due_at: w.slaDueAt?.toISOString() ?? null,
    sla_state: w.slaDueAt ? 'running' : null,
    created_event: w.createdEvent,
    jobs: w.jobs.map((j) => ({ ...j, runAt: j.runAt.toISOString() })),
  };
}

/** Whether intake looks for the account's owned lead (it has a key to look by and stages to look in). */
export function lookUpAccount(
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
