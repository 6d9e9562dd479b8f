import type { types } from '@slack/bolt';
import type { LeadRow } from '../../db/queries/leads.js';
import {
  isSideStage,
  LOST,
  needsDeal,
  RECYCLE,
  reasonsFor,
  SIDE_STAGE_KEYS,
  type StageMoveRequest,
  type StageRules,
} from '../../domain/lead-stages.js';
import { STAGE_NOTE_MAX, STAGE_TEXT_MAX } from '../../domain/stage-input.js';
import { parseIsoDate } from '../../domain/time.js';
import type { Catalog } from '../../i18n/index.js';
import type { StageMoveFailure } from '../../services/stage-moves.js';
import type { RecycleReopenedDm, StageName, StageNote } from '../../services/stage-notes.js';
import { escapeMrkdwn, mention, slackDate } from '../mrkdwn.js';
import { section } from './common.js';
import { type KeyLabels, keyLabels } from './key-labels.js';
import { leadLabel, quote } from './lead-ownership.js';

export const STAGE_ACTION = 'lead_stage';
export const STAGE_VIEW = 'lead_stage_modal';
export const STAGE_REASON_BLOCK = 'stage_reason';
export const STAGE_COMPETITOR_BLOCK = 'stage_competitor';
export const STAGE_AMOUNT_BLOCK = 'stage_amount';
export const STAGE_CURRENCY_BLOCK = 'stage_currency';
export const STAGE_REVISIT_BLOCK = 'stage_revisit';
export const STAGE_NOTE_BLOCK = 'stage_note';
/** Every input in the modal has this one action id; blocks tell them apart. */
export const STAGE_INPUT_ACTION = 'value';

const plain = (text: string) => ({ type: 'plain_text' as const, text });
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** What the modal carries to its submission: the lead, the stage asked for, where it was asked. */
export interface StageModalMetadata {
  lead: number;
  to: string;
  /** Opened by `/lead … stage`: the submission then answers with a confirmation in the modal. */
  from?: 'command';
}

/** A select option's value: the lead and the stage (stage keys never contain a colon). */
export const stageValue = (leadId: number, stage: string) => `${leadId}:${stage}`;

export function parseStageValue(value: string | undefined): { leadId: number; stage: string } | undefined {
  const match = /^(\d{1,15}):(.+)$/.exec(value ?? '');
  const leadId = Number(match?.[1]);
  return match && Number.isSafeInteger(leadId) ? { leadId, stage: match[2]! } : undefined;
}

/** A stage as people see it: side stages in the workspace's language, working stages as labelled. */
export function stageLabel(t: Catalog, name: StageName): string {
  return isSideStage(name.key) ? t.stages.side[name.key as keyof Catalog['stages']['side']] : name.label;
}

/** A stage key with its label from `stages` (the working stages), else the key itself. */
export function stageNamed(stages: readonly StageName[] | undefined, key: string): StageName {
  return stages?.find((s) => s.key === key) ?? { key, label: key };
}

/** A reason key in words: the workspace's label, the catalog's for the default reasons, else the key with spaces. */
export function reasonText(t: Catalog, reason: string, labels: KeyLabels = keyLabels(t)): string {
  return labels.reason(reason);
}

/** `12,000 USD` (up to two decimals, grouped). */
export function formatAmount(amount: number, currency: string): string {
  return `${amount.toLocaleString('en-US', { maximumFractionDigits: 2 })} ${currency}`;
}

/** The card's "Move stage" select: every other working stage in order, then Lost, Disqualified, Recycle. */
export function stageSelect(t: Catalog, lead: LeadRow, stages: readonly StageName[]): types.StaticSelect {
  const option = (name: StageName) => ({
    text: plain(clip(stageLabel(t, name), 75)),
    value: stageValue(lead.id, name.key),
  });
  const others = (names: readonly StageName[]) => names.filter((s) => s.key !== lead.stage).map(option);
  return {
    type: 'static_select',
    action_id: STAGE_ACTION,
    placeholder: plain(t.stages.selectPlaceholder),
    option_groups: [
      { label: plain(t.stages.groupWorking), options: others(stages) },
      {
        label: plain(t.stages.groupSide),
        options: others(SIDE_STAGE_KEYS.map((key) => ({ key, label: key }))),
      },
    ],
  };
}

export interface StageModalInput {
  lead: LeadRow;
  from: StageName;
  to: StageName;
  rules: StageRules;
  /** Where a recycled lead reopens, for the revisit date's hint. */
  reopenStage: StageName;
  /** What the person already gave (from `/lead … stage`), shown filled in. */
  given: StageMoveRequest;
  origin?: 'command';
  /** The workspace's labels for the reasons. */
  labels?: KeyLabels;
}

const input = (
  blockId: string,
  label: string,
  element: types.InputBlock['element'],
  opts: { optional?: boolean; hint?: string } = {},
): types.InputBlock => ({
  type: 'input',
  block_id: blockId,
  label: plain(label),
  element,
  ...(opts.optional ? { optional: true } : {}),
  ...(opts.hint ? { hint: plain(opts.hint) } : {}),
});

const textInput = (initial: string | null | undefined, max: number, extra: object = {}) => ({
  type: 'plain_text_input' as const,
  action_id: STAGE_INPUT_ACTION,
  max_length: max,
  ...(initial ? { initial_value: initial.slice(0, max) } : {}),
  ...extra,
});

/**
 * The modal a move opens when it needs more than the stage: a reason (and competitor) for Lost
 * and Disqualified, a revisit day for Recycle, the amount and currency from the deal stage on.
 */
export function stageModal(t: Catalog, m: StageModalInput): types.ModalView {
  const { lead, to, rules, given } = m;
  const metadata: StageModalMetadata = { lead: lead.id, to: to.key, ...(m.origin ? { from: m.origin } : {}) };
  const blocks: types.KnownBlock[] = [
    section(
      t.stages.modalIntro(
        leadLabel(lead),
        escapeMrkdwn(stageLabel(t, m.from)),
        escapeMrkdwn(stageLabel(t, to)),
      ),
    ),
  ];
  const reasons = reasonsFor(to.key, rules);
  if (reasons) {
    const option = (reason: string) => ({
      text: plain(clip(capitalized(reasonText(t, reason, m.labels)), 75)),
      value: reason,
    });
    const initial = reasons.find((r) => r.toLowerCase() === given.reason?.trim().toLowerCase());
    blocks.push(
      input(STAGE_REASON_BLOCK, t.stages.reasonLabel, {
        type: 'static_select',
        action_id: STAGE_INPUT_ACTION,
        placeholder: plain(t.stages.reasonPlaceholder),
        options: reasons.map(option),
        ...(initial ? { initial_option: option(initial) } : {}),
      }),
    );
  }
  if (to.key === LOST) {
    blocks.push(
      input(
        STAGE_COMPETITOR_BLOCK,
        t.stages.competitorLabel,
        textInput(given.competitor ?? lead.competitor, STAGE_TEXT_MAX),
        {
          optional: true,
          hint: t.stages.competitorHint,
        },
      ),
    );
  }
  if (needsDeal(to.key, rules)) {
    const amount = given.amount ?? lead.amount;
    blocks.push(
      input(
        STAGE_AMOUNT_BLOCK,
        t.stages.amountLabel,
        textInput(amount === null ? null : String(amount), 30),
        {
          optional: lead.amount !== null,
          hint: t.stages.amountHint,
        },
      ),
      input(
        STAGE_CURRENCY_BLOCK,
        t.stages.currencyLabel,
        textInput(given.currency ?? lead.currency ?? rules.defaultCurrency, 3, { min_length: 3 }),
        { optional: true, hint: t.stages.currencyHint },
      ),
    );
  }
  if (to.key === RECYCLE) {
    const day = given.revisitOn && parseIsoDate(given.revisitOn) ? given.revisitOn.trim() : undefined;
    blocks.push(
      input(
        STAGE_REVISIT_BLOCK,
        t.stages.revisitLabel,
        { type: 'datepicker', action_id: STAGE_INPUT_ACTION, ...(day ? { initial_date: day } : {}) },
        { hint: t.stages.revisitHint(stageLabel(t, m.reopenStage)) },
      ),
    );
  }
  blocks.push(
    input(
      STAGE_NOTE_BLOCK,
      t.stages.noteLabel,
      textInput(given.note, STAGE_NOTE_MAX, {
        multiline: true,
        placeholder: plain(t.stages.notePlaceholder),
      }),
      { optional: true },
    ),
  );
  return {
    type: 'modal',
    callback_id: STAGE_VIEW,
    private_metadata: JSON.stringify(metadata),
    title: plain(t.stages.modalTitle),
    submit: plain(t.stages.modalSubmit),
    close: plain(t.stages.modalClose),
    blocks,
  };
}

/** The problems a modal can ask about instead of refusing: the move needs one more field. */
export function needsMore(problem: StageMoveFailure): boolean {
  return ['reason_required', 'competitor_required', 'amount_required', 'revisit_required'].includes(
    problem.code,
  );
}

/** Which modal input a problem belongs under (the note, which every modal has, for the rest). */
export function problemBlock(problem: StageMoveFailure): string {
  switch (problem.code) {
    case 'reason_required':
    case 'unknown_reason':
      return STAGE_REASON_BLOCK;
    case 'competitor_required':
      return STAGE_COMPETITOR_BLOCK;
    case 'amount_required':
    case 'bad_amount':
      return STAGE_AMOUNT_BLOCK;
    case 'bad_currency':
      return STAGE_CURRENCY_BLOCK;
    case 'revisit_required':
    case 'bad_date':
    case 'revisit_not_future':
      return STAGE_REVISIT_BLOCK;
    default:
      return STAGE_NOTE_BLOCK;
  }
}

/**
 * Why a move did not happen. `label` names a stage key; `esc` is escapeMrkdwn for an ephemeral
 * message, or leaves text as is for a modal's (plain text) field error.
 */
export function stageProblemText(
  t: Catalog,
  problem: StageMoveFailure,
  label: (key: string) => string,
  esc: (text: string) => string = escapeMrkdwn,
): string {
  const list = (items: readonly string[]) => items.map(esc).join(', ');
  switch (problem.code) {
    case 'not_found':
      return t.stages.notFound;
    case 'not_on_roster':
      return t.stages.notOnRosterPlain;
    case 'unknown_stage':
      return t.stages.unknownStage(esc(problem.stage), list(problem.stages));
    case 'same_stage':
      return t.stages.sameStage(esc(label(problem.stage)));
    case 'reason_required':
      return t.stages.reasonRequired(esc(label(problem.stage)), list(problem.reasons));
    case 'unknown_reason':
      return t.stages.unknownReason(esc(problem.reason), list(problem.reasons));
    case 'competitor_required':
      return t.stages.competitorRequired;
    case 'amount_required':
      return t.stages.amountRequired(esc(label(problem.stage)));
    case 'bad_amount':
      return t.stages.badAmount;
    case 'bad_currency':
      return t.stages.badCurrency(esc(problem.currency));
    case 'revisit_required':
      return t.stages.revisitRequired;
    case 'bad_date':
      return t.stages.badDate(esc(problem.value));
    case 'revisit_not_future':
      return t.stages.revisitNotFuture(problem.today);
  }
}

/** A stage move in the card's thread: who, from → to, and what the move recorded. */
export function stageNoteText(t: Catalog, note: StageNote, labels: KeyLabels = keyLabels(t)): string {
  const name = (n: StageName) => escapeMrkdwn(stageLabel(t, n));
  if (note.kind === 'stage_reopened') return t.stages.reopenedNote(name(note.to), note.revisitOn);
  const by = note.by ? mention(note.by) : note.via === 'system' ? t.stages.viaBaton : t.stages.viaApi;
  let detail = '';
  if (note.reason) detail += t.stages.reasonDetail(escapeMrkdwn(reasonText(t, note.reason, labels)));
  if (note.competitor) detail += t.stages.competitorDetail(escapeMrkdwn(note.competitor));
  if (note.revisitOn) detail += t.stages.untilDetail(note.revisitOn);
  if (note.amount !== null && note.currency)
    detail += t.stages.amountDetail(formatAmount(note.amount, note.currency));
  const line = t.stages.movedNote(by, name(note.from), name(note.to), detail);
  return note.note ? `${line}\n>${t.stages.noteLine(quote(note.note))}` : line;
}

const channelLink = (id: string | null) => (id && /^[CG][A-Z0-9]+$/.test(id) ? `<#${id}>` : null);

/** The DM to a recycled lead's marketer when it reopens: what came back, who parked it and why, where it is. */
export function stageDmText(
  t: Catalog,
  lead: LeadRow,
  dm: RecycleReopenedDm,
  labels: KeyLabels = keyLabels(t),
): string {
  const lines = [t.stages.dmReopened(leadLabel(lead), escapeMrkdwn(stageLabel(t, dm.to)), dm.revisitOn)];
  const by = dm.parkedBy ? mention(dm.parkedBy) : t.stages.viaApi;
  lines.push(t.stages.dmParked(by, slackDate(new Date(dm.parkedAt), '{date_short_pretty}')));
  const why = [dm.reason ? reasonText(t, dm.reason, labels) : null, dm.note].filter((w): w is string =>
    Boolean(w),
  );
  if (why.length) lines.push(`>${t.stages.dmWhy(quote(why.join(' — ')))}`);
  lines.push(lead.ownerId ? t.stages.dmOwner(mention(lead.ownerId)) : t.stages.dmNoOwner);
  const card = channelLink(lead.cardChannel);
  if (card) lines.push(t.stages.dmCard(card));
  return lines.join('\n');
}
