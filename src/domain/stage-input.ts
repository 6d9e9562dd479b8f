/**
 * Stage moves as people type them (`/lead 42 stage …`) and as tools send them
 * (`POST /api/leads/{id}/stage`), turned into a `StageMoveRequest`. Pure: the rules themselves
 * live in lead-stages.ts, so this only reads the words and the JSON.
 */
import { type FieldError, parseActor } from './activity.js';
import {
  DISQUALIFIED,
  LOST,
  LOST_TO_COMPETITOR,
  type StageMoveRequest,
  type StageRules,
} from './lead-stages.js';

export const STAGE_NOTE_MAX = 1000;
export const STAGE_TEXT_MAX = 100;

const AMOUNT = /^\d+(\.\d+)?$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const CURRENCY = /^[A-Za-z]{3}$/;

/** `12000`, `12,000.50`, `12 000` → a number; anything else (negative, words) → undefined. */
export function parseAmount(text: string): number | undefined {
  const compact = text.trim().replace(/[,\s_]/g, '');
  return AMOUNT.test(compact) ? Number(compact) : undefined;
}

export type StageCommand =
  | { kind: 'move'; ref: string; request: StageMoveRequest }
  /** `/lead 42 stage` with no stage named. */
  | { kind: 'no_stage'; ref: string };

/**
 * `<lead> stage <stage> [amount [currency]] [reason] [revisit YYYY-MM-DD] [words…]`. For Lost and
 * Disqualified the words start with the reason (`lost_to_competitor` or `lost to competitor`);
 * after "lost to competitor" the rest names the competitor. Other leftover words are the note.
 * Returns undefined when the text is not a stage command at all.
 */
export function parseStageCommand(
  text: string,
  rules: Pick<StageRules, 'lostReasons' | 'disqualifyReasons'>,
): StageCommand | undefined {
  const words = text.trim().split(/\s+/);
  if (words.length < 2 || words[1]!.toLowerCase() !== 'stage') return undefined;
  const ref = words[0]!;
  const [to, ...rest] = words.slice(2);
  if (!to) return { kind: 'no_stage', ref };

  const request: StageMoveRequest = { to };
  const left: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i]!;
    const next = rest[i + 1];
    if (word.toLowerCase() === 'revisit' && next !== undefined && /^\d/.test(next)) {
      request.revisitOn = next;
      i++;
    } else if (ISO_DAY.test(word) && request.revisitOn === undefined) {
      request.revisitOn = word;
    } else if (i === 0 && parseAmount(word) !== undefined) {
      // Only right after the stage, so a number in a note is not taken for an amount.
      request.amount = parseAmount(word)!;
      if (next !== undefined && CURRENCY.test(next)) {
        request.currency = next.toUpperCase();
        i++;
      }
    } else {
      left.push(word);
    }
  }

  const side = to.toLowerCase();
  const reasons =
    side === LOST.toLowerCase()
      ? rules.lostReasons
      : side === DISQUALIFIED.toLowerCase()
        ? rules.disqualifyReasons
        : null;
  if (reasons && left.length > 0) {
    const taken = reasonPrefix(left, reasons);
    request.reason = taken ? taken.reason : left[0]!;
    const after = left.slice(taken ? taken.words : 1).join(' ');
    if (after) {
      if (request.reason.toLowerCase() === LOST_TO_COMPETITOR && side === LOST.toLowerCase())
        request.competitor = after;
      else request.note = after;
    }
  } else if (left.length > 0) {
    request.note = left.join(' ');
  }
  return { kind: 'move', ref, request };
}

/** The longest run of leading words that spells a listed reason (`no budget` → `no_budget`). */
function reasonPrefix(words: readonly string[], reasons: readonly string[]) {
  for (let n = words.length; n >= 1; n--) {
    const spelled = words.slice(0, n).join('_').toLowerCase();
    const reason = reasons.find((r) => r.toLowerCase() === spelled);
    if (reason) return { reason, words: n };
  }
  return undefined;
}

export interface StageBody {
  request: StageMoveRequest;
  actorId: string | null;
}

/**
 * Checks the shape of `POST /api/leads/{id}/stage`'s body (types and lengths); whether the move is
 * allowed is planStageMove's call. `amount` may be a number or a numeric string.
 */
export function parseStageBody(
  body: unknown,
): { ok: true; body: StageBody } | { ok: false; errors: FieldError[] } {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { ok: false, errors: [{ field: '(body)', message: 'must be a JSON object' }] };
  const b = body as Record<string, unknown>;
  const errors: FieldError[] = [];
  const text = (field: string, max: number): string | null => {
    const value = b[field];
    if (value === undefined || value === null) return null;
    if (typeof value !== 'string') errors.push({ field, message: 'must be text' });
    else if (value.length > max) errors.push({ field, message: `must be at most ${max} characters` });
    else return value;
    return null;
  };

  const to = text('stage', STAGE_TEXT_MAX);
  if (b.stage === undefined || b.stage === null || (typeof b.stage === 'string' && !b.stage.trim()))
    errors.push({ field: 'stage', message: 'is required: the stage to move the lead to' });
  const reason = text('reason', STAGE_TEXT_MAX);
  const competitor = text('competitor', STAGE_TEXT_MAX);
  const currency = text('currency', STAGE_TEXT_MAX);
  const revisitOn = text('revisit_on', STAGE_TEXT_MAX);
  const note = text('note', STAGE_NOTE_MAX);

  let amount: number | null = null;
  if (b.amount !== undefined && b.amount !== null) {
    const parsed =
      typeof b.amount === 'number'
        ? b.amount
        : typeof b.amount === 'string'
          ? parseAmount(b.amount)
          : undefined;
    if (parsed === undefined || !Number.isFinite(parsed))
      errors.push({ field: 'amount', message: 'must be a number such as 12000 or 12000.50' });
    else amount = parsed;
  }

  const actorId = parseActor(b.actor, errors);
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    body: { request: { to: to!, reason, competitor, amount, currency, revisitOn, note }, actorId },
  };
}
