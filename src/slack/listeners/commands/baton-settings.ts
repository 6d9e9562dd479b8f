import type { RespondFn } from '@slack/bolt';
import type { AppContext } from '../../../context.js';
import type { Catalog } from '../../../i18n/index.js';
import type { SettingsResult } from '../../../services/settings.js';
import { settingsMessage } from '../../blocks/settings.js';
import { escapeMrkdwn } from '../../mrkdwn.js';
import { notOnRosterText } from '../refusals.js';

/** The answer to a settings lookup or change: the settings with their toggle, or the roster refusal. */
export function settingsAnswer(t: Catalog, userId: string, result: SettingsResult) {
  return result.ok ? settingsMessage(t, result) : { text: notOnRosterText(t, userId, result.adminIds) };
}

/** `/baton settings` shows your settings; `/baton settings retro-dms on|off` changes them. */
export async function answerSettings(
  ctx: AppContext,
  t: Catalog,
  req: { teamId: string; userId: string; arg: string },
  respond: RespondFn,
): Promise<void> {
  const words = req.arg.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const { settings } = ctx.services;
  let result: SettingsResult;
  if (words.length === 0) {
    result = await settings.get(req.teamId, req.userId);
  } else if (words.length === 2 && words[0] === 'retro-dms' && (words[1] === 'on' || words[1] === 'off')) {
    result = await settings.setRetroDms(req.teamId, req.userId, words[1] === 'on', ctx.clock.now());
  } else {
    await respond({ response_type: 'ephemeral', text: t.settings.usage(escapeMrkdwn(req.arg.trim())) });
    return;
  }
  await respond({ response_type: 'ephemeral', ...settingsAnswer(t, req.userId, result) });
}
