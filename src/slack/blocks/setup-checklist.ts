/** The admin's part of App Home: the set-up checklist until Baton is set up, then "Settings". */
import type { ChecklistEntry } from '../../domain/setup-checklist.js';
import { isSetUp } from '../../domain/setup-checklist.js';
import type { Catalog } from '../../i18n/index.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import { type Block, context, header, section } from './common.js';
import { plain, SETUP_OPEN_ACTION } from './setup-common.js';

export interface SetupHomeOptions {
  /** Managers see only the people item (their own team). */
  peopleOnly: boolean;
}

function detail(t: Catalog, entry: ChecklistEntry): string {
  const h = t.admin.home;
  const segments = entry.missing.map(escapeMrkdwn).join(', ');
  if (entry.state === 'required' && entry.item === 'channels') return h.missingChannels(segments);
  if (entry.state === 'required' && entry.item === 'people') return h.missingSellers(segments);
  return h.describe[entry.item];
}

export function setupHomeBlocks(
  t: Catalog,
  entries: readonly ChecklistEntry[],
  options: SetupHomeOptions,
): Block[] {
  const h = t.admin.home;
  const ready = isSetUp(entries);
  const shown = options.peopleOnly ? entries.filter((e) => e.item === 'people') : entries;
  const blocks: Block[] = [header(ready ? h.settingsTitle : h.setupTitle)];
  blocks.push(context(options.peopleOnly ? h.teamOnly : ready ? h.settingsIntro : h.setupIntro));
  for (const entry of shown) {
    const text = `*${h.items[entry.item]}* · ${h.states[entry.state]}\n${detail(t, entry)}`;
    const block = section(text);
    // What the file manages opens read-only, so the admin can still see it.
    const label = entry.state === 'required' || entry.state === 'default' ? h.setUp : h.edit;
    blocks.push({
      ...block,
      block_id: `setup_${entry.item}`,
      accessory: {
        type: 'button',
        action_id: SETUP_OPEN_ACTION,
        value: entry.item,
        text: plain(label),
        ...(entry.state === 'required' ? { style: 'primary' as const } : {}),
      },
    } as Block);
  }
  return blocks;
}
