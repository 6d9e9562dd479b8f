import type { WebClient } from '@slack/web-api';
import type { Admins } from './admin/admins.js';
import type { ConfigService } from './admin/config-service.js';
import type { ConfigSource } from './config/config-source.js';
import type { HubspotSyncHealth } from './crm/hubspot/health.js';
import type { Database } from './db/client.js';
import type { Clock } from './domain/clock.js';
import type { Logger } from './observability/logger.js';
import type { BatonMetrics } from './observability/metrics.js';
import type { ChannelProblemService } from './services/channel-problems.js';
import type { FirstTouchService } from './services/first-touch.js';
import type { FunnelService } from './services/funnel.js';
import type { FunnelExportService } from './services/funnel-export.js';
import type { FunnelPlanService } from './services/funnel-plan.js';
import type { HomeService } from './services/home.js';
import type { LeadContextService } from './services/lead-context.js';
import type { LeadDeskService } from './services/lead-desk.js';
import type { LeadImportService } from './services/lead-import.js';
import type { LeadOwnershipService } from './services/lead-ownership.js';
import type { LeadService } from './services/leads.js';
import type { RetroService } from './services/retro.js';
import type { ActionItemService } from './services/retro-actions.js';
import type { RetroFiguresService } from './services/retro-figures.js';
import type { RosterService } from './services/roster.js';
import type { RosterStatusService } from './services/roster-status.js';
import type { RoutingService } from './services/routing.js';
import type { SettingsService } from './services/settings.js';
import type { SlaBoardService } from './services/sla-board.js';
import type { StageMoveService } from './services/stage-moves.js';
import type { VocService } from './services/voc.js';
import type { VocReportService } from './services/voc-report.js';
import type { WebhookService } from './services/webhooks.js';

/** What listeners, routes and jobs share; built once in app.ts. */
export interface AppContext {
  /** The Slack workspace this process serves (from auth.test at start). */
  teamId: string;
  /** Each workspace's current configuration: resolve it once per operation, for its team id. */
  configs: ConfigSource;
  database: Database;
  clock: Clock;
  logger: Logger;
  metrics: BatonMetrics;
  services: {
    roster: RosterService;
    leads: LeadService;
    leadDesk: LeadDeskService;
    leadImport: LeadImportService;
    rosterStatus: RosterStatusService;
    ownership: LeadOwnershipService;
    leadContext: LeadContextService;
    routing: RoutingService;
    firstTouch: FirstTouchService;
    slaBoard: SlaBoardService;
    funnel: FunnelService;
    funnelExport: FunnelExportService;
    funnelPlan: FunnelPlanService;
    home: HomeService;
    stageMoves: StageMoveService;
    voc: VocService;
    vocReport: VocReportService;
    retro: RetroService;
    retroFigures: RetroFiguresService;
    actionItems: ActionItemService;
    settings: SettingsService;
    /** The versioned workspace configuration: change, history, restore, export. */
    config: ConfigService;
    channelProblems: ChannelProblemService;
    /** The HubSpot sync's problems for admins' Home; null when the connector is off. */
    hubspotSync: HubspotSyncHealth | null;
    /** Who may administer Baton, and their Slack profiles (cached). */
    admins: Admins;
    /** Outbound webhook endpoints: health, test deliveries, resume. */
    webhooks: WebhookService;
  };
  /** Web API calls outside a request (jobs): uploads and reads; posts go through the outbox. */
  slack: WebClient;
  /** Asks the outbox to deliver queued Slack writes now rather than at its next tick. */
  outbox: { wake(): void };
}
