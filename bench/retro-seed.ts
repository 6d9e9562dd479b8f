/**
 * Seeds what the retro bench reads on top of the funnel bench's seed (bench/funnel-seed.ts): VOC
 * entries for both teams over the same two years, cadence reminders and their answers for the bench
 * team's recent leads (the playbook review's cadence-step completion), and one old weekly retro
 * holding action items, so every retro opening carries open items over.
 *
 * Seeding is set-based (INSERT … SELECT over generate_series). A finished seed is recorded in
 * `bench_retro_seed`; a later run with the same spec and row counts reuses it. Reseeding the funnel
 * empties `leads`, which cascades to `voc_entries` and `lead_events`, so their counts no longer
 * match and this seed runs again.
 */
import postgres from 'postgres';
import { parseWorkspaceConfig } from '../src/config/workspace.js';
import type { WorkspaceConfig } from '../src/config/workspace-schema.js';
import { localInstant, shiftWeek, weekMonday } from '../src/domain/retro-calendar.js';
import { RETRO_CHART_JOB } from '../src/services/retro.js';
import { ACTION_DM_PURPOSE } from '../src/services/retro-actions.js';
import {
  RETRO_NUDGE_PURPOSE,
  RETRO_PARENT_PURPOSE,
  RETRO_PARENT_UPDATE_PURPOSE,
  RETRO_REPLY_PURPOSE,
} from '../src/services/retro-writes.js';
import { VOC_ROUTE_PURPOSE, VOC_ROUTE_UPDATE_PURPOSE } from '../src/services/voc.js';
import { BENCH_TEAM, BENCH_YAML, OTHER_TEAM } from './funnel-seed.js';

/** Bump when the shape of the seeded data changes, so old seeds are not reused. */
const SEED_VERSION = 2;
const SPAN_DAYS = 730;
/** Cadence reminders are seeded for leads created in this many days before `now`. */
const CADENCE_DAYS = 120;

/**
 * The funnel bench's config with a retro channel and the reverse flow's channels: feature requests
 * to product, objections, competitors and lead quality to marketing, churn risks to CS.
 */
export const RETRO_BENCH_YAML = BENCH_YAML.replace(
  'channels:\n',
  `channels:
  retro: C0BENCHRETRO
  voc:
    feature_request: C0BENCHPRODUCT
    objection: C0BENCHMKTG
    competitor: C0BENCHMKTG
    lead_quality: C0BENCHMKTG
    churn_risk: C0BENCHCSM
`,
);

export const retroBenchConfig = (): WorkspaceConfig => parseWorkspaceConfig(RETRO_BENCH_YAML, 'bench.yaml');

/** The week of the old retro whose action items every bench opening carries over. */
export const ANCHOR_WEEK = '2024-W25';
const ANCHOR_ITEMS = { open: 12, done: 6, dropped: 3 };

export interface RetroSeedSpec {
  vocEntries: number;
  otherVocEntries: number;
  now: Date;
}

export interface RetroSeedResult {
  reused: boolean;
  seconds: number;
  vocEntries: number;
  cadenceEvents: number;
}

/**
 * One row per entry. Captures grow with the team (density ∝ 1 + t, as the leads do). Categories,
 * competitors (with the spellings people type), tags (a skewed pool), sentiment by category, the
 * path it came in by (a reaction may still be uncategorised; the modal's keep their view id), a
 * linked lead for about a third and the reverse-flow post for the categories that have a channel.
 */
const VOC = `
insert into voc_entries (team_id, quote, category, competitor, lead_id, account, sentiment, tags,
                         source_channel, source_ts, source_thread_ts, source_author_id, source_permalink,
                         captured_by, via, view_id, routed_channel, routed_ts, created_at, updated_at, updated_by)
select e.team_id, e.quote, e.category, e.competitor, l.id,
       case when l.id is null and e.u_account < 0.15 then 'Company ' || e.account_no end,
       e.sentiment, e.tags,
       case when e.source_ts is not null then e.source_channel end, e.source_ts,
       case when e.source_ts is not null and e.u_thread < 0.3
            then (split_part(e.source_ts, '.', 1)::bigint - 600)::text || '.000100' end,
       case when e.source_ts is not null
            then case when e.u_author < 0.8 then 'U0CUST' || lpad(e.author_no::text, 5, '0') else e.captured_by end end,
       case when e.source_ts is not null
            then 'https://bench.slack.com/archives/' || e.source_channel || '/p' || replace(e.source_ts, '.', '') end,
       e.captured_by, e.via,
       case when e.via <> 'reaction' then 'V0BENCH' || e.team_id || lpad(e.n::text, 7, '0') end,
       $5::jsonb ->> e.category,
       case when $5::jsonb ? e.category
            then (extract(epoch from e.created_at)::bigint + 2)::text || '.' || lpad(e.n::text, 6, '0') end,
       e.created_at,
       case when e.u_edit < 0.1 then e.created_at + e.u_edit * interval '30 hours' else e.created_at end,
       case when e.u_edit < 0.1 then e.captured_by end
from (
  select r.*,
         case when r.category is null then 'reaction'
              when r.u_via < 0.55 then 'shortcut' when r.u_via < 0.8 then 'reaction' else 'command' end as via,
         case when r.category is null or r.u_via < 0.8
              then (extract(epoch from r.created_at)::bigint - (r.u_thread * 7200)::bigint)::text
                   || '.' || lpad(r.n::text, 6, '0') end as source_ts,
         (array['C0BENCHSALES','C0BENCHDEALS','C0BENCHCS','C0BENCHSUPPORT','C0BENCHSMB','C0BENCHENT'])
           [1 + floor(r.u_channel * 6)::int] as source_channel,
         case when r.u_comp >= case r.category when 'competitor' then 0.95 when 'objection' then 0.25
                                               when 'pricing' then 0.3 when 'churn_risk' then 0.35 else 0.03 end
              then null
              when r.u_rival < 0.30 then 'Salesforce'
              when r.u_rival < 0.55 then (array['HubSpot','HubSpot','HubSpot','hubspot','Hubspot'])[1 + floor(r.u_spell * 5)::int]
              when r.u_rival < 0.70 then 'Pipedrive'
              when r.u_rival < 0.82 then (array['Zoho','Zoho','zoho CRM'])[1 + floor(r.u_spell * 3)::int]
              when r.u_rival < 0.90 then 'Freshsales'
              else 'Rival ' || (1 + floor(r.u_spell * 60))::int end as competitor,
         case when r.u_sent < 0.15 then null
              when r.category = 'praise' then case when r.u_sent < 0.92 then 'positive' else 'neutral' end
              when r.category in ('objection', 'churn_risk', 'competitor')
                then case when r.u_sent < 0.75 then 'negative' when r.u_sent < 0.95 then 'neutral' else 'positive' end
              else case when r.u_sent < 0.35 then 'positive' when r.u_sent < 0.75 then 'neutral' else 'negative' end
         end as sentiment,
         array(select distinct (array['onboarding','pricing','integration','api','mobile','reporting','security',
                 'sso','support','performance','ux','billing','contract','migration','crm-sync','export',
                 'permissions','notifications','localization','trial','discount','renewal','procurement',
                 'legal','data-quality','dashboard','email','calendar','slack','analytics','forecasting',
                 'territory','quota','handoff','demo','pilot','champion','budget','timing','competitor-switch'])
                 [1 + floor(40 * power(random(), 2))::int]
               from generate_series(1, r.tag_count)) as tags,
         array_to_string(array(
           select (array['We need this to work with our existing CRM before the pilot ends.',
                         'The price per seat is too high for a team our size.',
                         'Your competitor offered us a 30% discount to switch.',
                         'Onboarding took far longer than the sales team promised.',
                         'The weekly report is exactly what our VP asked for, thank you!',
                         'If the export does not get fixed we will not renew in Q3.',
                         'Most of the leads from the webinar were students, not buyers.',
                         'Can we get SSO with our identity provider on the mid plan?',
                         'The mobile app crashes whenever I open a lead from a notification.',
                         'Procurement wants a security review before they sign anything.',
                         'Honestly the handoff from SDR to AE felt seamless this time.',
                         'They asked whether Korean localisation is on the roadmap.',
                         'We are comparing you with two other vendors this month.',
                         'Budget is frozen until the new fiscal year starts in April.',
                         'The dashboard is slow when we filter by territory.',
                         'Support answered within minutes; that is why we stayed.'])
                  [1 + floor(random() * 16)::int]
           from generate_series(1, r.sentences)), ' ') as quote
  from (
    select q.*,
           case when q.u_cat < 0.20 then 'objection' when q.u_cat < 0.42 then 'feature_request'
                when q.u_cat < 0.54 then 'competitor' when q.u_cat < 0.65 then 'pricing'
                when q.u_cat < 0.76 then 'praise' when q.u_cat < 0.82 then 'churn_risk'
                when q.u_cat < 0.90 then 'lead_quality' when q.u_cat < 0.95 then 'other' end as category,
           case when q.u_by < 0.7 then 'U0SELL' || lpad((1 + floor(q.u_by / 0.7 * 30))::int::text, 4, '0')
                when q.u_by < 0.9 then 'U0BENCHCS01'
                else 'U0BENCHMKT' || (1 + floor((q.u_by - 0.9) * 20))::int::text end as captured_by,
           case when q.u_lead < 0.35 then 1 + floor(random() * q.team_leads)::int end as lead_rn
    from (
      select t.team_id, t.n, t.team_leads,
             $3::timestamptz - make_interval(days => ${SPAN_DAYS})
               + (sqrt(1 + 3 * random()) - 1) * interval '${SPAN_DAYS} days' as created_at,
             random() as u_cat, random() as u_by, random() as u_lead, random() as u_via, random() as u_thread,
             random() as u_channel, random() as u_comp, random() as u_rival, random() as u_spell,
             random() as u_sent, random() as u_account, random() as u_author, random() as u_edit,
             floor(random() * 4)::int as tag_count,
             case when random() < 0.05 then 5 + floor(random() * 8)::int else 1 + floor(random() * 3)::int end as sentences,
             1 + floor(random() * 50000)::int as account_no,
             1 + floor(random() * 20000)::int as author_no
      from (select $1::text as team_id, generate_series(1, $4::int) as n,
                   (select count(*) from seed_lead_ids where team_id = $1) as team_leads
            union all
            select $2::text, generate_series(1, $6::int),
                   (select count(*) from seed_lead_ids where team_id = $2)) t
    ) q
  ) r
) e
left join seed_lead_ids l on l.team_id = e.team_id and l.rn = e.lead_rn
order by e.created_at`;

/**
 * The bench team's routed, owned leads created in the last CADENCE_DAYS get the configured steps'
 * reminders: each step that fell due before `now` is due (9 in 10; the rest skipped because the lead
 * moved on), sometimes due again after a snooze; of those due, about 62 % are done, 8 % skipped by
 * the owner, the rest unanswered. The event data is what CadenceService writes.
 */
const CADENCE_PLAN = `
create temp table seed_cadence as
select l.team_id, l.id as lead_id, l.owner_id as owner, s.step, s.day, s.action,
       l.created_at + s.day * interval '1 day' + random() * interval '8 hours' as due_at,
       random() as u_due, random() as u_answer, random() as u_snooze, random() * interval '30 hours' as answer_after
from leads l
cross join (select (ord - 1)::int as step, (st ->> 'day')::int as day, st ->> 'action' as action
            from jsonb_array_elements($3::jsonb) with ordinality as x(st, ord)) s
where l.team_id = $1 and l.routed and l.owner_id is not null
  and l.created_at >= $2::timestamptz - make_interval(days => ${CADENCE_DAYS})`;

const CADENCE_EVENTS = `
insert into lead_events (team_id, lead_id, type, actor_id, data, occurred_at)
select team_id, lead_id, type, actor_id, data, occurred_at
from (
  select c.team_id, c.lead_id, 'cadence_step_due' as type, null::text as actor_id,
         jsonb_build_object('owner', c.owner, 'step', c.step, 'snoozes', 0, 'day', c.day, 'action', c.action,
                            'late', false, 'dueAt', c.due_at) as data,
         c.due_at as occurred_at
  from seed_cadence c where c.u_due < 0.9
  union all
  select c.team_id, c.lead_id, 'cadence_step_skipped', null,
         jsonb_build_object('owner', c.owner, 'step', c.step, 'snoozes', 0, 'reason', 'stage_passed', 'late', false),
         c.due_at
  from seed_cadence c where c.u_due >= 0.9
  union all
  select c.team_id, c.lead_id, 'cadence_step_snoozed', c.owner,
         jsonb_build_object('owner', c.owner, 'step', c.step, 'snoozes', 0, 'day', c.day, 'by', c.owner,
                            'until', c.due_at + interval '2 hours'),
         c.due_at + interval '10 minutes'
  from seed_cadence c where c.u_due < 0.9 and c.u_snooze < 0.1
  union all
  select c.team_id, c.lead_id, 'cadence_step_due', null,
         jsonb_build_object('owner', c.owner, 'step', c.step, 'snoozes', 1, 'day', c.day, 'action', c.action,
                            'late', false, 'dueAt', c.due_at + interval '2 hours'),
         c.due_at + interval '2 hours'
  from seed_cadence c where c.u_due < 0.9 and c.u_snooze < 0.1 and c.due_at + interval '2 hours' < $1::timestamptz
  union all
  select c.team_id, c.lead_id, 'cadence_step_done', c.owner,
         jsonb_build_object('owner', c.owner, 'step', c.step, 'snoozes', 0, 'day', c.day, 'by', c.owner,
                            'action', c.action),
         c.due_at + c.answer_after
  from seed_cadence c where c.u_due < 0.9 and c.u_answer < 0.62
  union all
  select c.team_id, c.lead_id, 'cadence_step_skipped', c.owner,
         jsonb_build_object('owner', c.owner, 'step', c.step, 'snoozes', 0, 'day', c.day, 'by', c.owner,
                            'reason', 'owner'),
         c.due_at + c.answer_after
  from seed_cadence c where c.u_due < 0.9 and c.u_answer >= 0.62 and c.u_answer < 0.70
) e
where occurred_at < $1::timestamptz
order by occurred_at`;

const specKey = (spec: RetroSeedSpec) =>
  `v${SEED_VERSION} voc=${spec.vocEntries} other=${spec.otherVocEntries} now=${spec.now.toISOString()}`;

/** Seeded rows: VOC captured before `now` (the bench's own captures come after it) and cadence events. */
async function seededCounts(sql: postgres.Sql, now: Date) {
  const [row] = await sql<{ bench: number; other: number; cadence: number }[]>`
    select (select count(*) from voc_entries where team_id = ${BENCH_TEAM} and created_at < ${now.toISOString()}::timestamptz)::int as bench,
           (select count(*) from voc_entries where team_id = ${OTHER_TEAM})::int as other,
           (select count(*) from lead_events where team_id = ${BENCH_TEAM} and type like 'cadence_step_%')::int as cadence`;
  return row ?? { bench: 0, other: 0, cadence: 0 };
}

/**
 * Seeds (or reuses) the retro bench's rows. The funnel bench's seed must be in place (its leads
 * are linked and walked through the cadence); `url` is its database.
 */
export async function seedRetroBench(
  url: string,
  config: WorkspaceConfig,
  spec: RetroSeedSpec,
  options: { reseed?: boolean; log?: (line: string) => void } = {},
): Promise<RetroSeedResult> {
  const log = options.log ?? (() => {});
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`create table if not exists bench_retro_seed
              (spec text primary key, seconds float8 not null, cadence_events int not null)`;
    const [done] = await sql<{ seconds: number; cadence_events: number }[]>`
      select seconds, cadence_events from bench_retro_seed where spec = ${specKey(spec)}`;
    const counts = await seededCounts(sql, spec.now);
    if (
      !options.reseed &&
      done &&
      counts.bench === spec.vocEntries &&
      counts.other === spec.otherVocEntries &&
      counts.cadence === done.cadence_events
    )
      return { reused: true, seconds: done.seconds, vocEntries: counts.bench, cadenceEvents: counts.cadence };

    const started = performance.now();
    const step = async (label: string, run: () => Promise<unknown>) => {
      const t0 = performance.now();
      await run();
      log(`  ${label}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    };
    await sql.begin(async (tx) => {
      await tx`set local work_mem = '256MB'`;
      await tx`set local maintenance_work_mem = '1GB'`;
      // Every linked lead exists by construction; skipping the per-row foreign key check saves time.
      await tx`set local session_replication_role = replica`;
      await tx`select setseed(0.2027)`;
      await step('empty the VOC, lead event and retro tables', async () => {
        // Only this seed writes these two tables in the scratch database; emptying them (rather than
        // deleting rows) leaves no dead rows behind to slow the scans down.
        await tx`truncate bench_retro_seed, voc_entries, lead_events`;
        // The triggers that keep the VOC rollups (drizzle/0028) are off in replica mode: empty them
        // here and count them once after the insert, as the migration's backfill does.
        await tx`delete from voc_rollups`;
        await tx`delete from voc_rollup_competitors`;
        await tx`delete from voc_rollup_tags`;
        await clearRetroTables(tx);
      });
      await step(
        `insert ${(spec.vocEntries + spec.otherVocEntries).toLocaleString('en')} VOC entries`,
        async () => {
          await tx`create temp table seed_lead_ids on commit drop as
                 select team_id, id, row_number() over (partition by team_id order by id) as rn from leads`;
          await tx`create index on seed_lead_ids (team_id, rn)`;
          await tx.unsafe(VOC, [
            BENCH_TEAM,
            OTHER_TEAM,
            spec.now.toISOString(),
            spec.vocEntries,
            config.channels.voc,
            spec.otherVocEntries,
          ]);
        },
      );
      await step('count the VOC rollups', async () => {
        await tx`select voc_rollup_recount(array_agg(team_id), array_agg(day))
                 from (select distinct team_id, (created_at at time zone 'UTC')::date as day from voc_entries) d`;
      });
      await step('walk recent leads through the cadence', async () => {
        const steps = config.cadence.steps.map((s) => ({ day: s.day, action: s.action }));
        await tx.unsafe(CADENCE_PLAN, [BENCH_TEAM, spec.now.toISOString(), steps]);
        await tx.unsafe(CADENCE_EVENTS, [spec.now.toISOString()]);
        await tx`drop table seed_cadence`;
      });
      await step('an old retro with action items to carry over', () => seedAnchorRetro(tx, config));
    });
    await step(
      'vacuum analyze',
      () => sql`vacuum (analyze) voc_entries, lead_events, retros, retro_action_items`,
    );

    const seconds = (performance.now() - started) / 1000;
    const seeded = await seededCounts(sql, spec.now);
    await sql`insert into bench_retro_seed (spec, seconds, cadence_events)
              values (${specKey(spec)}, ${seconds}, ${seeded.cadence})`;
    return { reused: false, seconds, vocEntries: seeded.bench, cadenceEvents: seeded.cadence };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** The bench team's retros, action items and the writes and jobs they queued. */
async function clearRetroTables(sql: postgres.TransactionSql): Promise<void> {
  await sql`delete from retro_notes where team_id = ${BENCH_TEAM}`;
  await sql`delete from retro_action_items where team_id = ${BENCH_TEAM}`;
  await sql`delete from retros where team_id = ${BENCH_TEAM}`;
  await sql`delete from outbox where team_id = ${BENCH_TEAM} and purpose in ${sql(BENCH_PURPOSES)}`;
  await sql`delete from jobs where team_id = ${BENCH_TEAM} and kind = ${RETRO_CHART_JOB}`;
}

const BENCH_PURPOSES = [
  RETRO_PARENT_PURPOSE,
  RETRO_PARENT_UPDATE_PURPOSE,
  RETRO_REPLY_PURPOSE,
  RETRO_NUDGE_PURPOSE,
  ACTION_DM_PURPOSE,
  VOC_ROUTE_PURPOSE,
  VOC_ROUTE_UPDATE_PURPOSE,
];

/** ANCHOR_WEEK's retro (before the seeded span) with open, done and dropped action items. */
async function seedAnchorRetro(sql: postgres.TransactionSql, config: WorkspaceConfig): Promise<void> {
  const { timeZone } = config.calendar;
  const openedAt = localInstant(weekMonday(ANCHOR_WEEK), config.retro.open.time, timeZone);
  const [retro] = await sql<{ id: number }[]>`
    insert into retros (team_id, kind, period_key, channel, parent_ts, snapshot, opened_at, closed_at)
    values (${BENCH_TEAM}, 'weekly', ${ANCHOR_WEEK}, ${config.channels.retro}, '1718000000.000100',
            ${sql.json({ weekKey: ANCHOR_WEEK, seeded: true })}, ${openedAt.toISOString()}::timestamptz,
            ${openedAt.toISOString()}::timestamptz + interval '4 days 7 hours')
    returning id`;
  const due = weekMonday(shiftWeek(ANCHOR_WEEK, 1));
  const owners = config.roster.map((m) => m.user);
  const items = (['open', 'done', 'dropped'] as const).flatMap((status) =>
    Array.from({ length: ANCHOR_ITEMS[status] }, (_, i) => ({ status, i })),
  );
  for (const [n, { status, i }] of items.entries())
    await sql`
      insert into retro_action_items (team_id, retro_id, first_retro_id, text, owner_id, due_on, status,
                                      created_by, closed_at, closed_by, created_at, updated_at)
      values (${BENCH_TEAM}, ${retro!.id}, ${retro!.id}, ${`Bench action item ${n + 1} (${status} ${i + 1})`},
              ${owners[n % owners.length]!}, ${due}, ${status}, ${owners[0]!},
              ${status === 'open' ? null : openedAt.toISOString()}::timestamptz,
              ${status === 'open' ? null : owners[n % owners.length]!},
              ${openedAt.toISOString()}::timestamptz, ${openedAt.toISOString()}::timestamptz)`;
}

/**
 * Undoes what an earlier bench run wrote — its retro openings (with their queued writes and chart
 * jobs) and its VOC captures after `now` — and puts the anchor's action items back, so every run
 * opens the same weeks and measures the same work. Returns what it removed.
 */
export async function clearBenchWrites(
  url: string,
  now: Date,
): Promise<{ retros: number; outbox: number; jobs: number; captures: number }> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await sql.begin(async (tx) => {
      const [anchor] = await tx<{ id: number }[]>`
        select id from retros where team_id = ${BENCH_TEAM} and kind = 'weekly' and period_key = ${ANCHOR_WEEK}`;
      if (!anchor) throw new Error(`the retro seed has no ${ANCHOR_WEEK} retro: run with --reseed`);
      await tx`update retro_action_items set retro_id = ${anchor.id}, carry_count = 0
               where team_id = ${BENCH_TEAM} and first_retro_id = ${anchor.id}`;
      const outbox =
        await tx`delete from outbox where team_id = ${BENCH_TEAM} and purpose in ${tx(BENCH_PURPOSES)}`;
      const jobs = await tx`delete from jobs where team_id = ${BENCH_TEAM} and kind = ${RETRO_CHART_JOB}`;
      await tx`delete from retro_notes where team_id = ${BENCH_TEAM}`;
      await tx`delete from retro_action_items where team_id = ${BENCH_TEAM} and first_retro_id <> ${anchor.id}`;
      const retros = await tx`delete from retros where team_id = ${BENCH_TEAM} and id <> ${anchor.id}`;
      const captures = await tx`
        delete from voc_entries where team_id = ${BENCH_TEAM} and created_at >= ${now.toISOString()}::timestamptz`;
      return { retros: retros.count, outbox: outbox.count, jobs: jobs.count, captures: captures.count };
    });
  } finally {
    await sql.end({ timeout: 5 });
  }
}
