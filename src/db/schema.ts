import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

// Every table carries the Slack team id so one deployment can serve several workspaces.
const teamId = () => text('team_id').notNull();
const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const createdAt = () => at('created_at').notNull().defaultNow();
const updatedAt = () => at('updated_at').notNull().defaultNow();

/** One row per Slack workspace: the config file as last applied, plus what Slack told us at start. */
export const workspaces = pgTable('workspaces', {
  teamId: text('team_id').primaryKey(),
  teamName: text('team_name'),
  botUserId: text('bot_user_id'),
  locale: text('locale').notNull(),
  timeZone: text('time_zone').notNull(),
  /** The validated workspace config (roster excluded: that lives in `members`). */
  settings: jsonb('settings').notNull(),
  configHash: text('config_hash').notNull(),
  configAppliedAt: at('config_applied_at').notNull(),
  /** The current row of `config_versions`; null before the first version. Compare-and-set by writers. */
  configVersion: integer('config_version'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/**
 * Every version of a workspace's configuration, as the file-shaped document (snake_case, defaults
 * not filled in, roster included), with who made it, through what, and what changed.
 */
export const configVersions = pgTable(
  'config_versions',
  {
    teamId: teamId(),
    version: integer('version').notNull(),
    createdAt: createdAt(),
    actorId: text('actor_id'),
    via: text('via').notNull(),
    /** The file path or the command that made the version. */
    source: text('source'),
    document: jsonb('document').notNull(),
    /** Top-level keys the config file manages (read-only from Slack). */
    managed: jsonb('managed').notNull(),
    /** [{ path, before, after }] against the previous version. */
    changes: jsonb('changes').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.version] }),
    check('config_versions_via', sql`${t.via} in ('file', 'slack', 'api', 'restore')`),
  ],
);

/**
 * Roster members. Columns above the runtime line are owned by the config file and rewritten
 * on every start; runtime columns are changed from Slack and survive restarts.
 */
export const members = pgTable(
  'members',
  {
    teamId: teamId().references(() => workspaces.teamId),
    userId: text('user_id').notNull(),
    name: text('name'),
    roles: text('roles').array().notNull(),
    segments: text('segments').array().notNull(),
    weight: integer('weight').notNull(),
    maxOpenLeads: integer('max_open_leads'),
    timeZone: text('time_zone').notNull(),
    workingHours: jsonb('working_hours').notNull(),
    managerId: text('manager_id'),
    /** False once removed from the config file; the row stays so history keeps its names. */
    onRoster: boolean('on_roster').notNull().default(true),
    // Runtime state, set from Slack. Out of office with no end date lasts until `/baton back`.
    outOfOffice: boolean('out_of_office').notNull().default(false),
    outOfOfficeUntil: at('out_of_office_until'),
    retroDms: boolean('retro_dms').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] })],
);

export const leads = pgTable(
  'leads',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    teamId: teamId().references(() => workspaces.teamId),
    source: text('source').notNull(),
    externalId: text('external_id'),
    email: text('email'),
    name: text('name'),
    company: text('company'),
    title: text('title'),
    phone: text('phone'),
    companySize: integer('company_size'),
    industry: text('industry'),
    website: text('website'),
    message: text('message'),
    form: text('form'),
    utm: jsonb('utm').$type<Record<string, string>>().notNull().default({}),
    /** Intake fields Baton has no column for, kept as sent. */
    extra: jsonb('extra').$type<Record<string, unknown>>().notNull().default({}),
    /** Lower-cased domain of the email, for matching leads to existing accounts. */
    emailDomain: text('email_domain'),
    segment: text('segment').notNull(),
    stage: text('stage').notNull(),
    /** When the lead entered its current stage (for days in stage and stuck deals). */
    stageEnteredAt: at('stage_entered_at').notNull().defaultNow(),
    /** The latest working stage, in stage order, the lead has ever been in (cohort funnels). */
    furthestStage: text('furthest_stage'),
    /** Deal fields, asked for from the deal stage on; the reason and competitor of the last side move. */
    amount: numeric('amount', { precision: 18, scale: 2, mode: 'number' }),
    currency: text('currency'),
    competitor: text('competitor'),
    stageReason: text('stage_reason'),
    /** A recycled lead reopens on this day (team time zone). */
    revisitOn: date('revisit_on', { mode: 'string' }),
    score: integer('score').notNull().default(0),
    /** At or above the routing threshold: it gets a card and an owner. Below it is only counted. */
    routed: boolean('routed').notNull().default(false),
    ownerId: text('owner_id'),
    ownerSince: at('owner_since'),
    marketerId: text('marketer_id'),
    cardChannel: text('card_channel'),
    cardTs: text('card_ts'),
    contextCount: integer('context_count').notNull().default(0),
    // The first-touch SLA clock: started when a routed lead arrives, stopped by the first touch.
    slaDueAt: at('sla_due_at'),
    slaState: text('sla_state').$type<SlaState>(),
    firstTouchAt: at('first_touch_at'),
    firstTouchChannel: text('first_touch_channel'),
    /** Working minutes (per the team calendar) from arrival to first touch, for reports. */
    firstTouchBusinessMinutes: doublePrecision('first_touch_business_minutes'),
    /** The bulk import that brought the lead in (it has no card of its own: the import's summary lists it). */
    importId: bigint('import_id', { mode: 'number' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('leads_source_external_id').on(t.teamId, t.source, t.externalId),
    index('leads_email_created').on(t.teamId, sql`lower(${t.email})`, t.createdAt),
    index('leads_email_domain').on(t.teamId, t.emailDomain),
    // Existing-account match by company name, and finding a lead from its card (shortcuts, threads).
    index('leads_company').on(t.teamId, sql`lower(btrim(${t.company}))`),
    index('leads_card').on(t.teamId, t.cardChannel, t.cardTs),
    index('leads_sla_running').on(t.teamId, t.slaState, t.slaDueAt),
    index('leads_owner_stage').on(t.teamId, t.ownerId, t.stage),
    // Cohort reports read only this index (INCLUDE of the columns they aggregate, written by hand in
    // drizzle/0007_funnel_indexes.sql, the lead id added by 0015: drizzle cannot express INCLUDE — keep them in step).
    index('leads_cohort').on(t.teamId, t.createdAt),
    index('leads_stage_entered').on(t.teamId, t.stage, t.stageEnteredAt),
    // Cohort deals read a period's won leads alone (INCLUDE of their deal fields written by hand in drizzle/0030).
    index('leads_furthest_created').on(t.teamId, t.furthestStage, t.createdAt),
    // The SLA board's and Home's unclaimed leads, oldest first (INCLUDE (stage, segment) written by hand
    // in drizzle/0031): a lead leaves it when claimed or touched, so it stays small at any table size.
    index('leads_unclaimed')
      .on(t.teamId, t.createdAt, t.id)
      .where(sql`${t.routed} and ${t.ownerId} is null and ${t.firstTouchAt} is null`),
    // The week's first touches per owner (SLA board, Home, retro): only touched leads are in it, so
    // intake does not write to it.
    index('leads_first_touch').on(t.teamId, t.firstTouchAt).where(sql`${t.firstTouchAt} is not null`),
    // When each seller last got a lead (`/baton roster`): one backward probe per member.
    index('leads_owner_since').on(t.teamId, t.ownerId, t.ownerSince).where(sql`${t.ownerId} is not null`),
    // `/lead <text>` and the VOC lead picker find leads by part of the company or name: a trigram
    // index on both (drizzle/0032; searchLeadsByText repeats this expression to use it).
    index('leads_search').using(
      'gin',
      sql`(coalesce(${t.company}, '') || ' ' || coalesce(${t.name}, '')) gin_trgm_ops`,
    ),
    // Cohort deals read a period's lost leads alone (INCLUDE of their deal fields written by hand in drizzle/0035).
    index('leads_lost_created').on(t.teamId, t.createdAt).where(sql`${t.stage} = 'Lost'`),
  ],
);

/**
 * The funnel's fact table: one row per stage a lead entered (its arrival included), closed with
 * `left_at` when it moves on. Written with the `stage_changed` event, in the same transaction.
 */
export const stageChanges = pgTable(
  'stage_changes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    teamId: teamId(),
    leadId: bigint('lead_id', { mode: 'number' })
      .notNull()
      .references(() => leads.id),
    /** null = the lead's arrival. */
    fromStage: text('from_stage'),
    toStage: text('to_stage').notNull(),
    enteredAt: at('entered_at').notNull(),
    leftAt: at('left_at'),
    actorId: text('actor_id'),
    /** intake, slack, api or system (recycle reopening). */
    via: text('via').notNull(),
    reason: text('reason'),
    competitor: text('competitor'),
    note: text('note'),
    amount: numeric('amount', { precision: 18, scale: 2, mode: 'number' }),
    currency: text('currency'),
    // As they were at the move, for breakdowns of flow.
    segment: text('segment').notNull(),
    source: text('source').notNull(),
    ownerId: text('owner_id'),
  },
  (t) => [
    // Covering indexes for flow counts and stays (INCLUDE columns in drizzle/0007_funnel_indexes.sql).
    index('stage_changes_flow').on(t.teamId, t.enteredAt),
    index('stage_changes_stays').on(t.teamId, t.toStage, t.leftAt).where(sql`${t.leftAt} is not null`),
    index('stage_changes_lead').on(t.teamId, t.leadId, t.enteredAt),
    // Deals (flow's wins and losses, the retro's lost reasons): moves into given stages in a period (INCLUDE in drizzle/0023).
    index('stage_changes_deals').on(t.teamId, t.toStage, t.enteredAt),
  ],
);

/** A deal goal for a period and the plan worked back from it (`/funnel plan set`). */
export const funnelGoals = pgTable(
  'funnel_goals',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    teamId: teamId(),
    /** Local dates in the team's time zone; the period is [start, end). */
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    deals: integer('deals').notNull(),
    /** The worked-back plan as shown when it was set (stages, rates used, per week). */
    plan: jsonb('plan').$type<Record<string, unknown>>().notNull(),
    setBy: text('set_by'),
    setAt: at('set_at').notNull(),
  },
  (t) => [uniqueIndex('funnel_goals_period').on(t.teamId, t.periodStart, t.periodEnd)],
);

/** Append-only history of everything that happens to a lead (a trigger forbids UPDATE and DELETE). */
export const leadEvents = pgTable(
  'lead_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    teamId: teamId(),
    leadId: bigint('lead_id', { mode: 'number' })
      .notNull()
      .references(() => leads.id),
    type: text('type').notNull(),
    actorId: text('actor_id'),
    data: jsonb('data').notNull().default({}),
    occurredAt: at('occurred_at').notNull(),
  },
  (t) => [
    index('lead_events_lead').on(t.teamId, t.leadId, t.id),
    index('lead_events_type_time').on(t.teamId, t.type, t.occurredAt),
  ],
);

export type SlaState = 'running' | 'met' | 'breached';

/** What sellers did with a lead: the first touch and later cadence steps (calls, emails, meetings). */
export const leadActivities = pgTable(
  'lead_activities',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    teamId: teamId(),
    leadId: bigint('lead_id', { mode: 'number' })
      .notNull()
      .references(() => leads.id),
    /** call, email, meeting or other. */
    kind: text('kind').notNull(),
    note: text('note'),
    actorId: text('actor_id'),
    /** Where it was logged: slack (button, command) or api (a CRM or dialer). */
    via: text('via').notNull(),
    occurredAt: at('occurred_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('lead_activities_lead').on(t.teamId, t.leadId, t.occurredAt)],
);

/** Marketer context on a lead: what it read, which campaign brought it, what happened in nurture. */
export const leadContexts = pgTable(
  'lead_contexts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    teamId: teamId(),
    leadId: bigint('lead_id', { mode: 'number' })
      .notNull()
      .references(() => leads.id),
    authorId: text('author_id').notNull(),
    campaign: text('campaign'),
    content: text('content'),
    nurture: text('nurture'),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [index('lead_contexts_lead').on(t.teamId, t.leadId)],
);

/** Per segment and seller: where they stand in the weighted rotation (stride scheduling). */
export const routingState = pgTable(
  'routing_state',
  {
    teamId: teamId(),
    segment: text('segment').notNull(),
    userId: text('user_id').notNull(),
    /** Virtual finishing time: the lowest eligible pass gets the next lead; each lead adds 1/weight. */
    pass: doublePrecision('pass').notNull().default(0),
    assigned: integer('assigned').notNull().default(0),
    lastAssignedAt: at('last_assigned_at'),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.segment, t.userId] })],
);

/** `parked`: Slack refused the post because of the channel (not a member, archived, missing); it waits for the channel to be fixed. */
export type OutboxStatus = 'pending' | 'sent' | 'dead' | 'parked';

/**
 * Slack writes Baton intends to make, committed with the change that causes them and delivered
 * by the outbox sender: retried, paced per channel, and never posted twice.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    teamId: teamId(),
    /** chat.postMessage, chat.update or chat.postEphemeral. */
    method: text('method').notNull(),
    channel: text('channel').notNull(),
    /** Arguments for the method (text, blocks, thread_ts…). */
    args: jsonb('args').$type<Record<string, unknown>>().notNull(),
    /** Which lead a post belongs to and what it is, so its ts can be stored back (e.g. the card). */
    leadId: bigint('lead_id', { mode: 'number' }),
    purpose: text('purpose'),
    dedupeKey: text('dedupe_key'),
    status: text('status').$type<OutboxStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: at('next_attempt_at').notNull(),
    lockedUntil: at('locked_until'),
    /** The outbox_senders instance holding the claim, so a crashed holder's claims can be freed early. */
    claimedBy: text('claimed_by'),
    resultTs: text('result_ts'),
    lastError: text('last_error'),
    createdAt: createdAt(),
    sentAt: at('sent_at'),
  },
  (t) => [
    uniqueIndex('outbox_dedupe').on(t.teamId, t.dedupeKey),
    index('outbox_due').on(t.status, t.nextAttemptAt),
    index('outbox_parked').on(t.teamId, t.channel, t.id).where(sql`status = 'parked'`),
  ],
);

/**
 * One row per running outbox sender (a Baton process), refreshed every few seconds. A claim whose
 * holder's row is stale, missing, or names a process on this host that no longer exists is freed at
 * once instead of waiting for the claim's lock to run out.
 */
export const outboxSenders = pgTable('outbox_senders', {
  instanceId: text('instance_id').primaryKey(),
  host: text('host').notNull(),
  pid: integer('pid').notNull(),
  startedAt: at('started_at').notNull(),
  heartbeatAt: at('heartbeat_at').notNull(),
});

export type ChannelProblemKind = 'not_in_channel' | 'private' | 'missing' | 'archived';

/**
 * A configured channel Baton cannot post to, as last seen (start-up check or a refused post).
 * The row is the record that admins were told (`notified_at`), so a restart does not tell them
 * again unless the problem changed; it goes when the channel works again.
 */
export const channelProblems = pgTable(
  'channel_problems',
  {
    teamId: teamId(),
    channel: text('channel').notNull(),
    problem: text('problem').$type<ChannelProblemKind>().notNull(),
    detectedAt: at('detected_at').notNull(),
    notifiedAt: at('notified_at'),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.channel] })],
);

/** When each channel may next be posted to: about one message per second per channel. */
export const channelPacing = pgTable(
  'channel_pacing',
  {
    teamId: teamId(),
    channel: text('channel').notNull(),
    nextAt: at('next_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.channel] })],
);

export type JobStatus = 'pending' | 'running' | 'done' | 'dead';

/** Durable jobs: the database, not a timer, decides what runs and when. */
export const jobs = pgTable(
  'jobs',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    teamId: teamId(),
    kind: text('kind').notNull(),
    /** Makes scheduling idempotent: one live job per (team, key). */
    dedupeKey: text('dedupe_key'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    runAt: at('run_at').notNull(),
    status: text('status').$type<JobStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    lastError: text('last_error'),
    lockedBy: text('locked_by'),
    lockedUntil: at('locked_until'),
    finishedAt: at('finished_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('jobs_dedupe').on(t.teamId, t.dedupeKey),
    // Partial indexes keep claiming cheap however many finished jobs the table holds.
    index('jobs_pending_due').on(t.runAt, t.id).where(sql`${t.status} = 'pending'`),
    index('jobs_running_lock').on(t.lockedUntil).where(sql`${t.status} = 'running'`),
  ],
);

/** Events API deliveries already handled, so Slack's retries are processed once. */
export const slackEventReceipts = pgTable(
  'slack_event_receipts',
  {
    teamId: teamId(),
    eventId: text('event_id').notNull(),
    receivedAt: at('received_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.eventId] }),
    index('slack_event_receipts_time').on(t.receivedAt),
  ],
);

export type VocSentiment = 'positive' | 'neutral' | 'negative';
/** How a VOC entry was captured. */
export type VocVia = 'shortcut' | 'reaction' | 'command';

/**
 * Voice of the customer: a quote with what it is about. One row per source message (the unique
 * index), so capturing the same message again edits the entry instead of adding a second one.
 */
export const vocEntries = pgTable(
  'voc_entries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    teamId: teamId(),
    quote: text('quote').notNull(),
    /** One of VOC_CATEGORIES; null until the person who reacted picks one. */
    category: text('category'),
    competitor: text('competitor'),
    /** The linked lead, or an account named in free text when there is no lead. */
    leadId: bigint('lead_id', { mode: 'number' }).references(() => leads.id),
    account: text('account'),
    sentiment: text('sentiment').$type<VocSentiment>(),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    // The Slack message it came from (null for `/voc` text typed in).
    sourceChannel: text('source_channel'),
    sourceTs: text('source_ts'),
    /** The thread parent when the source is a reply. */
    sourceThreadTs: text('source_thread_ts'),
    /** Who said it in Slack (the message author), when known. */
    sourceAuthorId: text('source_author_id'),
    sourcePermalink: text('source_permalink'),
    capturedBy: text('captured_by').notNull(),
    via: text('via').$type<VocVia>().notNull(),
    // Where the reverse flow posted it: the category's channel and the post's ts once sent.
    routedChannel: text('routed_channel'),
    routedTs: text('routed_ts'),
    /** The modal submission that created it, so a submission Slack delivers twice stores one entry. */
    viewId: text('view_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    updatedBy: text('updated_by'),
  },
  (t) => [
    uniqueIndex('voc_entries_source').on(t.teamId, t.sourceChannel, t.sourceTs),
    uniqueIndex('voc_entries_view').on(t.teamId, t.viewId),
    index('voc_entries_time').on(t.teamId, t.createdAt),
  ],
);

/**
 * `/voc report`'s rollups (issue 16): VOC entries per team, UTC day (`grain` 'day') or UTC month
 * ('month', `day` its first day) of `created_at`, and stored category. Triggers on voc_entries
 * recount the days and months a statement touched, in its transaction (drizzle,
 * voc_rollup_triggers), so they are never stale; a report reads whole months and days here and the
 * part-days at its ends from voc_entries. Each row keeps what its entries add up to.
 */
export const vocRollups = pgTable(
  'voc_rollups',
  {
    teamId: teamId(),
    grain: text('grain').$type<'day' | 'month'>().notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    category: text('category'),
    entries: integer('entries').notNull(),
    /** The newest entry of the category: latest `created_at`, the higher id at the same instant. */
    newestAt: at('newest_at').notNull(),
    newestId: bigint('newest_id', { mode: 'number' }).notNull(),
  },
  (t) => [index('voc_rollups_day').on(t.teamId, t.grain, t.day)],
);

/** Entries naming each competitor (trimmed, lower-cased key) per day or month and category, with the first spelling. */
export const vocRollupCompetitors = pgTable(
  'voc_rollup_competitors',
  {
    teamId: teamId(),
    grain: text('grain').$type<'day' | 'month'>().notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    category: text('category'),
    key: text('key').notNull(),
    entries: integer('entries').notNull(),
    /** The name as the first entry (earliest `created_at`, then lowest id) wrote it. */
    firstName: text('first_name').notNull(),
    firstAt: at('first_at').notNull(),
    firstId: bigint('first_id', { mode: 'number' }).notNull(),
  },
  (t) => [index('voc_rollup_competitors_day').on(t.teamId, t.grain, t.day)],
);

/** Entries carrying each tag (an entry once per tag) per day or month and category. */
export const vocRollupTags = pgTable(
  'voc_rollup_tags',
  {
    teamId: teamId(),
    grain: text('grain').$type<'day' | 'month'>().notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    category: text('category'),
    tag: text('tag').notNull(),
    entries: integer('entries').notNull(),
  },
  // With the tag, so moving a month's tags by a day's finds each row directly.
  (t) => [index('voc_rollup_tags_day').on(t.teamId, t.grain, t.day, t.tag)],
);

export type RetroKind = 'weekly' | 'monthly';

/**
 * One retro thread per team and period: the delivery record that makes each scheduled post happen
 * once across restarts and processes. `period_key` is the ISO week (`2026-W11`) or month (`2026-03`).
 */
export const retros = pgTable(
  'retros',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    teamId: teamId(),
    kind: text('kind').$type<RetroKind>().notNull(),
    periodKey: text('period_key').notNull(),
    channel: text('channel').notNull(),
    /** The parent message, once the outbox has posted it. */
    parentTs: text('parent_ts'),
    /** Every figure the thread shows, computed once when it opened (RetroSnapshot / PlaybookSnapshot). */
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    openedAt: at('opened_at').notNull(),
    nudgedAt: at('nudged_at'),
    closedAt: at('closed_at'),
    /** The chart upload: claimed before the upload, so only one process ever shares it. */
    chartClaimedAt: at('chart_claimed_at'),
  },
  (t) => [uniqueIndex('retros_period').on(t.teamId, t.kind, t.periodKey)],
);

/** A reply in a weekly retro's thread, kept as a note with its author's role. */
export const retroNotes = pgTable(
  'retro_notes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    teamId: teamId(),
    retroId: bigint('retro_id', { mode: 'number' })
      .notNull()
      .references(() => retros.id),
    authorId: text('author_id').notNull(),
    /** The author's first roster role at the time (marketer, sdr, ae, cs, manager, admin); null off the roster. */
    role: text('role'),
    text: text('text').notNull(),
    channel: text('channel').notNull(),
    ts: text('ts').notNull(),
    createdAt: createdAt(),
    editedAt: at('edited_at'),
  },
  (t) => [
    uniqueIndex('retro_notes_message').on(t.teamId, t.channel, t.ts),
    index('retro_notes_retro').on(t.retroId),
  ],
);

export type ActionItemStatus = 'open' | 'done' | 'dropped';

/** A retro action item. Open items move to each new retro (`retro_id`) with their carry count raised. */
export const retroActionItems = pgTable(
  'retro_action_items',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    teamId: teamId(),
    /** The retro the item is listed on now. */
    retroId: bigint('retro_id', { mode: 'number' })
      .notNull()
      .references(() => retros.id),
    /** The retro it was added in. */
    firstRetroId: bigint('first_retro_id', { mode: 'number' })
      .notNull()
      .references(() => retros.id),
    text: text('text').notNull(),
    ownerId: text('owner_id').notNull(),
    dueOn: date('due_on', { mode: 'string' }),
    status: text('status').$type<ActionItemStatus>().notNull().default('open'),
    /** How many retros it has been carried into while still open. */
    carryCount: integer('carry_count').notNull().default(0),
    createdBy: text('created_by').notNull(),
    /** The retro reply it was made from, if any. */
    sourceChannel: text('source_channel'),
    sourceTs: text('source_ts'),
    /** The modal submission that added it, so a submission Slack delivers twice adds one item. */
    viewId: text('view_id'),
    closedAt: at('closed_at'),
    closedBy: text('closed_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('retro_action_items_retro').on(t.retroId),
    index('retro_action_items_open').on(t.teamId, t.status),
    uniqueIndex('retro_action_items_view').on(t.teamId, t.viewId),
  ],
);

/** `pending` waits for its turn or a retry; `done` is finished; `dead` was refused by HubSpot for good (shown to admins). */
export type HubspotTaskStatus = 'pending' | 'done' | 'dead';

/**
 * HubSpot work, queued in the transaction that causes it: `out` rows write a Baton event to the
 * contact (owner, status, note), `in` rows apply a verified HubSpot webhook event. Delivered by the
 * HubSpot sender with retries; `out` rows of one lead go in id order.
 */
export const hubspotTasks = pgTable(
  'hubspot_tasks',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    teamId: teamId(),
    direction: text('direction').$type<'out' | 'in'>().notNull(),
    leadId: bigint('lead_id', { mode: 'number' }),
    /** The Baton event id (out) or `hubspot:<eventId>` (in): a repeated event queues nothing. */
    dedupeKey: text('dedupe_key').notNull(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    /** Steps already done (e.g. the note is written), so a retry never repeats them. */
    progress: jsonb('progress').$type<Record<string, unknown>>().notNull().default({}),
    status: text('status').$type<HubspotTaskStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: at('next_attempt_at').notNull(),
    lockedUntil: at('locked_until'),
    lastError: text('last_error'),
    createdAt: createdAt(),
    doneAt: at('done_at'),
  },
  (t) => [
    uniqueIndex('hubspot_tasks_dedupe').on(t.teamId, t.dedupeKey),
    index('hubspot_tasks_due').on(t.status, t.nextAttemptAt),
    index('hubspot_tasks_lead').on(t.teamId, t.leadId, t.id).where(sql`status = 'pending'`),
  ],
);

/** The HubSpot contact each lead is synced with (found by email or created by Baton, or where it came from). */
export const hubspotContacts = pgTable(
  'hubspot_contacts',
  {
    teamId: teamId(),
    leadId: bigint('lead_id', { mode: 'number' }).notNull(),
    contactId: text('contact_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.leadId] }),
    index('hubspot_contacts_contact').on(t.teamId, t.contactId),
  ],
);

/** Property values Baton wrote to HubSpot, so the webhook that echoes them back is recognised and ignored. */
export const hubspotWrites = pgTable(
  'hubspot_writes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    teamId: teamId(),
    objectType: text('object_type').notNull(),
    objectId: text('object_id').notNull(),
    property: text('property').notNull(),
    value: text('value').notNull(),
    writtenAt: at('written_at').notNull(),
  },
  (t) => [index('hubspot_writes_object').on(t.teamId, t.objectType, t.objectId, t.property)],
);

/**
 * What the event relay still has to hand to its sinks: one row per new lead event, VOC entry or
 * retro action item, inserted by AFTER INSERT triggers in the transaction of the change (so no write
 * path knows who listens) and deleted in the relay's transaction once every sink has accepted it.
 */
export const eventRelay = pgTable('event_relay', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  teamId: teamId(),
  /** lead_events, voc_entries or retro_action_items. */
  source: text('source').notNull(),
  sourceId: bigint('source_id', { mode: 'number' }).notNull(),
  createdAt: createdAt(),
});

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'dead';

/**
 * One outbound webhook POST per endpoint and event, queued by the webhook sink in the relay's
 * transaction and sent by the webhook sender. The payload is fixed when queued, so every retry sends
 * the same bytes (and the same X-Baton-Delivery).
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    teamId: teamId(),
    /** The endpoint's name in the config's webhooks section. */
    endpoint: text('endpoint').notNull(),
    /** BatonEvent.id (`lead_events:42`), or `test:<uuid>` for a test delivery. */
    eventId: text('event_id').notNull(),
    eventType: text('event_type').notNull(),
    leadId: bigint('lead_id', { mode: 'number' }),
    /** The JSON body exactly as sent (text, not jsonb, so key order and bytes never change). */
    body: text('body').notNull(),
    status: text('status').$type<WebhookDeliveryStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: at('next_attempt_at').notNull(),
    /** Tries stop here (24 h after queueing; a resumed endpoint's waiting deliveries get 24 h more). */
    giveUpAt: at('give_up_at').notNull(),
    lockedUntil: at('locked_until'),
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
    createdAt: createdAt(),
    deliveredAt: at('delivered_at'),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_event').on(t.teamId, t.endpoint, t.eventId),
    index('webhook_deliveries_due').on(t.status, t.nextAttemptAt),
    index('webhook_deliveries_lead').on(t.teamId, t.endpoint, t.leadId, t.id).where(sql`status = 'pending'`),
  ],
);

/** Each endpoint's health: its failure streak, last outcome and whether it is paused. */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    teamId: teamId(),
    name: text('name').notNull(),
    /** Deliveries failed in a row (any success resets it). */
    failures: integer('failures').notNull().default(0),
    /** When the current streak of failures began. */
    failingSince: at('failing_since'),
    lastAttemptAt: at('last_attempt_at'),
    lastDeliveredAt: at('last_delivered_at'),
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
    pausedAt: at('paused_at'),
    pausedReason: text('paused_reason'),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.name] })],
);

/**
 * Signing secrets Baton generated for endpoints added in Slack (`secret: stored` in the config):
 * kept here, outside the config document, so no version, history or export ever holds them.
 */
export const webhookSecrets = pgTable(
  'webhook_secrets',
  {
    teamId: teamId(),
    /** The endpoint's name in the config's webhooks section. */
    name: text('name').notNull(),
    secret: text('secret').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.name] })],
);

/**
 * A bulk import (POST /api/leads/bulk or `/lead import`). `key` is a hash of the content and the
 * caller's Idempotency-Key: sending the same file again finds this row instead of importing twice.
 */
export const leadImports = pgTable(
  'lead_imports',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    teamId: teamId().references(() => workspaces.teamId),
    key: text('key').notNull(),
    source: text('source'),
    /** `http` or `slack`. */
    via: text('via').notNull(),
    importedBy: text('imported_by'),
    totalRows: integer('total_rows').notNull(),
    /** `running` until every row is recorded and the summary is queued; then `done`. */
    status: text('status').$type<'running' | 'done'>().notNull().default('running'),
    createdAt: createdAt(),
    finishedAt: at('finished_at'),
  },
  (t) => [uniqueIndex('lead_imports_key').on(t.teamId, t.key)],
);

/** What happened to each row of an import, committed with the lead it stored (so a rerun resumes). */
export const leadImportRows = pgTable(
  'lead_import_rows',
  {
    importId: bigint('import_id', { mode: 'number' })
      .notNull()
      .references(() => leadImports.id),
    /** 1-based data row (CSV: the header is not counted). */
    row: integer('row').notNull(),
    outcome: text('outcome').$type<'stored' | 'duplicate' | 'invalid'>().notNull(),
    leadId: bigint('lead_id', { mode: 'number' }),
    /** Invalid rows: `[{ field, message }]`. */
    errors: jsonb('errors').$type<{ field: string; message: string }[]>(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.row] })],
);

/** Where an import's summary for one segment landed, so cardless imported leads thread under it. */
export const leadImportSummaries = pgTable(
  'lead_import_summaries',
  {
    importId: bigint('import_id', { mode: 'number' })
      .notNull()
      .references(() => leadImports.id),
    segment: text('segment').notNull(),
    channel: text('channel').notNull(),
    ts: text('ts').notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.segment] })],
);
/**
 * The stuck thresholds' history (docs/funnel.md, Stuck deals): per team, the stay medians of the
 * 180 days before the start of one clock hour, stored so every process and every cold report reads
 * one row instead of sorting a million stays; recomputed when the hour or the stages change.
 */
export const funnelStayHistory = pgTable('funnel_stay_history', {
  teamId: text('team_id').primaryKey(),
  /** The start of the clock hour the history ends at. */
  hourEnd: at('hour_end').notNull(),
  /** The stages it covers, comma-separated, as the report asked. */
  stages: text('stages').notNull(),
  medians: jsonb('medians')
    .$type<Array<{ stage: string; stays: number; medianDays: number | null }>>()
    .notNull(),
  computedAt: createdAt(),
});

/**
 * Flow's daily rollup (docs/funnel.md, Cohort and flow): stage changes per UTC day of `entered_at`,
 * from and to stage, overall (`dim` '') and per breakdown value recorded on the move (`dim`
 * segment, source or owner; `key` null for no owner). Days before the team's `moves_until` in
 * funnel_rollup_state are complete; a report adds the days after from stage_changes itself.
 */
export const funnelDailyMoves = pgTable(
  'funnel_daily_moves',
  {
    teamId: teamId(),
    day: date('day', { mode: 'string' }).notNull(),
    dim: text('dim').notNull(),
    key: text('key'),
    fromStage: text('from_stage'),
    toStage: text('to_stage').notNull(),
    moves: integer('moves').notNull(),
  },
  (t) => [index('funnel_daily_moves_day').on(t.teamId, t.dim, t.day)],
);

/**
 * How far each team's rollups reach: every stage change entered before `moves_until` (a UTC
 * midnight) is in funnel_daily_moves. A trigger on stage_changes moves it back when a change lands
 * (or is removed) before it, so a report never reads a stale day.
 */
export const funnelRollupState = pgTable('funnel_rollup_state', {
  teamId: text('team_id').primaryKey(),
  movesUntil: at('moves_until').notNull(),
});

/**
 * Days in stage, rolled up (issue 16): the stays that ended (`left_at`) on each UTC day, per stage
 * and length class (`bucket`, funnel_stay_bucket() in drizzle/0021), with their exact lengths in
 * days, sorted. A median over a period sums the counts to find the class holding its middle rank,
 * then reads that class's lengths: the same value percentile_cont gives over stage_changes.
 */
export const funnelDailyStays = pgTable(
  'funnel_daily_stays',
  {
    teamId: teamId(),
    stage: text('stage').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    bucket: integer('bucket').notNull(),
    stays: integer('stays').notNull(),
    /** date_part('epoch', left_at - entered_at) / 86400 of each stay, ascending. */
    days: doublePrecision('days').array().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.stage, t.day, t.bucket] }),
    // A median reads one class of a stage over the period's days: class before day.
    index('funnel_daily_stays_class').on(t.teamId, t.stage, t.bucket, t.day),
    // The counts per class read a stage's days from this index alone (INCLUDE of bucket and stays
    // written by hand in drizzle/0037): the table's rows carry every stay's length.
    index('funnel_daily_stays_counts').on(t.teamId, t.stage, t.day),
  ],
);

/**
 * How far each team's stay rollup reaches: every stay that ended before `stays_until` (a UTC
 * midnight) is in funnel_daily_stays. A trigger on stage_changes moves it back when a stay ending
 * before it is added, changed or removed.
 */
export const funnelStaysRolled = pgTable('funnel_stays_rolled', {
  teamId: text('team_id').primaryKey(),
  staysUntil: at('stays_until').notNull(),
});

/**
 * Speed to lead, rolled up (issue 16): routed leads per UTC day of `created_at` and class of their
 * working minutes to the first touch (`bucket`, funnel_minutes_bucket() in drizzle/0024; -1: not
 * timed), with their SLA outcomes and the exact minutes, sorted, as percentiles read them.
 */
export const funnelDailySpeed = pgTable(
  'funnel_daily_speed',
  {
    teamId: teamId(),
    day: date('day', { mode: 'string' }).notNull(),
    bucket: integer('bucket').notNull(),
    leads: integer('leads').notNull(),
    touched: integer('touched').notNull(),
    met: integer('met').notNull(),
    breached: integer('breached').notNull(),
    minutes: doublePrecision('minutes').array().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.day, t.bucket] }),
    // A percentile reads one class over the period's days: class before day.
    index('funnel_daily_speed_class').on(t.teamId, t.bucket, t.day),
  ],
);

/**
 * How far each team's speed rollup reaches: every routed lead created before `speed_until` (a UTC
 * midnight) is in funnel_daily_speed as it is now. A trigger on leads moves it back when such a
 * lead is added, touched, decided or removed.
 */
export const funnelSpeedRolled = pgTable('funnel_speed_rolled', {
  teamId: text('team_id').primaryKey(),
  speedUntil: at('speed_until').notNull(),
});

/**
 * Cohort reach, rolled up (issue 16): the team's leads per UTC day of `created_at` and furthest
 * stage ('' for none), as they stood once every stage change up to the team's `changes_until` in
 * funnel_cohort_rolled was counted. Kept by the rollup job only (intake writes no shared row); a
 * report adds the leads moved since, so a cohort count is always as of now.
 */
export const funnelDailyCohort = pgTable(
  'funnel_daily_cohort',
  {
    teamId: teamId(),
    day: date('day', { mode: 'string' }).notNull(),
    furthestStage: text('furthest_stage').notNull(),
    leads: integer('leads').notNull(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.day, t.furthestStage] })],
);

/**
 * Cohort reach per breakdown value, rolled up like funnel_daily_cohort: the team's leads per UTC day
 * of `created_at`, breakdown (`by`: owner, segment or source), its value (`key`, '' for no owner)
 * and furthest stage, as counted up to the ids in funnel_cohort_rolled.
 */
export const funnelDailyCohortBy = pgTable(
  'funnel_daily_cohort_by',
  {
    teamId: teamId(),
    by: text('by').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    key: text('key').notNull(),
    furthestStage: text('furthest_stage').notNull(),
    leads: integer('leads').notNull(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.by, t.day, t.key, t.furthestStage] })],
);

/**
 * Each lead as the cohort rollups count it: furthest stage ('' for none), owner ('' for none),
 * segment and source. What a report takes back out of the rollups for a lead that moved, or changed
 * hands, after the rollup job last ran.
 */
export const funnelCohortLeads = pgTable('funnel_cohort_leads', {
  leadId: bigint('lead_id', { mode: 'number' }).primaryKey(),
  furthestStage: text('furthest_stage').notNull(),
  ownerId: text('owner_id').notNull().default(''),
  segment: text('segment').notNull().default(''),
  source: text('source').notNull().default(''),
});

/**
 * Leads whose owner, segment or source changed since the cohort rollup job last counted them,
 * appended by a trigger on leads (drizzle/0038): a breakdown can change without a stage change.
 * The job deletes the rows it counts, in the statement that counts them, so the rows left are
 * exactly what reports must correct for.
 */
export const leadKeyChanges = pgTable(
  'lead_key_changes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    teamId: teamId(),
    leadId: bigint('lead_id', { mode: 'number' }).notNull(),
  },
  (t) => [index('lead_key_changes_team').on(t.teamId, t.leadId)],
);

/**
 * How far each team's cohort rollup reaches: every stage change with an id up to `changes_until`
 * is counted. Ids, not times: the job counts under a SHARE lock on stage_changes, so every change
 * with a lower id has committed, and every later one gets a higher id.
 */
export const funnelCohortRolled = pgTable('funnel_cohort_rolled', {
  teamId: text('team_id').primaryKey(),
  changesUntil: bigint('changes_until', { mode: 'number' }).notNull(),
});
