/** The channels modal: a leads channel per segment, escalations, retro, VOC by category. */
import type { types } from '@slack/bolt';
import { VOC_CATEGORIES } from '../../config/workspace/constants.js';
import { documentSegments } from '../../domain/setup-checklist.js';
import type { ChannelsForm } from '../../domain/setup-edits.js';
import type { Catalog } from '../../i18n/index.js';
import type { Block } from './common.js';
import {
  type FieldFor,
  field,
  input,
  SETUP_INPUT,
  SETUP_VIEWS,
  setupModal,
  type ViewValues,
} from './setup-common.js';

export const leadsBlock = (segment: string) => `ch_leads_${segment}`;
export const vocBlock = (category: string) => `ch_voc_${category}`;
export const ESCALATIONS_BLOCK = 'ch_escalations';
export const RETRO_BLOCK = 'ch_retro';

type Doc = Record<string, unknown>;
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** The channels the document names (not the defaults the config derives from them). */
function current(doc: Doc) {
  const channels = isRecord(doc.channels) ? doc.channels : {};
  const leads = channels.leads;
  const leadsFor = (segment: string) =>
    typeof leads === 'string'
      ? leads
      : isRecord(leads)
        ? (str(leads[segment]) ?? str(leads.default))
        : undefined;
  const voc = isRecord(channels.voc) ? channels.voc : {};
  return { leadsFor, escalations: str(channels.escalations), retro: str(channels.retro), voc };
}

const select = (initial: string | undefined): types.ConversationsSelect => ({
  type: 'conversations_select',
  action_id: SETUP_INPUT,
  filter: { include: ['public', 'private'], exclude_bot_users: true, exclude_external_shared_channels: true },
  ...(initial ? { initial_conversation: initial } : {}),
});

export function channelsModal(t: Catalog, doc: Doc, readOnly: boolean): types.ModalView {
  const m = t.admin.modal.channels;
  const now = current(doc);
  const blocks: Block[] = documentSegments(doc).map((segment) =>
    input(leadsBlock(segment), m.leadsFor(segment), select(now.leadsFor(segment)), { hint: m.leadsHint }),
  );
  blocks.push(
    input(ESCALATIONS_BLOCK, m.escalations, select(now.escalations), {
      optional: true,
      hint: m.escalationsHint,
    }),
    input(RETRO_BLOCK, m.retro, select(now.retro), { optional: true, hint: m.retroHint }),
    { type: 'section', text: { type: 'mrkdwn', text: m.vocHeading } },
    ...VOC_CATEGORIES.map((category) =>
      input(vocBlock(category), m.vocFor(t.voc.categories[category]), select(str(now.voc[category])), {
        optional: true,
      }),
    ),
    { type: 'context', elements: [{ type: 'mrkdwn', text: m.afterSave }] },
  );
  return setupModal(t, SETUP_VIEWS.channels, m.title, blocks, readOnly);
}

export function readChannelsForm(values: ViewValues, doc: Doc): ChannelsForm {
  const conversation = (block: string) => field(values, block).selected_conversation ?? null;
  const leads: Record<string, string> = {};
  for (const segment of documentSegments(doc)) {
    const channel = conversation(leadsBlock(segment));
    if (channel) leads[segment] = channel;
  }
  return {
    leads,
    escalations: conversation(ESCALATIONS_BLOCK),
    retro: conversation(RETRO_BLOCK),
    voc: Object.fromEntries(VOC_CATEGORIES.map((c) => [c, conversation(vocBlock(c))])),
  };
}

/** `channels.leads.smb` → its select; `channels.leads` (a segment without one) → the first segment's. */
export const channelsFieldFor =
  (segments: readonly string[]): FieldFor =>
  (path) => {
    if (path[0] !== 'channels') return null;
    if (path[1] === 'leads') {
      const segment = typeof path[2] === 'string' && segments.includes(path[2]) ? path[2] : segments[0];
      return segment ? leadsBlock(segment) : null;
    }
    if (path[1] === 'escalations') return ESCALATIONS_BLOCK;
    if (path[1] === 'retro') return RETRO_BLOCK;
    if (path[1] === 'voc' && typeof path[2] === 'string') return vocBlock(path[2]);
    return null;
  };
