-- Group commit for webhook intake (issue 16): `select * from intake_leads($1::jsonb, $2::text[])`
-- does what intake_lead (0029) does in its common case, for many leads in one statement and one
-- transaction. It takes every row's email advisory lock first, in the order the caller sorted them
-- (the bulk import's lockEmails sorts the same way, so no two batches or imports deadlock), then in
-- a statement of its own (a fresh READ COMMITTED snapshot: it sees every lead committed by whoever
-- held a lock before) looks up each row's duplicate (same external_id, else the newest lead with
-- its email inside the window) and account lead, and writes only the rows with neither: the lead,
-- its `created` event, its stage arrival, its card in the outbox and its jobs. Rows with a
-- duplicate or an account lead are written nothing and answered so; the caller finishes them in
-- transactions of their own, as after intake_lead. The caller never puts two rows with the same
-- email or external_id in one batch (the later one waits for the next), so the rows are independent.
CREATE FUNCTION intake_leads(batch jsonb, locks text[]) RETURNS TABLE (row_n int, outcome text, lead text)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  k text;
BEGIN
  FOREACH k IN ARRAY locks LOOP
    PERFORM pg_advisory_xact_lock(hashtext(k));
  END LOOP;
  RETURN QUERY
  with src as materialized (
    select * from jsonb_to_recordset(batch) as s(n int, team_id text, source text, external_id text,
      email text, email_domain text, name text, company text, title text, phone text, company_size int,
      industry text, website text, message text, form text, utm jsonb, extra jsonb, segment text,
      stage text, score int, routed boolean, marketer_id text, sla_due_at timestamptz, sla_state text,
      at timestamptz, since timestamptz, email_lower text, created_event jsonb, card_channel text,
      look_up boolean, domain text, company_key text, stages jsonb, jobs jsonb, import_id bigint)
  ),
  decided as materialized (
    select s.*,
      coalesce(
        (select l.id from leads l
          where s.external_id is not null and l.team_id = s.team_id and l.source = s.source
            and l.external_id = s.external_id limit 1),
        (select l.id from leads l
          where s.since is not null and l.team_id = s.team_id and lower(l.email) = s.email_lower
            and l.created_at >= s.since
          order by l.created_at desc limit 1)) as dup_id,
      s.look_up and exists (select 1 from leads l
        where l.team_id = s.team_id and l.owner_id is not null
          and l.stage in (select jsonb_array_elements_text(s.stages))
          and (l.email_domain = s.domain or lower(btrim(l.company)) = s.company_key)) as acct
    from src s
  ),
  stored as materialized (
    select d.*, nextval('leads_id_seq') as new_id
    from (select * from decided where dup_id is null and not acct order by n) d
  ),
  ins as (
    insert into leads (id, team_id, source, external_id, email, email_domain, name, company, title, phone,
      company_size, industry, website, message, form, utm, extra, segment, stage, stage_entered_at,
      furthest_stage, score, routed, marketer_id, sla_due_at, sla_state, created_at, updated_at, import_id)
    overriding system value
    select new_id, team_id, source, external_id, email, email_domain, name, company, title, phone,
      company_size, industry, website, message, form, utm, extra, segment, stage, at, stage, score,
      routed, marketer_id, sla_due_at, sla_state, at, at, import_id
    from stored order by n
  ),
  created as (
    insert into lead_events (team_id, lead_id, type, data, occurred_at)
    select team_id, new_id, 'created', created_event, at from stored order by n
  ),
  arrival as (
    insert into stage_changes (team_id, lead_id, from_stage, to_stage, entered_at, via, segment, source)
    select team_id, new_id, null, stage, at, 'intake', segment, source from stored order by n
  ),
  card as (
    insert into outbox (team_id, method, channel, args, lead_id, purpose, dedupe_key, status, attempts,
      next_attempt_at, created_at)
    select team_id, 'chat.postMessage', card_channel, '{}'::jsonb, new_id, 'lead_card',
      'lead_card:' || new_id, 'pending', 0, at, at
    from stored where card_channel is not null order by n
    on conflict (team_id, dedupe_key) do nothing
  ),
  queued as (
    insert into jobs (team_id, kind, dedupe_key, payload, run_at, created_at, updated_at)
    select st.team_id, j.job->>'kind', (j.job->>'keyPrefix') || st.new_id || (j.job->>'keySuffix'),
      (j.job->'payload') || jsonb_build_object('leadId', st.new_id), (j.job->>'runAt')::timestamptz,
      st.at, st.at
    from stored st, jsonb_array_elements(st.jobs) with ordinality as j(job, ord)
    order by st.n, j.ord
    on conflict do nothing
  )
  select n, 'created', new_id::text from stored
  union all
  select n, 'duplicate', dup_id::text from decided where dup_id is not null
  union all
  select n, 'account', null from decided where dup_id is null and acct;
END;
$$;
