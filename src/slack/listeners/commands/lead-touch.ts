import type { WorkspaceConfig } from '../../../config/workspace-schema.js';
import type { AppContext } from '../../../context.js';
import { parseTouchCommand } from '../../../domain/activity.js';
import { parseLeadQuery } from '../../../domain/lead-query.js';
import type { Catalog } from '../../../i18n/index.js';
import { elapsedText } from '../../blocks/first-touch.js';
import { leadLabel } from '../../blocks/lead-ownership.js';
import { escapeMrkdwn } from '../../mrkdwn.js';
import { touchRefusalText } from '../touch-refusals.js';

/** `/lead touch <id | email> [call | email | meeting | other] [note]`: logs a touch; the answer is private. */
export async function leadTouch(
  ctx: AppContext,
  config: WorkspaceConfig,
  t: Catalog,
  teamId: string,
  userId: string,
  text: string,
  reply: (message: { text: string }) => Promise<unknown>,
): Promise<void> {
  const parsed = parseTouchCommand(text);
  if (!parsed) return void (await reply({ text: t.touch.needLead }));
  const query = parseLeadQuery(parsed.ref);
  if (!query || query.kind === 'text') return void (await reply({ text: t.touch.needLead }));
  const found = await ctx.services.leadDesk.search(teamId, query);
  const lead = found.leads[0];
  if (!lead) return void (await reply({ text: t.touch.noLead(escapeMrkdwn(parsed.ref)) }));
  const result = await ctx.services.firstTouch.logActivity(teamId, lead.id, {
    kind: parsed.kind,
    note: parsed.note,
    actorId: userId,
    via: 'slack',
    at: ctx.clock.now(),
  });
  if (!result.ok) return void (await reply({ text: touchRefusalText(t, result, userId) }));
  ctx.outbox.wake();
  const kind = t.touch.kindWords[parsed.kind];
  const touch = result.firstTouch;
  await reply({
    text: touch
      ? t.touch.loggedFirst(leadLabel(lead), kind, elapsedText(t, touch.minutes, config.sla.clock), touch.met)
      : t.touch.logged(leadLabel(lead), kind),
  });
}
