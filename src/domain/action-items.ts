/** Retro action items: what a person may type into the Add action item modal. */
import { parseIsoDate, toLocal } from './time.js';

/** Longest accepted text, in characters after trimming (the modal enforces the same limit). */
export const ACTION_TEXT_MAX = 300;

export interface ActionItemInput {
  text: string | null | undefined;
  ownerId: string | null | undefined;
  /** `YYYY-MM-DD` from the date picker; blank means no due date. */
  dueOn: string | null | undefined;
}

export interface ActionItemFields {
  text: string;
  ownerId: string;
  dueOn: string | null;
}

export type ActionItemProblem =
  | { field: 'text'; problem: 'empty' }
  | { field: 'text'; problem: 'too_long'; max: number }
  | { field: 'owner'; problem: 'missing' }
  | { field: 'due'; problem: 'bad_date' }
  | { field: 'due'; problem: 'past'; today: string };

export type ActionItemCheck =
  | { ok: true; fields: ActionItemFields }
  | { ok: false; problems: ActionItemProblem[] };

/** Today's date (`YYYY-MM-DD`) on the team's clocks. */
export function localToday(now: Date, timeZone: string): string {
  const d = toLocal(now, timeZone);
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/**
 * Checks a new action item: text 1–300 characters after trimming, an owner, and an optional due
 * date that is a real day no earlier than today in the team's time zone. Reports every problem.
 */
export function checkActionItem(input: ActionItemInput, now: Date, timeZone: string): ActionItemCheck {
  const problems: ActionItemProblem[] = [];
  const text = input.text?.trim() ?? '';
  if (text === '') problems.push({ field: 'text', problem: 'empty' });
  else if (text.length > ACTION_TEXT_MAX)
    problems.push({ field: 'text', problem: 'too_long', max: ACTION_TEXT_MAX });

  const ownerId = input.ownerId?.trim() ?? '';
  if (ownerId === '') problems.push({ field: 'owner', problem: 'missing' });

  const due = input.dueOn?.trim() ?? '';
  const today = localToday(now, timeZone);
  if (due !== '' && !parseIsoDate(due)) problems.push({ field: 'due', problem: 'bad_date' });
  // ISO dates compare as strings.
  else if (due !== '' && due < today) problems.push({ field: 'due', problem: 'past', today });

  return problems.length
    ? { ok: false, problems }
    : { ok: true, fields: { text, ownerId, dueOn: due === '' ? null : due } };
}
