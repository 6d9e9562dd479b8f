/**
 * VOC surfaces: the capture modal (every path opens it), what the person sees after saving, the
 * reaction's private prompt, the reverse-flow post in a category's channel, and `/voc help`.
 */
import type { types } from '@slack/bolt';
import { VOC_CATEGORIES, type VocCategory } from '../../config/workspace/constants.js';
import type { LeadRow } from '../../db/queries/leads.js';
import type { VocRow } from '../../db/queries/voc.js';
import type { VocVia } from '../../db/schema.js';
import {
  excerpt,
  isVocCategory,
  VOC_LIMITS,
  VOC_SENTIMENTS,
  type VocInput,
  type VocProblem,
  type VocSentimentValue,
} from '../../domain/voc.js';
import type { Catalog } from '../../i18n/index.js';
import type { VocRefusal, VocSaved, VocSource } from '../../services/voc.js';
import { escapeMrkdwn, mention, slackDate } from '../mrkdwn.js';
import { type Block, context, header, section } from './common.js';
import { escapedWithin, joinWithin } from './fit.js';
import { leadRef } from './lead-lookup.js';
import { categoryLabel, channelLink, quotePreview, quoteWithin, sourceLink } from './voc-text.js';

export const VOC_MODAL_VIEW = 'voc_modal';
export const VOC_SAVED_VIEW = 'voc_saved';
/** Every input of the modal has this action id (the block id names the field), except the lead search. */
export const VOC_INPUT_ACTION = 'value';
/** The modal's lead search (external_select); its options come from the options listener. */
export const VOC_LEAD_ACTION = 'voc_lead';
/** The reaction prompt's category select; option value = `<entry id>:<category>`. */
export const VOC_CATEGORY_ACTION = 'voc_prompt_category';
/** The reaction prompt's Add details button; value = the entry id. */
export const VOC_DETAILS_ACTION = 'voc_prompt_details';

/** Longest competitor, account or tag list a channel post shows (after escaping). */
const DETAIL_MAX = 300;
/** Longest quote a channel post shows (rendered, after escaping). */
const POST_QUOTE_MAX = 1500;
/** The tags field: room for the most tags of the longest length with their separators. */
const TAGS_INPUT_MAX = VOC_LIMITS.tags * (VOC_LIMITS.tag + 3);

const plain = (text: string) => ({ type: 'plain_text' as const, text });
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

// ------------------------------------------------------------------ the modal

/** What the modal carries to its submission. */
export interface VocModalMetadata {
  /** Editing this entry. */
  entryId?: number;
  /** A new entry quoting this message. */
  source?: VocSource;
  via: VocVia;
}

const VIAS: readonly string[] = ['shortcut', 'reaction', 'command'] satisfies VocVia[];
const nullableString = (v: unknown): v is string | null => v === null || typeof v === 'string';

function isSource(value: unknown): value is VocSource {
  const s = value as Partial<VocSource> | null;
  return (
    typeof s === 'object' &&
    s !== null &&
    typeof s.channel === 'string' &&
    typeof s.ts === 'string' &&
    nullableString(s.threadTs) &&
    nullableString(s.authorId) &&
    nullableString(s.permalink)
  );
}

/** The modal's metadata as sent back by Slack; undefined when it is not ours. */
export function parseVocMetadata(raw: string): VocModalMetadata | undefined {
  try {
    const m = JSON.parse(raw) as Partial<VocModalMetadata>;
    if (typeof m.via !== 'string' || !VIAS.includes(m.via)) return undefined;
    if (m.entryId !== undefined && !Number.isSafeInteger(m.entryId)) return undefined;
    if (m.source !== undefined && !isSource(m.source)) return undefined;
    return {
      via: m.via,
      ...(m.entryId !== undefined ? { entryId: m.entryId } : {}),
      ...(m.source ? { source: m.source } : {}),
    };
  } catch {
    return undefined;
  }
}

export interface VocModalInput {
  metadata: VocModalMetadata;
  /** Editing: the entry (and its linked lead) fill every field. */
  entry?: VocRow | undefined;
  lead?: LeadRow | undefined;
  /** New: the quote to start from (the message's text, or what followed `/voc`). */
  quote?: string | null;
}

const categoryOption = (t: Catalog, category: VocCategory, value: string = category) => ({
  text: plain(t.voc.categories[category]),
  value,
});
const sentimentOption = (t: Catalog, sentiment: VocSentimentValue) => ({
  text: plain(t.voc.sentiments[sentiment]),
  value: sentiment,
});

/** A lead as an option of the lead search: `#12 Kim Minji (Acme)`, within Slack's 75 characters. */
export function leadOption(lead: LeadRow) {
  const who = lead.name ?? lead.email ?? '';
  const label = `#${lead.id} ${who}${lead.company ? ` (${lead.company})` : ''}`.trim();
  return { text: plain(clip(label, 75)), value: String(lead.id) };
}

function textInput(
  block: string,
  label: string,
  opts: { initial?: string | null; max: number; multiline?: boolean; optional?: boolean; hint?: string },
): Block {
  return {
    type: 'input',
    block_id: block,
    label: plain(label),
    ...(opts.optional ? { optional: true } : {}),
    ...(opts.hint ? { hint: plain(opts.hint) } : {}),
    element: {
      type: 'plain_text_input',
      action_id: VOC_INPUT_ACTION,
      max_length: opts.max,
      ...(opts.multiline ? { multiline: true } : {}),
      ...(opts.initial ? { initial_value: opts.initial } : {}),
    },
  };
}

/** The line above the fields: which message is quoted, or which entry is being edited. */
function modalIntro(t: Catalog, o: VocModalInput): string | null {
  if (o.entry) return t.voc.modal.editing(mention(o.entry.capturedBy), slackDate(o.entry.createdAt));
  const source = o.metadata.source;
  if (!source) return null;
  const link = sourceLink(source.permalink, t.voc.post.source);
  const by = source.authorId
    ? (source.threadTs ? t.voc.modal.fromReply : t.voc.modal.fromMessage)(mention(source.authorId))
    : null;
  const parts = [by, link].filter((p): p is string => p !== null);
  return parts.length ? parts.join(' ') : null;
}

/** The capture modal: quote, category, competitor, linked lead or account, sentiment, tags. */
export function vocModal(t: Catalog, o: VocModalInput): types.ModalView {
  const m = t.voc.modal;
  const e = o.entry;
  const category = e?.category && isVocCategory(e.category) ? e.category : null;
  const sentiment = VOC_SENTIMENTS.find((s) => s === e?.sentiment);
  const startQuote = e?.quote ?? o.quote?.trim() ?? '';
  const intro = modalIntro(t, o);
  const blocks: Block[] = [
    ...(intro ? [context(intro)] : []),
    textInput('quote', m.quote, {
      initial: excerpt(startQuote, VOC_LIMITS.quote),
      max: VOC_LIMITS.quote,
      multiline: true,
      hint: m.quoteHint,
    }),
    {
      type: 'input',
      block_id: 'category',
      label: plain(m.category),
      element: {
        type: 'static_select',
        action_id: VOC_INPUT_ACTION,
        placeholder: plain(m.categoryPlaceholder),
        options: VOC_CATEGORIES.map((c) => categoryOption(t, c)),
        ...(category ? { initial_option: categoryOption(t, category) } : {}),
      },
    },
    textInput('competitor', m.competitor, {
      initial: e?.competitor,
      max: VOC_LIMITS.competitor,
      optional: true,
      hint: m.competitorHint,
    }),
    {
      type: 'input',
      block_id: 'lead',
      optional: true,
      label: plain(m.lead),
      element: {
        type: 'external_select',
        action_id: VOC_LEAD_ACTION,
        placeholder: plain(m.leadPlaceholder),
        min_query_length: 1,
        ...(o.lead ? { initial_option: leadOption(o.lead) } : {}),
      },
    },
    textInput('account', m.account, {
      initial: e?.account,
      max: VOC_LIMITS.account,
      optional: true,
      hint: m.accountHint,
    }),
    {
      type: 'input',
      block_id: 'sentiment',
      optional: true,
      label: plain(m.sentiment),
      element: {
        type: 'radio_buttons',
        action_id: VOC_INPUT_ACTION,
        options: VOC_SENTIMENTS.map((s) => sentimentOption(t, s)),
        ...(sentiment ? { initial_option: sentimentOption(t, sentiment) } : {}),
      },
    },
    textInput('tags', m.tags, {
      initial: e?.tags.join(', '),
      max: TAGS_INPUT_MAX,
      optional: true,
      hint: m.tagsHint,
    }),
  ];
  return {
    type: 'modal',
    callback_id: VOC_MODAL_VIEW,
    private_metadata: JSON.stringify(o.metadata),
    title: plain(e ? m.editTitle : m.title),
    submit: plain(m.submit),
    close: plain(m.close),
    blocks,
  };
}

interface StateValue {
  value?: string | null;
  selected_option?: { value: string } | null;
}

/** The submitted modal's fields, as text (null when left blank). */
export function readVocModal(values: Record<string, Record<string, StateValue>>): VocInput {
  const text = (block: string) => values[block]?.[VOC_INPUT_ACTION]?.value ?? null;
  const picked = (block: string, action = VOC_INPUT_ACTION) =>
    values[block]?.[action]?.selected_option?.value ?? null;
  return {
    quote: text('quote'),
    category: picked('category'),
    competitor: text('competitor'),
    lead: picked('lead', VOC_LEAD_ACTION),
    account: text('account'),
    sentiment: picked('sentiment'),
    tags: text('tags'),
  };
}

/** `response_action: 'errors'` entries, keyed by block id (the field). */
export function vocFieldErrors(t: Catalog, problems: readonly VocProblem[]): Record<string, string> {
  const e = t.voc.errors;
  const out: Record<string, string> = {};
  for (const p of problems) {
    if (out[p.field]) continue;
    switch (p.problem) {
      case 'required':
        out[p.field] = p.field === 'quote' ? e.quoteRequired : e.categoryRequired;
        break;
      case 'too_long':
        out[p.field] = e.tooLong(p.max);
        break;
      case 'unknown':
        out[p.field] =
          p.field === 'category'
            ? e.categoryUnknown
            : p.field === 'sentiment'
              ? e.sentimentUnknown
              : e.leadUnknown;
        break;
      case 'tag_too_long':
        out[p.field] = e.tagTooLong(p.tag, p.max);
        break;
      case 'too_many':
        out[p.field] = e.tooManyTags(p.max);
        break;
    }
  }
  return out;
}

/** A refused save, as an error under the field it concerns. */
export function vocRefusalErrors(t: Catalog, refusal: VocRefusal): Record<string, string> {
  switch (refusal.reason) {
    case 'lead_not_found':
      return { lead: t.voc.errors.leadNotFound };
    case 'not_found':
      return { quote: t.voc.errors.notFound };
    case 'not_on_roster':
      return { quote: t.voc.errors.notOnRosterPlain };
  }
}

/** Where a saved entry went, as the person who saved it reads it. `asNew` words it as a first save. */
export function vocSavedText(t: Catalog, saved: VocSaved, asNew = !saved.edited): string {
  const s = t.voc.saved;
  const category = categoryLabel(t, saved.entry.category);
  if (saved.movedFrom) {
    const from = channelLink(saved.movedFrom);
    return saved.channel ? s.moved(category, from, channelLink(saved.channel)) : s.movedOut(category, from);
  }
  if (saved.channel) {
    const to = channelLink(saved.channel);
    return asNew ? s.routed(category, to) : s.updatedRouted(category, to);
  }
  return asNew ? s.unrouted(category) : s.updatedUnrouted(category);
}

/** The modal after a save (`response_action: 'update'`): where the entry went. */
export function vocSavedView(t: Catalog, saved: VocSaved): types.ModalView {
  return {
    type: 'modal',
    callback_id: VOC_SAVED_VIEW,
    title: plain(t.voc.saved.title),
    close: plain(t.voc.saved.done),
    blocks: [section(vocSavedText(t, saved)), context(`>${quotePreview(saved.entry.quote, 300)}`)],
  };
}

// ------------------------------------------------------------------ the reaction's prompt

function promptActions(t: Catalog, entry: VocRow): Block {
  const current = entry.category && isVocCategory(entry.category) ? entry.category : null;
  const option = (c: VocCategory) => categoryOption(t, c, `${entry.id}:${c}`);
  return {
    type: 'actions',
    block_id: `voc_prompt:${entry.id}`,
    elements: [
      {
        type: 'static_select',
        action_id: VOC_CATEGORY_ACTION,
        placeholder: plain(t.voc.prompt.categoryPlaceholder),
        options: VOC_CATEGORIES.map(option),
        ...(current ? { initial_option: option(current) } : {}),
      },
      {
        type: 'button',
        action_id: VOC_DETAILS_ACTION,
        value: String(entry.id),
        text: plain(t.voc.prompt.details),
      },
    ],
  };
}

/** The category select's value read back: the entry and the category picked. */
export function parseCategoryValue(
  value: string | undefined,
): { entryId: number; category: VocCategory } | undefined {
  const match = /^(\d{1,15}):([a-z_]+)$/.exec(value ?? '');
  if (!match || !isVocCategory(match[2]!)) return undefined;
  return { entryId: Number(match[1]), category: match[2] };
}

/**
 * What the person who reacted sees, privately: the entry saved (or already there), and a category
 * select with an Add details button. `channel` is where its category is posted, if it has one.
 */
export function vocPrompt(
  t: Catalog,
  entry: VocRow,
  o: { created: boolean; channel: string | null },
): { text: string; blocks: Block[] } {
  const preview = quotePreview(entry.quote);
  const first = o.created ? t.voc.prompt.saved(preview) : t.voc.prompt.already(preview);
  const next =
    entry.category === null
      ? t.voc.prompt.pick
      : vocSavedText(t, { ok: true, entry, edited: false, channel: o.channel, movedFrom: null });
  const text = `${first}\n${next}`;
  return { text, blocks: [section(text), promptActions(t, entry)] };
}

/** The prompt once a category was picked: where the entry went, and the same controls to change it. */
export function vocPromptAnswered(t: Catalog, saved: VocSaved): { text: string; blocks: Block[] } {
  const text = vocSavedText(t, saved, true);
  return { text, blocks: [section(text), promptActions(t, saved.entry)] };
}

// ------------------------------------------------------------------ the reverse-flow post

/** The post in the category's channel: category, the quote, who said and captured it, the source, details. */
export function vocPost(
  t: Catalog,
  entry: VocRow,
  lead: LeadRow | undefined,
): { text: string; blocks: Block[] } {
  const p = t.voc.post;
  const category = categoryLabel(t, entry.category);
  const details: string[] = [];
  // The details share one context (3000 characters): each user-written part is cut once escaped.
  if (entry.competitor) details.push(`*${p.competitor}:* ${escapedWithin(entry.competitor, DETAIL_MAX)}`);
  if (lead) details.push(`*${p.lead}:* ${leadRef(lead)}`);
  if (entry.account) details.push(`*${p.account}:* ${escapedWithin(entry.account, DETAIL_MAX)}`);
  const sentiment = VOC_SENTIMENTS.find((s) => s === entry.sentiment);
  if (sentiment) details.push(`*${p.sentiment}:* ${t.voc.sentiments[sentiment]}`);
  if (entry.tags.length > 0)
    details.push(
      `*${p.tags}:* ${joinWithin(
        entry.tags.map((tag) => `#${escapeMrkdwn(tag)}`),
        ' ',
        DETAIL_MAX,
        (n) => `(+${n})`,
      )}`,
    );
  const people = [
    entry.sourceAuthorId ? p.saidBy(mention(entry.sourceAuthorId)) : null,
    p.capturedBy(mention(entry.capturedBy)),
    sourceLink(entry.sourcePermalink, p.source),
  ].filter((part): part is string => part !== null);
  const blocks: Block[] = [
    section(`${p.heading(category)}\n>${quoteWithin(entry.quote, POST_QUOTE_MAX)}`),
    ...(details.length > 0 ? [context(details.join(' · '))] : []),
    context(people.join(' · ')),
  ];
  return { text: p.fallback(category, quotePreview(entry.quote)), blocks };
}

/** The old post once the entry moved to another category: where it went (`to` null: no channel). */
export function vocMovedPost(
  t: Catalog,
  entry: VocRow,
  to: string | null,
): { text: string; blocks: Block[] } {
  const category = categoryLabel(t, entry.category);
  const text = to ? t.voc.post.moved(category, channelLink(to)) : t.voc.post.movedOut(category);
  return { text, blocks: [section(text), context(`>${quotePreview(entry.quote)}`)] };
}

// ------------------------------------------------------------------ /voc help

/** The /voc forms, in the order help lists them. */
const VOC_USAGE: Array<[keyof Catalog['voc']['help']['usage'], string]> = [
  ['open', '/voc'],
  ['quote', '/voc <text>'],
  ['report', '/voc report [period] [category]'],
  ['help', '/voc help'],
];

/** The forms of `/voc`, one line each (also listed by `/baton help`). */
export const vocUsageLines = (t: Catalog) =>
  // Usage placeholders such as <text> would read as Slack links unescaped.
  VOC_USAGE.map(([key, form]) => escapeMrkdwn(`\`${form}\` — ${t.voc.help.usage[key]}`));

/** `/voc help`: the forms of the command, the shortcut, the reaction and where entries go. */
export function vocHelpBlocks(t: Catalog, reaction: string): Block[] {
  const h = t.voc.help;
  return [
    header(h.title),
    section(vocUsageLines(t).join('\n')),
    section([h.shortcut, h.reaction(`:${reaction}:`), h.routing].map((line) => `• ${line}`).join('\n')),
    context(t.help.footer),
  ];
}
