import type { types } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { WorkspaceConfig } from '../config/workspace-schema.js';
import type { AppContext } from '../context.js';
import { adminIds, configuredChannels } from '../domain/configured-channels.js';
import { type Catalog, messages } from '../i18n/index.js';
import type { HomeData } from '../services/home.js';
import { channelProblemsHome } from './blocks/channel-problems.js';
import { type Block, context, divider } from './blocks/common.js';
import { memberHome, strangerHome } from './blocks/home.js';
import { homeFunnelBlocks } from './blocks/home-funnel.js';
import { homeMyLeadsBlocks } from './blocks/home-my-leads.js';
import { hubspotSyncBlocks } from './blocks/hubspot-sync.js';
import { workspaceKeyLabels } from './blocks/key-labels.js';
import { crmSettingsBlocks } from './blocks/settings-crm.js';
import { slaBoardBlocks } from './blocks/sla-board.js';
import { webhooksHome } from './blocks/webhooks.js';
import { cardLinkCache } from './permalink-cache.js';
import { setupHome } from './setup-views.js';

/** The leads Home lists by name, so their cards can be linked. */
function listedLeads(home: Extract<HomeData, { kind: 'member' }>) {
  return [
    ...(home.pipeline?.stages.flatMap((g) => g.leads.map((item) => item.lead)) ?? []),
    ...(home.team?.pulse?.unclaimed.leads ?? []),
  ];
}

/**
 * A person's App Home: the greeting, then what their roles call for — the SLA board (sellers,
 * managers), their open leads (sellers) and the team's week against the goal (managers, marketers).
 */
export async function homeView(
  ctx: AppContext,
  client: WebClient,
  teamId: string,
  userId: string,
): Promise<types.HomeView> {
  const config = ctx.configs.for(teamId);
  const t = messages(config.locale);
  const now = ctx.clock.now();
  const home = await ctx.services.home.home(teamId, userId, now);
  // Admins (and managers, for their team) get the set-up checklist, later "Settings", on top.
  const rights = await ctx.services.admins.rights(teamId, userId);
  const setupPart = setupHome(ctx, t, teamId, rights);
  // Settings end with "Webhooks and CRM" for admins (managers see only their team's people).
  const setup = rights.admin
    ? {
        ...setupPart,
        blocks: [
          ...setupPart.blocks,
          divider(),
          ...crmSettingsBlocks(t, {
            endpoints: await ctx.services.webhooks.list(teamId),
            managed: ctx.services.config.managedKeys(teamId).includes('webhooks'),
            hubspot: ctx.services.hubspotSync ? config.hubspot : null,
          }),
        ],
      }
    : setupPart;
  // Admins see which configured channels Baton cannot post to (what to /invite), until they are fixed.
  // …which webhook endpoints are failing or paused, and what the HubSpot sync could not write, and why.
  const notice =
    rights.admin || adminIds(config).includes(userId)
      ? [
          ...(await channelNotice(ctx, t, config, teamId)),
          ...webhooksHome(t, await ctx.services.webhooks.failing(teamId)),
          ...hubspotSyncBlocks(t, (await ctx.services.hubspotSync?.problems(teamId, now)) ?? null),
        ]
      : [];
  if (home.kind === 'stranger') {
    // An admin need not be on the roster (BATON_ADMINS, workspace admins): set-up is their Home.
    if (setup.blocks.length > 0) {
      const blocks = [...setup.blocks, divider(), ...(notice.length ? [...notice, divider()] : [])];
      return { type: 'home', blocks: [...blocks, context(t.home.commandsHint)] };
    }
    return strangerHome(t, userId, home.adminIds);
  }
  const links = await cardLinkCache.links(client, listedLeads(home), ctx.logger);
  // Until Baton is set up the checklist comes first; afterwards "Settings" sits below the rest.
  const parts: Block[][] = setup.blocks.length > 0 && !setup.ready ? [setup.blocks] : [];
  if (notice.length > 0) parts.push(notice);
  if (home.board) parts.push(slaBoardBlocks(t, home.board));
  if (home.pipeline) parts.push(homeMyLeadsBlocks(t, home.pipeline, links, now));
  if (home.team) parts.push(homeFunnelBlocks(t, home.team, links));
  if (setup.blocks.length > 0 && setup.ready) parts.push(setup.blocks);
  return memberHome(t, home.member, parts, workspaceKeyLabels(t, config));
}

async function channelNotice(
  ctx: AppContext,
  t: Catalog,
  config: WorkspaceConfig,
  teamId: string,
): Promise<Block[]> {
  const uses = new Map(configuredChannels(config).map((c) => [c.channel, c.uses]));
  const problems = await ctx.services.channelProblems.list(teamId);
  return channelProblemsHome(
    t,
    problems.map((p) => ({ channel: p.channel, problem: p.problem, uses: uses.get(p.channel) ?? [] })),
  );
}

/** Publishes the person's Home: when they open it, and after they logged a touch from it. */
export async function publishHome(
  ctx: AppContext,
  client: WebClient,
  teamId: string,
  userId: string,
): Promise<void> {
  await client.views.publish({ user_id: userId, view: await homeView(ctx, client, teamId, userId) });
}
