-- Lead intake's common case in one statement (issue 16): `select * from intake_lead(...)` takes the
-- email's advisory lock, then in a statement of its own (PL/pgSQL gives each statement a fresh
-- snapshot under READ COMMITTED, so it sees every lead committed by whoever held the lock before)
-- checks for a duplicate (same external_id, else the newest lead with this email inside the
-- window), looks up the account's owned lead, and only when there is no duplicate writes the lead,
-- its `created` event, its stage arrival, its card in the outbox and the jobs known before routing
-- runs. Called alone it is its own transaction: one round trip, committed when it answers. With $34
-- (common case only) it writes nothing when an account lead is found. The lock is the one
-- intakeLock (src/db/queries/lead-intake.ts) names: `<team>:<email>`, passed as $36.
CREATE FUNCTION intake_lead(
  text, text, text, text, text, text, text, text, text, integer, text, text, text, text, jsonb, jsonb,
  text, text, integer, boolean, text, timestamptz, text, timestamptz, timestamptz, text, jsonb, text,
  boolean, text, text, jsonb, jsonb, boolean, bigint, text
) RETURNS TABLE (
  kind text, id text, routed boolean, match_id text, match_owner text, match_domain text
) LANGUAGE plpgsql AS $$
#variable_conflict use_column
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext($36));
  RETURN QUERY
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
  from ins left join acct on true;
END;
$$;
