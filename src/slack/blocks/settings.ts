import type { Catalog } from '../../i18n/index.js';
import { type Block, context } from './common.js';

/** The toggle in the `/baton settings` answer; value = the state it switches to (`on` / `off`). */
export const RETRO_DMS_ACTION = 'settings_retro_dms';

/** Someone's settings with a button that flips retro DMs. */
export function settingsMessage(
  t: Catalog,
  settings: { retroDms: boolean },
): { text: string; blocks: Block[] } {
  const state = settings.retroDms ? t.settings.retroDmsOn : t.settings.retroDmsOff;
  return {
    text: `${t.settings.title}: ${state}`,
    blocks: [
      {
        type: 'section',
        block_id: 'settings_retro_dms',
        text: { type: 'mrkdwn', text: `*${t.settings.title}*\n${state}` },
        accessory: {
          type: 'button',
          action_id: RETRO_DMS_ACTION,
          value: settings.retroDms ? 'off' : 'on',
          text: { type: 'plain_text', text: settings.retroDms ? t.settings.turnOff : t.settings.turnOn },
        },
      },
      context(t.settings.footer),
    ],
  };
}
