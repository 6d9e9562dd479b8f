import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { AppContext } from '../../../context.js';
import { parseLeadQuery } from '../../../domain/lead-query.js';
import { mayImportLeads } from '../../../domain/roles.js';
import { type Catalog, messages } from '../../../i18n/index.js';
import type { Block } from '../../blocks/common.js';
import { workspaceKeyLabels } from '../../blocks/key-labels.js';
import { importPickModal } from '../../blocks/lead-import-modal.js';
import {
  leadHelpBlocks,
  leadListBlocks,
  leadSummary,
  myLeadsBlocks,
  noMatchBlocks,
} from '../../blocks/lead-lookup.js';
import { leadModal } from '../../blocks/lead-modal.js';
import { escapeMrkdwn } from '../../mrkdwn.js';
import { cardPermalinks } from '../../permalinks.js';
import { requestConfig } from '../request-config.js';
import { isStageCommand, leadStage } from './lead-stage.js';
import { leadTouch } from './lead-touch.js';

type Args = SlackCommandMiddlewareArgs & AllMiddlewareArgs;
type Reply = (message: { text: string; blocks?: Block[] }) => Promise<unknown>;

/** What the modal carries to its submission: where `/lead new` was typed, to answer there. */
export interface LeadModalMetadata {
  channel: string;
}

/** `/lead [new | mine | help | <email, company or id>]` — answers are ephemeral. */
export const leadCommand =
  (ctx: AppContext) =>
  async ({ command, ack, respond, client, context }: Args): Promise<void> => {
    const { teamId, config } = requestConfig(ctx, context, command);
    const t = messages(config.locale);
    const text = command.text.trim();
    const sub = text.toLowerCase();
    if (sub === '' || sub === 'help') {
      await ack({ response_type: 'ephemeral', text: t.lead.helpTitle, blocks: leadHelpBlocks(t) });
      return;
    }
    await ack();
    const reply: Reply = (message) => respond({ response_type: 'ephemeral', ...message });
    try {
      const desk = ctx.services.leadDesk;
      const member = await desk.member(teamId, command.user_id);
      if (!member) {
        await reply({ text: t.home.notOnRoster(command.user_id, t.home.anAdmin) });
        return;
      }
      if (sub === 'import') {
        if (!mayImportLeads(member.roles)) await reply({ text: t.leadImport.notAllowed });
        else await client.views.open({ trigger_id: command.trigger_id, view: importPickModal(t, '{}') });
        return;
      }
      if (sub === 'new') {
        const metadata: LeadModalMetadata = { channel: command.channel_id };
        await client.views.open({
          trigger_id: command.trigger_id,
          view: leadModal(t, JSON.stringify(metadata)),
        });
        return;
      }
      if (sub === 'mine') {
        const mine = await desk.mine(teamId, command.user_id);
        const leads = mine.stages.flatMap((g) => g.leads);
        const links = await cardPermalinks(client, leads, ctx.logger);
        await reply({ text: t.lead.mineTitle(leads.length), blocks: myLeadsBlocks(t, mine, links) });
        return;
      }
      if (sub === 'touch' || sub.startsWith('touch ')) {
        await leadTouch(ctx, config, t, teamId, command.user_id, text, reply);
        return;
      }
      if (isStageCommand(text)) {
        await leadStage(ctx, config, t, teamId, command, text, reply, client);
        return;
      }
      await find(ctx, t, teamId, text, reply, client);
    } catch (error) {
      ctx.logger.error('/lead failed', { error, subcommand: sub.split(' ')[0], team_id: teamId });
      await reply({ text: t.errors.internal });
    }
  };

async function find(
  ctx: AppContext,
  t: Catalog,
  teamId: string,
  text: string,
  reply: Reply,
  client: Args['client'],
): Promise<void> {
  const query = parseLeadQuery(text)!;
  const result = await ctx.services.leadDesk.search(teamId, query);
  if (result.leads.length === 0) {
    // A single unknown word may be a mistyped subcommand as much as a company: show help too.
    await reply(noMatchBlocks(t, text, query.kind === 'text' && !text.includes(' ')));
    return;
  }
  const links = await cardPermalinks(client, result.leads, ctx.logger);
  if (result.leads.length === 1) {
    await reply(leadSummary(t, result.leads[0]!, links, workspaceKeyLabels(t, ctx.configs.for(teamId))));
    return;
  }
  await reply({
    text: t.lead.matches(result.leads.length, escapeMrkdwn(text)),
    blocks: leadListBlocks(t, text, result.leads, result.more, links),
  });
}
