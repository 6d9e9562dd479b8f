/**
 * Seeds the funnel bench's scratch database: `spec.leads` leads for the bench team and
 * `spec.otherLeads` for a second team (so every query's team filter does real work), with their
 * whole stage history in `stage_changes` (arrival included), over the two years before the bench's
 * fixed `now`. The lead history (`lead_events`) is not seeded: no report reads it.
 *
 * Seeding is set-based: one INSERT … SELECT builds every lead's path (a PL/pgSQL function walks a
 * lead through the funnel with random stays), and two more write `leads` and `stage_changes` from
 * it, so each lead row agrees with its history by construction (stage, furthest stage,
 * stage_entered_at, the left_at chain, owner, amount and competitor as carried by each move), which
 * a last query checks. A finished seed is recorded in `bench_funnel_seed`; a later run with the same
 * spec and row counts reuses it, `reseed: true` starts over.
 */
import postgres from 'postgres';
import { parseWorkspaceConfig } from '../src/config/workspace.js';
import type { Database } from '../src/db/client.js';
import { applyWorkspaceConfig } from '../src/services/workspace-setup.js';

export const BENCH_TEAM = 'T0FUNNELBENCH';
export const OTHER_TEAM = 'T0FUNNELOTHER';
/** Fixed, so a seeded database stays valid: a Friday late in Q2, when this-quarter is nearly whole. */
export const BENCH_NOW = new Date('2026-06-26T06:00:00Z');
const SPAN_DAYS = 730;
/** Bump when the shape of the seeded data changes, so old seeds are not reused. */
const SEED_VERSION = 1;

const SELLERS = 30;
const sellerId = (i: number) => `U0SELL${String(i).padStart(4, '0')}`;

/** The bench team's baton.yaml: three segments, 30 sellers (20 SDRs, 10 AEs), Seoul time. */
export const BENCH_YAML = `
locale: en
segments: [smb, mid, enterprise]
channels:
  leads: { smb: C0BENCHSMB, mid: C0BENCHMID, enterprise: C0BENCHENT }
calendar:
  time_zone: Asia/Seoul
roster:
${Array.from({ length: SELLERS }, (_, i) =>
  i < 20
    ? `  - { user: ${sellerId(i + 1)}, name: Seller ${i + 1}, roles: [sdr], manager: U0BENCHMGR1 }`
    : `  - { user: ${sellerId(i + 1)}, name: Seller ${i + 1}, roles: [ae], manager: U0BENCHMGR2 }`,
).join('\n')}
  - { user: U0BENCHMGR1, roles: [manager, admin] }
  - { user: U0BENCHMGR2, roles: [manager] }
  - { user: U0BENCHMKT1, roles: [marketer] }
  - { user: U0BENCHMKT2, roles: [marketer] }
  - { user: U0BENCHCS01, roles: [cs] }
`;

export interface SeedSpec {
  leads: number;
  otherLeads: number;
  now: Date;
}

export interface SeedResult {
  reused: boolean;
  seconds: number;
  leads: number;
  stageChanges: number;
}

/**
 * Walks one lead through the funnel from its arrival until `now_at`. Per working stage: the chance
 * of a forward move (7 % of them skip a stage), of a move back, and the mean days before the next
 * move (exponential). A lead that neither advances nor goes back leaves the funnel (Lost,
 * Disqualified, Recycle) or stalls where it is. A recycled lead reopens at MQL on its revisit day.
 * Returns the stages entered in order with their times, reasons, doors (via) and the competitor
 * each move carries, plus where the deal amount and the owner start.
 */
const PATH_FUNCTION = `
create function pg_temp.funnel_path(created timestamptz, now_at timestamptz, arrival int)
returns table (stages text[], times timestamptz[], reasons text[], vias text[], comps text[],
               furthest text, deal_from int, owner_from int, revisit timestamptz)
language plpgsql volatile as $fn$
declare
  w constant text[] := array['Lead','MQL','SAL','SQL','Opportunity','Negotiation','Closing','Retention'];
  fwd constant float8[] := array[0.35, 0.30, 0.55, 0.50, 0.60, 0.60, 0.60, 0];
  bck constant float8[] := array[0, 0, 0.05, 0.06, 0.06, 0.08, 0, 0];
  stay constant float8[] := array[4, 7, 9, 14, 21, 14, 60, 0];
  -- leaving instead: Disqualified, Lost, Recycle (nurture), the rest stalls
  dq constant float8[] := array[0.20, 0.08, 0.15, 0, 0, 0, 0, 0];
  lost constant float8[] := array[0, 0, 0.15, 0.65, 0.65, 0.65, 0, 0];
  recycle constant float8[] := array[0.55, 0.85, 0.60, 0.25, 0.25, 0.25, 0, 0];
  lost_reasons constant text[] := array['lost_to_competitor','no_budget','no_decision','timing','product_fit','other'];
  dq_reasons constant text[] := array['not_a_fit','unreachable','spam_or_fake','student_or_job_seeker',
                                      'competitor','existing_customer','duplicate','other'];
  rivals constant text[] := array['Salesforce','HubSpot','Pipedrive','Zoho','Freshsales'];
  r int := arrival;   -- current working rank (0-based), -1 in a side stage
  top int := arrival;
  t timestamptz := created;
  nxt text; why text; via text; comp text; u float8;
begin
  stages := array[w[arrival + 1]]; times := array[created]; reasons := array[null::text];
  vias := array['intake']; comps := array[null::text]; deal_from := null; owner_from := null; revisit := null;
  if arrival >= 2 then owner_from := 1; end if;
  loop
    exit when cardinality(stages) >= 40;
    why := null; via := case when random() < 0.7 then 'slack' else 'api' end;
    if r < 0 then
      exit when stages[cardinality(stages)] <> 'Recycle' or revisit > now_at;
      t := revisit; revisit := null; nxt := 'MQL'; r := 1; via := 'system';
    else
      exit when r = 7;
      t := t + greatest(0.003, -ln(1 - random()) * stay[r + 1]) * interval '1 day';
      u := random();
      if u < fwd[r + 1] then
        r := r + case when r < 5 and random() < 0.07 then 2 else 1 end;
        nxt := w[r + 1];
      elsif u < fwd[r + 1] + bck[r + 1] then
        r := r - 1; nxt := w[r + 1];
      else
        u := random();
        if u < dq[r + 1] then
          nxt := 'Disqualified'; why := dq_reasons[1 + floor(random() * 8)::int];
        elsif u < dq[r + 1] + lost[r + 1] then
          nxt := 'Lost'; why := lost_reasons[1 + floor(random() * 6)::int];
        elsif u < dq[r + 1] + lost[r + 1] + recycle[r + 1] then
          nxt := 'Recycle';
        else
          exit;  -- stalls in its stage (a won deal that does not renew stays won)
        end if;
        r := -1;
      end if;
    end if;
    exit when t > now_at;
    if nxt = 'Recycle' then revisit := t + (21 + random() * 69) * interval '1 day'; end if;
    if why = 'lost_to_competitor' or (r = 4 and comp is null and random() < 0.3) then
      comp := rivals[1 + floor(random() * 5)::int];
    end if;
    if r > top then top := r; end if;
    if deal_from is null and r >= 4 then deal_from := cardinality(stages) + 1; end if;
    if owner_from is null and r >= 2 then owner_from := cardinality(stages) + 1; end if;
    stages := stages || nxt; times := times || t; reasons := reasons || why;
    vias := vias || via; comps := comps || comp;
  end loop;
  furthest := w[top + 1];
  return next;
end $fn$`;

/**
 * One row per lead with its attributes and path, ids in arrival order (as intake would give them).
 * Arrivals grow linearly over the span (density ∝ 1 + t): the last quarter holds about 16 %.
 */
const PLAN = `
create temp table seed_plan as
select row_number() over (order by a.created_at, a.team_id) as id, a.*, p.*
from (
  select team_id, created_at,
         case when u_seg < 0.6 then 'smb' when u_seg < 0.85 then 'mid' else 'enterprise' end as segment,
         (array['website','website','ads','ads','webinar','referral','event','partner'])[1 + floor(u_src * 8)::int] as source,
         case when u_arr < 0.50 then 0 when u_arr < 0.95 then 1 when u_arr < 0.98 then 2 else 3 end as arrival,
         'U0SELL' || lpad((1 + floor(random() * ${SELLERS}))::text, 4, '0') as owner,
         case when random() < 0.2 then 'U0BENCHMKT' || (1 + floor(random() * 2))::text end as marketer,
         (array['demo_request','trial','contact','ebook','newsletter'])[1 + floor(random() * 5)::int] as form,
         round(exp(ln(20000) + 0.9 * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())))::numeric as usd,
         random() < 0.3 as krw,
         random() < 0.92 as touched,
         exp(ln(25) + 1.1 * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())) as touch_minutes
  from (
    select team_id, $3::timestamptz - make_interval(days => ${SPAN_DAYS})
             + (sqrt(1 + 3 * random()) - 1) * interval '${SPAN_DAYS} days' as created_at,
           random() as u_seg, random() as u_src, random() as u_arr
    from (select $1::text as team_id, generate_series(1, $4::int)
          union all
          select $2::text, generate_series(1, $5::int)) teams
  ) r
) a
cross join lateral pg_temp.funnel_path(a.created_at, $3::timestamptz, a.arrival) p`;

const LEADS = `
insert into leads (id, team_id, source, external_id, email, name, company, form, email_domain, segment,
                   stage, stage_entered_at, furthest_stage, amount, currency, competitor, stage_reason,
                   revisit_on, score, routed, owner_id, owner_since, marketer_id, sla_due_at, sla_state,
                   first_touch_at, first_touch_channel, first_touch_business_minutes, created_at, updated_at)
overriding system value
select id, team_id, source, 'seed-' || id, 'lead' || id || '@company' || (id % 50000) || '.example',
       'Lead ' || id, 'Company ' || (id % 50000), form, 'company' || (id % 50000) || '.example', segment,
       stages[n], times[n], furthest,
       case when deal_from is not null then case when krw then round(usd * 1300, -4) else usd end end,
       case when deal_from is not null then case when krw then 'KRW' else 'USD' end end,
       comps[n], case when stages[n] in ('Lost', 'Disqualified') then reasons[n] end,
       case when stages[n] = 'Recycle' then (revisit at time zone 'Asia/Seoul')::date end,
       10 + arrival * 25, routed, case when owner_from is not null then owner end,
       case when owner_from is not null then times[owner_from] end,
       marketer, case when routed then created_at + interval '1 hour' end,
       case when not routed then null
            when touched and created_at + touch_minutes * interval '1 minute' <= $1::timestamptz
              then case when touch_minutes <= 60 then 'met' else 'breached' end
            when created_at + interval '1 hour' <= $1::timestamptz then 'breached'
            else 'running' end,
       case when ft then created_at + touch_minutes * interval '1 minute' end,
       case when ft then (array['call','email','meeting'])[1 + (id % 3)::int] end,
       case when ft then round(touch_minutes::numeric, 1)::float8 end,
       created_at, times[n]
from (select *, cardinality(stages) as n, arrival >= 1 as routed,
             arrival >= 1 and touched and created_at + touch_minutes * interval '1 minute' <= $1::timestamptz as ft
      from seed_plan) p`;

/** Rows in time order, as the app appends them; each carries what the lead had at that move. */
const STAGE_CHANGES = `
insert into stage_changes (team_id, lead_id, from_stage, to_stage, entered_at, left_at, actor_id, via,
                           reason, competitor, amount, currency, segment, source, owner_id)
select p.team_id, p.id, p.stages[s.i - 1], s.stage, s.entered_at, p.times[s.i + 1],
       case when s.via = 'slack' and s.i >= p.owner_from then p.owner end, s.via, p.reasons[s.i], p.comps[s.i],
       case when s.i >= p.deal_from then case when p.krw then round(p.usd * 1300, -4) else p.usd end end,
       case when s.i >= p.deal_from then case when p.krw then 'KRW' else 'USD' end end,
       p.segment, p.source, case when s.i >= p.owner_from then p.owner end
from seed_plan p
cross join lateral (
  select u.stage, u.entered_at, u.via, u.i::int as i
  from unnest(p.stages, p.times, p.vias) with ordinality as u(stage, entered_at, via, i)
) s
order by s.entered_at, p.id`;

const specKey = (spec: SeedSpec) =>
  `v${SEED_VERSION} leads=${spec.leads} other=${spec.otherLeads} now=${spec.now.toISOString()}`;

async function teamCounts(sql: postgres.Sql, spec: SeedSpec): Promise<boolean> {
  const rows = await sql<{ team_id: string; n: number }[]>`
    select team_id, count(*)::int as n from leads group by team_id`;
  const count = (team: string) => rows.find((r) => r.team_id === team)?.n ?? 0;
  return rows.length === 2 && count(BENCH_TEAM) === spec.leads && count(OTHER_TEAM) === spec.otherLeads;
}

/**
 * Seeds (or reuses) the database behind `database`, which must already be migrated. `url` is the
 * same database: seeding runs on one dedicated connection (the path function is session-local).
 */
export async function seedFunnelBench(
  database: Database,
  url: string,
  spec: SeedSpec,
  options: { reseed?: boolean; log?: (line: string) => void } = {},
): Promise<SeedResult> {
  const log = options.log ?? (() => {});
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`create table if not exists bench_funnel_seed (spec text primary key, seconds float8 not null)`;
    const [done] = await sql<
      { seconds: number }[]
    >`select seconds from bench_funnel_seed where spec = ${specKey(spec)}`;
    if (!options.reseed && done && (await teamCounts(sql, spec))) {
      const [{ n } = { n: 0 }] = await sql<{ n: number }[]>`select count(*)::int as n from stage_changes`;
      return { reused: true, seconds: done.seconds, leads: spec.leads + spec.otherLeads, stageChanges: n };
    }

    const started = performance.now();
    const step = async (label: string, run: () => Promise<unknown>) => {
      const t0 = performance.now();
      await run();
      log(`  ${label}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    };
    await step('empty the database', async () => {
      await sql`truncate bench_funnel_seed`;
      await sql`truncate workspaces, leads, funnel_goals restart identity cascade`;
    });
    await step('apply the bench config to both teams', async () => {
      const config = parseWorkspaceConfig(BENCH_YAML, 'bench.yaml');
      for (const teamId of [BENCH_TEAM, OTHER_TEAM])
        await applyWorkspaceConfig(database, { teamId }, config, spec.now);
    });
    // One transaction: a run that dies half-way leaves neither rows nor dropped indexes behind.
    await sql.begin(async (tx) => {
      await tx`set local work_mem = '1GB'`;
      await tx`set local maintenance_work_mem = '1GB'`;
      // Every row is consistent by construction; skipping the per-row foreign key check saves minutes.
      await tx`set local session_replication_role = replica`;
      await tx`select setseed(0.2026)`;
      await tx.unsafe(PATH_FUNCTION);
      // Loading first and indexing after is several times faster than maintaining the indexes row by row.
      const indexes = await tx<{ name: string; definition: string }[]>`
        select indexname as name, indexdef as definition from pg_indexes
        where schemaname = 'public' and tablename in ('leads', 'stage_changes') and indexname not like '%_pkey'`;
      for (const index of indexes) await tx.unsafe(`drop index "${index.name}"`);
      await step('walk every lead through the funnel', () =>
        tx.unsafe(PLAN, [BENCH_TEAM, OTHER_TEAM, spec.now.toISOString(), spec.leads, spec.otherLeads]),
      );
      await step('insert leads', () => tx.unsafe(LEADS, [spec.now.toISOString()]));
      await step('insert stage_changes', () => tx.unsafe(STAGE_CHANGES));
      await step(`rebuild ${indexes.length} indexes`, async () => {
        for (const index of indexes) await tx.unsafe(index.definition);
      });
      await tx`select setval(pg_get_serial_sequence('leads', 'id'), (select max(id) from leads))`;
      await tx`drop table seed_plan`;
    });
    await step('vacuum analyze', () => sql`vacuum (analyze) leads, stage_changes`);
    await step('check every lead against its open stay', async () => {
      const [check] = await sql<{ mismatched: number; open: number; leads: number }[]>`
        select (select count(*) from leads l
                left join stage_changes s on s.team_id = l.team_id and s.lead_id = l.id and s.left_at is null
                where s.id is null or s.to_stage <> l.stage or s.entered_at <> l.stage_entered_at)::int as mismatched,
               (select count(*) from stage_changes where left_at is null)::int as open,
               (select count(*) from leads)::int as leads`;
      if (!check || check.mismatched > 0 || check.open !== check.leads)
        throw new Error(`seed is inconsistent: ${JSON.stringify(check)}`);
    });

    const seconds = (performance.now() - started) / 1000;
    await sql`insert into bench_funnel_seed (spec, seconds) values (${specKey(spec)}, ${seconds})`;
    const [{ n } = { n: 0 }] = await sql<{ n: number }[]>`select count(*)::int as n from stage_changes`;
    return { reused: false, seconds, leads: spec.leads + spec.otherLeads, stageChanges: n };
  } finally {
    await sql.end({ timeout: 5 });
  }
}
