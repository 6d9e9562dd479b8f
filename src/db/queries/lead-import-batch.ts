import type { Queryable } from '../client.js';
import type { ImportRowRecord } from './lead-imports.js';
import { type IntakeWrite, leadRecord, lookupRecord, sortedLockKeys } from './lead-intake.js';
import { queryText } from './raw.js';

/**
 * A bulk import's common case, set-based: a run of rows costs three statements instead of one
 * `intake_lead` per row. On PGlite most of a row's time was the database planning and running
 * that statement for one row; planned once per run, the same writes cost a fraction of it.
 * The same rules as intake_lead (drizzle/0029_intake_function.sql): the emails' advisory locks
 * first, then in a fresh statement the duplicate and account lookups, then the writes.
 */

/**
 * Whether the planner's statistics on leads are far behind the table (it holds more than twice the
 * pages they say, small tables aside). PGlite has no autovacuum: after a truncate, or as an import
 * fills a new database, it planned the lookups for an empty table (a scan of every team lead per
 * row, on an index that matches team_id only): an import of 5,000 spent seconds there.
 */
export async function leadStatsStale(q: Queryable): Promise<boolean> {
  const [row] = await queryText<{ stale: boolean }>(
    q,
    `select pg_relation_size(oid) / current_setting('block_size')::int > 2 * greatest(relpages, 0) + 8 as stale
     from pg_class where oid = 'leads'::regclass`,
    [],
  );
  return row?.stale ?? false;
}

/** Brings the planner's statistics on leads up to date (what autovacuum does on PostgreSQL). */
export async function analyzeLeads(q: Queryable): Promise<void> {
  await queryText(q, 'analyze leads', []);
}

/** What the table already holds for one row of a run, looked up under the emails' locks. */
export interface BatchLookup {
  /** The lead with the same source and external_id. */
  externalMatch: number | null;
  /** The newest lead with the same email inside the duplicate window. */
  emailMatch: number | null;
  /** An owned lead of the same account (open or won): routing must decide, row by row. */
  accountMatch: boolean;
}

/** A row's answer inside a run: stored, or a duplicate of a lead (or of an earlier row's new lead). */
export type BatchDecision =
  | { kind: 'store'; write: IntakeWrite }
  | { kind: 'duplicate'; write: IntakeWrite; leadId: number }
  | { kind: 'duplicate_of_row'; write: IntakeWrite; index: number };

/** Takes every row's email lock, in one order so two imports cannot deadlock; held until commit. */
export async function lockEmails(q: Queryable, writes: readonly IntakeWrite[]): Promise<void> {
  const keys = sortedLockKeys(writes);
  await queryText(
    q,
    'select count(*) from (select pg_advisory_xact_lock(hashtext(k)) from unnest($1::text[]) with ordinality as u(k, n) order by n) locked',
    [keys],
  );
}

const LOOKUP_SQL = `select b.i,
  (select id::text from leads
    where b.external_id is not null and team_id = $1::text and source = b.source
      and external_id = b.external_id limit 1) as external_match,
  (select id::text from leads
    where b.since is not null and team_id = $1::text and lower(email) = b.email_lower
      and created_at >= b.since order by created_at desc limit 1) as email_match,
  exists (select 1 from leads
    where b.look_up and team_id = $1::text and owner_id is not null
      and stage in (select jsonb_array_elements_text(b.stages))
      and (email_domain = b.domain or lower(btrim(company)) = b.company_key)) as account_match
from jsonb_to_recordset($2::jsonb) as b(i int, source text, external_id text, email_lower text,
  since timestamptz, look_up boolean, domain text, company_key text, stages jsonb)
order by b.i`;

/** Looks up each row's duplicate and account lead (run it after lockEmails, in the same transaction). */
export async function lookUpBatch(q: Queryable, writes: readonly IntakeWrite[]): Promise<BatchLookup[]> {
  const teamId = writes[0]?.teamId;
  if (teamId === undefined) return [];
  const rows = writes.map((w, i) => ({
    i,
    source: w.input.source,
    external_id: w.input.externalId,
    ...lookupRecord(w),
  }));
  const found = await queryText<{
    external_match: string | null;
    email_match: string | null;
    account_match: boolean;
  }>(q, LOOKUP_SQL, [teamId, JSON.stringify(rows)]);
  return found.map((r) => ({
    externalMatch: r.external_match === null ? null : Number(r.external_match),
    emailMatch: r.email_match === null ? null : Number(r.email_match),
    accountMatch: r.account_match,
  }));
}

const WRITE_SQL = `with src as (
  select s.*, nextval('leads_id_seq') as id
  from (select * from jsonb_to_recordset($3::jsonb) as s(i int, source text, external_id text,
    email text, email_domain text, name text, company text, title text, phone text, company_size int,
    industry text, website text, message text, form text, utm jsonb, extra jsonb, segment text,
    stage text, score int, routed boolean, marketer_id text, sla_due_at timestamptz, sla_state text,
    created_event jsonb, jobs jsonb) order by s.i) s
),
ins as (
  insert into leads (id, team_id, source, external_id, email, email_domain, name, company, title, phone,
    company_size, industry, website, message, form, utm, extra, segment, stage, stage_entered_at,
    furthest_stage, score, routed, marketer_id, sla_due_at, sla_state, created_at, updated_at, import_id)
  overriding system value
  select id, $1::text, source, external_id, email, email_domain, name, company, title, phone,
    company_size, industry, website, message, form, utm, extra, segment, stage, $2::timestamptz,
    stage, score, routed, marketer_id, sla_due_at, sla_state, $2::timestamptz, $2::timestamptz, $5::bigint
  from src order by i
  returning id
),
dups as (
  select d.i, coalesce(d.lead_id, src.id) as lead_id, d.data
  from jsonb_to_recordset($4::jsonb) as d(i int, lead_id bigint, of_row int, data jsonb)
  left join src on src.i = d.of_row
),
events as (
  insert into lead_events (team_id, lead_id, type, data, occurred_at)
  select $1::text, lead_id, type, data, $2::timestamptz from (
    select i, id as lead_id, 'created' as type, created_event as data from src
    union all
    select i, lead_id, 'resubmitted', data from dups
  ) e order by i
),
arrival as (
  insert into stage_changes (team_id, lead_id, from_stage, to_stage, entered_at, via, segment, source)
  select $1::text, id, null, stage, $2::timestamptz, 'intake', segment, source from src order by i
),
queued as (
  insert into jobs (team_id, kind, dedupe_key, payload, run_at, created_at, updated_at)
  select $1::text, j.job->>'kind', (j.job->>'keyPrefix') || src.id || (j.job->>'keySuffix'),
    (j.job->'payload') || jsonb_build_object('leadId', src.id), (j.job->>'runAt')::timestamptz,
    $2::timestamptz, $2::timestamptz
  from src, jsonb_array_elements(src.jobs) with ordinality as j(job, ord)
  order by src.i, j.ord
)
select src.i, src.id::text as id from src
union all
select d.i, d.lead_id::text from dups d`;

/**
 * Writes a run's decisions in one statement: each stored row's lead, `created` event, stage arrival
 * and jobs; each duplicate's `resubmitted` event. No card: an imported lead has none. Answers each
 * row's lead id, in the run's order.
 */
export async function writeBatch(
  q: Queryable,
  importId: number,
  now: Date,
  decisions: readonly BatchDecision[],
): Promise<number[]> {
  const teamId = decisions[0]?.write.teamId;
  if (teamId === undefined) return [];
  const stored = [];
  const duplicates = [];
  for (const [i, d] of decisions.entries()) {
    const { input } = d.write;
    if (d.kind === 'store') {
      stored.push({ i, ...leadRecord(d.write) });
      continue;
    }
    duplicates.push({
      i,
      lead_id: d.kind === 'duplicate' ? d.leadId : null,
      of_row: d.kind === 'duplicate_of_row' ? d.index : null,
      // As LeadService's resubmitted event has it.
      data: { source: input.source, external_id: input.externalId, form: input.form },
    });
  }
  const rows = await queryText<{ i: number; id: string }>(q, WRITE_SQL, [
    teamId,
    now.toISOString(),
    JSON.stringify(stored),
    JSON.stringify(duplicates),
    importId,
  ]);
  const ids: number[] = new Array(decisions.length);
  for (const r of rows) ids[r.i] = Number(r.id);
  return ids;
}

/**
 * Records a batch's row outcomes in one fixed statement (as recordImportRows does, a row already
 * recorded keeps its first outcome): building drizzle's 250-row insert cost more than running it.
 */
export async function recordBatchRows(q: Queryable, records: readonly ImportRowRecord[]): Promise<void> {
  if (records.length === 0) return;
  const rows = records.map((r) => ({
    import_id: r.importId,
    row: r.row,
    outcome: r.outcome,
    lead_id: r.leadId ?? null,
    errors: r.errors ?? null,
  }));
  await queryText(
    q,
    `insert into lead_import_rows (import_id, row, outcome, lead_id, errors)
     select import_id, row, outcome, lead_id, errors
     from jsonb_to_recordset($1::jsonb) as r(import_id bigint, row int, outcome text, lead_id bigint, errors jsonb)
     on conflict do nothing`,
    [JSON.stringify(rows)],
  );
}
