import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, type Receiver, SocketModeReceiver } from '@slack/bolt';
import { Admins } from './admin/admins.js';
import type { ConfigChangeResult } from './admin/config-service.js';
import { type ConfigFileInput, openLiveConfig } from './admin/config-startup.js';
import { type ConfigSource, fixedConfig } from './config/config-source.js';
import type { Env } from './config/env.js';
import { withWorkspaceDefaults } from './config/workspace/workspace-defaults.js';
import type { WorkspaceConfig } from './config/workspace-schema.js';
import type { AppContext } from './context.js';
import type { EventSink } from './crm/events.js';
import { HubspotClient } from './crm/hubspot/client.js';
import { HubspotSyncHealth } from './crm/hubspot/health.js';
import { HubspotSender } from './crm/hubspot/sender.js';
import { HubspotSink } from './crm/hubspot/sink.js';
import { EventRelay } from './crm/relay.js';
import { WebhookSender } from './crm/webhooks/sender.js';
import { webhookSink } from './crm/webhooks/sink.js';
import { type Database, openDatabase } from './db/client.js';
import type { DataDirLock } from './db/data-dir-lock.js';
import { type Clock, systemClock } from './domain/clock.js';
import { configuredChannels } from './domain/configured-channels.js';
import { missingKey, readiness } from './domain/readiness.js';
import { hubspotWebhookRoute } from './http/hubspot-webhooks.js';
import { leadActivitiesRoute } from './http/lead-activities.js';
import { leadBulkRoute } from './http/lead-bulk.js';
import { leadIntakeRoute } from './http/lead-intake.js';
import { leadStageRoute } from './http/lead-stage.js';
import { operationalRoutes } from './http/routes.js';
import { cadenceHandlers } from './jobs/cadence.js';
import { cohortRollHandlers, scheduleCohortRoll } from './jobs/cohort-roll.js';
import { maintenanceHandlers, scheduleMaintenance } from './jobs/maintenance.js';
import { recycleHandlers } from './jobs/recycle.js';
import { rebookRetro, retroHandlers, scheduleRetro } from './jobs/retro.js';
import { routingHandlers } from './jobs/routing.js';
import { JobRunner } from './jobs/runner.js';
import { slaHandlers } from './jobs/sla.js';
import { createLogger, type Logger, toBoltLogger } from './observability/logger.js';
import { createBatonMetrics } from './observability/metrics.js';
import { CHANNEL_REFUSALS, ChannelProblemService } from './services/channel-problems.js';
import { FirstTouchService } from './services/first-touch.js';
import { FunnelService } from './services/funnel.js';
import { FunnelExportService } from './services/funnel-export.js';
import { FunnelPlanService } from './services/funnel-plan.js';
import { HomeService } from './services/home.js';
import { LeadContextService } from './services/lead-context.js';
import { LeadDeskService } from './services/lead-desk.js';
import { LeadImportService } from './services/lead-import.js';
import { LeadOwnershipService } from './services/lead-ownership.js';
import { defaultIntakeBatching, LeadService } from './services/leads.js';
import { RetroService } from './services/retro.js';
import { ActionItemService } from './services/retro-actions.js';
import { RetroFiguresService } from './services/retro-figures.js';
import { RosterService } from './services/roster.js';
import { RosterStatusService } from './services/roster-status.js';
import { RoutingService } from './services/routing.js';
import { SettingsService } from './services/settings.js';
import { SlaBoardService } from './services/sla-board.js';
import { StageMoveService } from './services/stage-moves.js';
import { VocService } from './services/voc.js';
import { VocReportService } from './services/voc-report.js';
import { WebhookService } from './services/webhooks.js';
import { findWorkspaceDefaults } from './services/workspace-defaults.js';
import { applyWorkspaceConfig } from './services/workspace-setup.js';
import { type ChannelCheck, checkChannels } from './slack/channel-check.js';
import { registerListeners } from './slack/listeners/index.js';
import { skipEventRetries } from './slack/middleware/skip-event-retries.js';
import { withActionItemWrites } from './slack/outbox/action-item-render.js';
import { withCadenceWrites } from './slack/outbox/cadence-render.js';
import { withChannelProblemWrites } from './slack/outbox/channel-problem-render.js';
import { withOfferWrites } from './slack/outbox/offer-render.js';
import { prepareWrite, recordSentWrite } from './slack/outbox/render.js';
import { withRetroWrites } from './slack/outbox/retro-render.js';
import { createOutboxClient, OutboxSender } from './slack/outbox/sender.js';
import { withVocWrites } from './slack/outbox/voc-render.js';
import { TrackingReceiver } from './slack/receiver.js';
import { enforceRequestWindow } from './slack/request-window.js';
import { slackProfiles } from './slack/user-profiles.js';
import { createSlackClient, slackClientOptions } from './slack/web-client.js';
import { whoAmI } from './slack/who-am-i.js';

export interface BatonOptions {
  env: Env;
  /** One configuration for the workspace; ignored when `configs` is given. */
  config?: WorkspaceConfig;
  /** Where each operation reads its workspace's current configuration (wins over `config`). */
  configs?: ConfigSource;
  /**
   * The config file, applied as a version at start when it differs (and watched when `watch`).
   * With neither `config` nor `configs`, services read the versioned store: the database's current
   * version of each workspace, or the unconfigured one.
   */
  file?: ConfigFileInput | null;
  /** How often the versioned config is polled for other processes' changes (default 2 s). */
  configPollMs?: number;
  clock?: Clock;
  logger?: Logger;
  /** An open database; when absent one is opened from the environment (and closed on stop). */
  database?: Database;
  /** The embedded data directory's lock, when main took it before loading the app. */
  dataDirLock?: DataDirLock;
  /** Web API retries on network errors and 5xx (tests use 0). */
  slackRetries?: number;
  /** How often (ms) the job runner wakes; null leaves it asleep (tests call `jobs.runDue()`). */
  jobTick?: number | null;
  /**
   * Take a time zone and locale the config leaves out from the first admin's Slack profile
   * (default true). The test harness turns it off so its fixtures keep UTC and English.
   */
  workspaceDefaultsFromSlack?: boolean;
}

export interface Baton {
  /** The HTTP port actually listened on (useful with PORT=0). */
  port: number;
  context: AppContext;
  jobs: JobRunner;
  outbox: OutboxSender;
  /** The HubSpot connector (null without HUBSPOT_TOKEN): its relay sink and the sender of its tasks. */
  hubspot: { sink: HubspotSink; sender: HubspotSender } | null;
  /** Hands Baton's events to the sinks (webhooks, CRM connectors). */
  relay: EventRelay;
  webhooks: WebhookSender;
  /** Checks every configured channel again (joins public ones, tells admins about the rest); never throws. */
  checkChannels(): Promise<ChannelCheck>;
  /** Reads and applies the config file again (SIGHUP); null without a file or when it was not applied. */
  reloadConfigFile(): Promise<ConfigChangeResult | null>;
  stop(): Promise<void>;
}

/** Opens the database, learns who we are in Slack, applies the config and starts listening. */
export async function startBaton(options: BatonOptions): Promise<Baton> {
  const { env } = options;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger(env.LOG_LEVEL, { service: 'baton' });
  const metrics = createBatonMetrics();
  // Slack first: it fails in seconds with the reason, before the embedded database's slow start.
  const identity = await whoAmI({
    token: env.SLACK_BOT_TOKEN,
    apiUrl: env.SLACK_API_URL,
    logger,
    metrics,
    retries: options.slackRetries,
  });
  const database =
    options.database ??
    (await openDatabase({ url: env.DATABASE_URL, dataDir: env.BATON_DATA_DIR, lock: options.dataDirLock }));
  let shuttingDown = false;
  try {
    await database.migrate();
    const live = await openLiveConfig({
      database,
      clock,
      logger,
      identity,
      file: options.file ?? null,
      pollMs: options.configPollMs,
    });
    // An unset time zone or locale comes from the workspace's Slack profiles, never silently UTC/English.
    const profiles =
      options.workspaceDefaultsFromSlack === false
        ? null
        : createSlackClient({
            token: env.SLACK_BOT_TOKEN,
            apiUrl: env.SLACK_API_URL,
            logger,
            metrics,
            retries: 0,
          });
    const fixed =
      options.config && profiles
        ? withWorkspaceDefaults(options.config, await findWorkspaceDefaults(options.config, profiles, logger))
        : options.config;
    const configs = options.configs ?? (fixed ? fixedConfig(fixed) : live.store);
    // A fixed config (tools, older tests) is applied the old way: workspace row and roster.
    if (fixed && !options.configs) {
      await applyWorkspaceConfig(database, identity, fixed, clock.now());
    } else if (profiles && !options.configs) {
      const current = live.store.for(identity.teamId);
      live.store.setWorkspaceDefaults(
        identity.teamId,
        await findWorkspaceDefaults(current, profiles, logger),
      );
    }

    const outboxClient = createOutboxClient({
      token: env.SLACK_BOT_TOKEN,
      apiUrl: env.SLACK_API_URL,
      logger,
      metrics,
    });
    const channelProblems = new ChannelProblemService(database, configs);
    const outbox = new OutboxSender({
      database,
      clock,
      logger,
      metrics,
      client: outboxClient,
      // Each feature renders its own writes at delivery and hands the rest down the chain.
      prepare: [
        withCadenceWrites,
        withOfferWrites,
        withVocWrites,
        withRetroWrites,
        withActionItemWrites,
        withChannelProblemWrites,
      ].reduceRight(
        (next, render) => render({ configs, database }, outboxClient, next),
        prepareWrite({ configs, database }),
      ),
      onSent: recordSentWrite(database),
      // Slack refused the channel: admins are told once per channel (DM and Home), the post waits.
      onParked: async (row, channel, code) => {
        const problem = CHANNEL_REFUSALS[code];
        if (problem) await channelProblems.report(row.teamId, channel, problem, clock.now());
      },
    });
    const webhooks = new WebhookSender({
      database,
      configs,
      clock,
      logger: logger.child({ component: 'webhooks' }),
      metrics,
      wakeOutbox: () => outbox.wake(),
    });
    // Every listener to Baton's events; a CRM connector is appended here.
    const hubspotSink = env.HUBSPOT_TOKEN ? new HubspotSink() : null;
    const sinks: EventSink[] = hubspotSink ? [webhookSink, hubspotSink] : [webhookSink];
    const relay = new EventRelay({
      database,
      configs,
      clock,
      logger: logger.child({ component: 'event_relay' }),
      metrics,
      sinks,
      onRelayed: () => {
        webhooks.wake();
        hubspot?.sender.wake();
      },
    });
    const leads = new LeadService(
      database,
      configs,
      // A batch fails as a whole only on a race or a bad row; its leads still go one by one.
      defaultIntakeBatching(database, (error, size) =>
        logger.warn('intake batch failed; its leads were stored one by one', { error, size }),
      ),
    );
    const slackClient = createSlackClient({
      token: env.SLACK_BOT_TOKEN,
      apiUrl: env.SLACK_API_URL,
      logger,
      metrics,
      retries: options.slackRetries,
    });
    const context: AppContext = {
      teamId: identity.teamId,
      configs,
      database,
      clock,
      logger,
      metrics,
      services: {
        roster: new RosterService(database),
        leads,
        leadDesk: new LeadDeskService(database, configs, leads),
        leadImport: new LeadImportService(database, configs, leads),
        rosterStatus: new RosterStatusService(database, configs),
        ownership: new LeadOwnershipService(database, configs),
        leadContext: new LeadContextService(database, configs),
        routing: new RoutingService(database, configs),
        firstTouch: new FirstTouchService(database, configs),
        slaBoard: new SlaBoardService(database, configs),
        funnel: new FunnelService(database, configs),
        funnelExport: new FunnelExportService(database, configs),
        funnelPlan: new FunnelPlanService(database, configs),
        home: new HomeService(database, configs),
        stageMoves: new StageMoveService(database, configs),
        voc: new VocService(database, configs),
        vocReport: new VocReportService(database, configs),
        retro: new RetroService(database, configs),
        retroFigures: new RetroFiguresService(database, configs),
        actionItems: new ActionItemService(database, configs),
        settings: new SettingsService(database, configs),
        channelProblems,
        hubspotSync: env.HUBSPOT_TOKEN ? new HubspotSyncHealth(database) : null,
        admins: new Admins(database, env.BATON_ADMINS, slackProfiles(slackClient, logger), clock),
        config: live.service,
        webhooks: new WebhookService(database, configs),
      },
      slack: slackClient,
      outbox: {
        // Whatever a change queued for Slack, its events may be waiting for the relay too.
        wake: () => {
          outbox.wake();
          relay.wake();
          webhooks.wake();
        },
      },
    };
    // The HubSpot connector is on when its private-app token is set (docs/hubspot.md).
    const hubspot =
      hubspotSink && env.HUBSPOT_TOKEN
        ? {
            sink: hubspotSink,
            sender: new HubspotSender({
              database,
              configs,
              clock,
              logger: logger.child({ component: 'hubspot' }),
              metrics,
              client: new HubspotClient({
                token: env.HUBSPOT_TOKEN,
                apiUrl: env.HUBSPOT_API_URL,
                onCall: (operation, status) => metrics.hubspotCall({ operation, status }),
              }),
              slack: slackClient,
              leads,
              stageMoves: context.services.stageMoves,
              appId: env.HUBSPOT_APP_ID ?? null,
              onChange: () => context.outbox.wake(),
            }),
          }
        : null;
    const boltLogger = toBoltLogger(logger.child({ component: 'bolt' }), env.LOG_LEVEL);
    const customRoutes = [
      ...operationalRoutes(context, () => shuttingDown),
      leadIntakeRoute(context, env.LEAD_WEBHOOK_SECRET),
      leadBulkRoute(context, env.LEAD_WEBHOOK_SECRET),
      leadActivitiesRoute(context, env.LEAD_WEBHOOK_SECRET),
      leadStageRoute(context, env.LEAD_WEBHOOK_SECRET),
      hubspotWebhookRoute(context, {
        // Without the token the events could not be applied: the route answers 503.
        secret: hubspot ? env.HUBSPOT_CLIENT_SECRET : undefined,
        wake: () => hubspot?.sender.wake(),
      }),
    ];
    const clientOptions = slackClientOptions({
      apiUrl: env.SLACK_API_URL,
      logger,
      metrics,
      retries: options.slackRetries,
    });
    const inner: Receiver = env.SLACK_APP_TOKEN
      ? new SocketModeReceiver({
          appToken: env.SLACK_APP_TOKEN,
          customRoutes,
          // clientOptions reach apps.connections.open, so SLACK_API_URL applies to Socket Mode too.
          installerOptions: { port: env.PORT, clientOptions },
          logger: boltLogger,
        })
      : enforceRequestWindow(
          new HTTPReceiver({
            signingSecret: env.SLACK_SIGNING_SECRET!,
            customRoutes,
            // Answer Slack at once and keep working after: long handlers must not hit the 3 s limit.
            processBeforeResponse: false,
            logger: boltLogger,
          }),
          logger,
        );
    const receiver = new TrackingReceiver(inner, metrics);
    const app = new App({
      receiver,
      logger: boltLogger,
      // We ran auth.test above; answering from it saves a Slack call per request.
      authorize: async () => ({
        botToken: env.SLACK_BOT_TOKEN,
        botUserId: identity.botUserId,
        botId: identity.botId,
        teamId: identity.teamId,
      }),
      clientOptions,
    });
    app.use(skipEventRetries(context));
    registerListeners(app, context);
    app.error(async (error) => {
      logger.error('listener failed', { error: error.original ?? error, code: error.code });
    });

    const jobs = new JobRunner({
      database,
      clock,
      logger,
      metrics,
      handlers: {
        ...maintenanceHandlers(context),
        ...cohortRollHandlers(context),
        ...routingHandlers(context),
        ...slaHandlers(context),
        ...cadenceHandlers(context),
        ...recycleHandlers(context),
        ...retroHandlers(context),
      },
    });
    // Joins public channels, tells admins about the rest, re-targets and releases parked posts.
    // Its own client with few retries: a flaky Slack must not hold start-up for minutes.
    const checkClient = createSlackClient({
      token: env.SLACK_BOT_TOKEN,
      apiUrl: env.SLACK_API_URL,
      logger,
      metrics,
      retries: Math.min(options.slackRetries ?? 2, 2),
    });
    const channelCheck = (teamId = identity.teamId) => checkChannels(context, checkClient, teamId);
    await channelCheck();
    await scheduleMaintenance(context, identity.teamId, clock.now());
    await scheduleCohortRoll(context, identity.teamId, clock.now());
    await scheduleRetro(context, identity.teamId, clock.now());
    // A new version (this process's or another's): join its channels, move the retro, post what waited.
    // Every process follows, so each does only what the change calls for.
    live.store.onChange(async (teamId, config, previous) => {
      const same = (pick: (c: WorkspaceConfig) => unknown) =>
        JSON.stringify(pick(config)) === JSON.stringify(pick(previous));
      if (!same(configuredChannels)) await channelCheck(teamId);
      if (!same((c) => [c.retro, c.calendar.timeZone, c.channels.retro]))
        await rebookRetro(context, teamId, clock.now());
      context.outbox.wake();
    });
    live.start();
    if (options.jobTick !== null) {
      jobs.start(options.jobTick);
      // Posts a killed process left in flight are freed now, not when their 2-minute claim runs out.
      await outbox.recover();
      outbox.start();
      hubspot?.sender.start();
      relay.start();
      webhooks.start();
    }

    // HTTP mode returns the server (its port matters with PORT=0); Socket Mode serves routes on PORT.
    const started = await app.start(env.PORT);
    const port = env.SLACK_APP_TOKEN ? env.PORT : ((started as Server).address() as AddressInfo).port;
    const missing = readiness(configs.for(identity.teamId));
    if (missing.length > 0) {
      logger.warn("not set up yet: open Baton's Home in Slack", { missing: missing.map(missingKey) });
    }
    logger.info('Baton is up', {
      port,
      mode: env.SLACK_APP_TOKEN ? 'socket' : 'http',
      database: database.kind,
      // Absolute (resolved once in env.ts): says which directory this process has locked.
      ...(database.kind === 'pglite' && !options.database ? { data_dir: env.BATON_DATA_DIR } : {}),
      // existing | template (a new directory copied from the build's) | initdb, with its reason.
      ...(database.preparation ? { data_dir_start: database.preparation } : {}),
      locale: configs.for(identity.teamId).locale,
      time_zone: configs.for(identity.teamId).calendar.timeZone,
      team_id: identity.teamId,
    });

    return {
      port,
      context,
      jobs,
      outbox,
      hubspot,
      relay,
      webhooks,
      async checkChannels() {
        const result = await channelCheck();
        context.outbox.wake();
        return result;
      },
      reloadConfigFile: () => live.file?.reload('SIGHUP') ?? Promise.resolve(null),
      async stop() {
        shuttingDown = true;
        await live.stop();
        await app.stop(); // stops accepting; requests already in progress finish
        await receiver.drain(); // listeners still working after their ack
        await jobs.stop();
        await outbox.stop();
        await hubspot?.sender.stop();
        await relay.stop();
        await webhooks.stop();
        if (!options.database) await database.close();
        logger.info('Baton stopped');
      },
    };
  } catch (error) {
    if (!options.database) await database.close().catch(() => {});
    throw error;
  }
}
