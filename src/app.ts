import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, type Receiver, SocketModeReceiver } from '@slack/bolt';
import type { Env } from './config/env.js';
import type { WorkspaceConfig } from './config/workspace-schema.js';
import type { AppContext } from './context.js';
import { type Database, openDatabase } from './db/client.js';
import type { DataDirLock } from './db/data-dir-lock.js';
import { type Clock, systemClock } from './domain/clock.js';
import { leadActivitiesRoute } from './http/lead-activities.js';
import { leadIntakeRoute } from './http/lead-intake.js';
import { leadStageRoute } from './http/lead-stage.js';
import { operationalRoutes } from './http/routes.js';
import { cadenceHandlers } from './jobs/cadence.js';
import { maintenanceHandlers, scheduleMaintenance } from './jobs/maintenance.js';
import { recycleHandlers } from './jobs/recycle.js';
import { retroHandlers, scheduleRetro } from './jobs/retro.js';
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
import { LeadOwnershipService } from './services/lead-ownership.js';
import { LeadService } from './services/leads.js';
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
import { createSlackClient, slackClientOptions } from './slack/web-client.js';
import { whoAmI } from './slack/who-am-i.js';

export interface BatonOptions {
  env: Env;
  config: WorkspaceConfig;
  clock?: Clock;
  logger?: Logger;
  /** An open database; when absent one is opened from the environment (and closed on stop). */
  database?: Database;
  /** The embedded data directory's lock, when main took it before loading the app. */
  dataDirLock?: DataDirLock;
  /** Web API retries on network errors and 5xx (tests use 0). */
  slackRetries?: number;
  /** Cron rule that wakes the job runner; null leaves it asleep (tests call `jobs.runDue()`). */
  jobTick?: string | null;
}

export interface Baton {
  /** The HTTP port actually listened on (useful with PORT=0). */
  port: number;
  context: AppContext;
  jobs: JobRunner;
  outbox: OutboxSender;
  /** Checks every configured channel again (joins public ones, tells admins about the rest); never throws. */
  checkChannels(): Promise<ChannelCheck>;
  stop(): Promise<void>;
}

/** Opens the database, learns who we are in Slack, applies the config and starts listening. */
export async function startBaton(options: BatonOptions): Promise<Baton> {
  const { env, config } = options;
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
    await applyWorkspaceConfig(database, identity, config, clock.now());

    const outboxClient = createOutboxClient({
      token: env.SLACK_BOT_TOKEN,
      apiUrl: env.SLACK_API_URL,
      logger,
      metrics,
    });
    const channelProblems = new ChannelProblemService(database, config);
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
        (next, render) => render({ config, database }, outboxClient, next),
        prepareWrite({ config, database }),
      ),
      onSent: recordSentWrite(database),
      // Slack refused the channel: admins are told once per channel (DM and Home), the post waits.
      onParked: async (row, channel, code) => {
        const problem = CHANNEL_REFUSALS[code];
        if (problem) await channelProblems.report(row.teamId, channel, problem, clock.now());
      },
    });
    const leads = new LeadService(database, config);
    const context: AppContext = {
      teamId: identity.teamId,
      config,
      database,
      clock,
      logger,
      metrics,
      services: {
        roster: new RosterService(database),
        leads,
        leadDesk: new LeadDeskService(database, config, leads),
        rosterStatus: new RosterStatusService(database, config),
        ownership: new LeadOwnershipService(database, config),
        leadContext: new LeadContextService(database, config),
        routing: new RoutingService(database, config),
        firstTouch: new FirstTouchService(database, config),
        slaBoard: new SlaBoardService(database, config),
        funnel: new FunnelService(database, config),
        funnelExport: new FunnelExportService(database, config),
        funnelPlan: new FunnelPlanService(database, config),
        home: new HomeService(database, config),
        stageMoves: new StageMoveService(database, config),
        voc: new VocService(database, config),
        vocReport: new VocReportService(database, config),
        retro: new RetroService(database, config),
        retroFigures: new RetroFiguresService(database, config),
        actionItems: new ActionItemService(database, config),
        settings: new SettingsService(database, config),
        channelProblems,
      },
      slack: createSlackClient({
        token: env.SLACK_BOT_TOKEN,
        apiUrl: env.SLACK_API_URL,
        logger,
        metrics,
        retries: options.slackRetries,
      }),
      outbox: {
        wake: () => outbox.wake(),
      },
    };
    const boltLogger = toBoltLogger(logger.child({ component: 'bolt' }), env.LOG_LEVEL);
    const customRoutes = [
      ...operationalRoutes(context, () => shuttingDown),
      leadIntakeRoute(context, env.LEAD_WEBHOOK_SECRET),
      leadActivitiesRoute(context, env.LEAD_WEBHOOK_SECRET),
      leadStageRoute(context, env.LEAD_WEBHOOK_SECRET),
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
    const channelCheck = () => checkChannels(context, checkClient, identity.teamId);
    await channelCheck();
    await scheduleMaintenance(context, identity.teamId, clock.now());
    await scheduleRetro(context, identity.teamId, clock.now());
    if (options.jobTick !== null) {
      jobs.start(options.jobTick);
      // Posts a killed process left in flight are freed now, not when their 2-minute claim runs out.
      await outbox.recover();
      outbox.start();
    }

    // HTTP mode returns the server (its port matters with PORT=0); Socket Mode serves routes on PORT.
    const started = await app.start(env.PORT);
    const port = env.SLACK_APP_TOKEN ? env.PORT : ((started as Server).address() as AddressInfo).port;
    logger.info('Baton is up', {
      port,
      mode: env.SLACK_APP_TOKEN ? 'socket' : 'http',
      database: database.kind,
      // Absolute (resolved once in env.ts): says which directory this process has locked.
      ...(database.kind === 'pglite' && !options.database ? { data_dir: env.BATON_DATA_DIR } : {}),
      // existing | template (a new directory copied from the build's) | initdb, with its reason.
      ...(database.preparation ? { data_dir_start: database.preparation } : {}),
      locale: config.locale,
      time_zone: config.calendar.timeZone,
      team_id: identity.teamId,
    });

    return {
      port,
      context,
      jobs,
      outbox,
      async checkChannels() {
        const result = await channelCheck();
        context.outbox.wake();
        return result;
      },
      async stop() {
        shuttingDown = true;
        await app.stop(); // stops accepting; requests already in progress finish
        await receiver.drain(); // listeners still working after their ack
        await jobs.stop();
        await outbox.stop();
        if (!options.database) await database.close();
        logger.info('Baton stopped');
      },
    };
  } catch (error) {
    if (!options.database) await database.close().catch(() => {});
    throw error;
  }
}
