import type { types } from '@slack/bolt';
import type { LeadRow } from '../../db/queries/leads.js';
import { ACTIVITY_KINDS, ACTIVITY_NOTE_MAX, type ActivityKind } from '../../domain/activity.js';
import type { Catalog } from '../../i18n/index.js';
import type { ActivityNote } from '../../services/first-touch-notes.js';
import { mention, slackDate } from '../mrkdwn.js';
import { section } from './common.js';
import { leadLabel, quote } from './lead-ownership.js';

export const TOUCH_ACTION = 'lead_touch';
export const TOUCH_VIEW = 'lead_touch_modal';
export const TOUCH_KIND_BLOCK = 'kind';
export const TOUCH_KIND_ACTION = 'kind';
export const TOUCH_NOTE_BLOCK = 'note';
export const TOUCH_NOTE_ACTION = 'text';

const plain = (text: string) => ({ type: 'plain_text' as const, text });

/** "Log first touch" on the card of a routed lead nobody has touched yet. */
export function touchButton(t: Catalog, lead: LeadRow): types.Button | undefined {
  if (!lead.routed || lead.firstTouchAt) return undefined;
  return { type: 'button', action_id: TOUCH_ACTION, value: String(lead.id), text: plain(t.touch.button) };
}

/** The card's SLA field: the due time while the clock runs, then met (with minutes) or breached. */
export function slaField(
  t: Catalog,
  lead: LeadRow,
  dueAt: Date | null,
  clock: 'business' | 'always',
): { label: string; value: string } | undefined {
  if (lead.slaState === 'breached') return { label: t.touch.cardLabel, value: t.touch.cardBreached };
  if (lead.slaState === 'met') {
    const n = Math.round(lead.firstTouchBusinessMinutes ?? 0);
    return {
      label: t.touch.cardLabel,
      value: clock === 'always' ? t.touch.cardMetClock(n) : t.touch.cardMet(n),
    };
  }
  return dueAt ? { label: t.card.due, value: slackDate(dueAt) } : undefined;
}

/** The Log first touch modal: what kind of touch, and an optional note; `origin` is where it was opened. */
export function touchModal(t: Catalog, lead: LeadRow, origin?: 'home'): types.ModalView {
  const option = (kind: ActivityKind) => ({ text: plain(t.touch.kinds[kind]), value: kind });
  return {
    type: 'modal',
    callback_id: TOUCH_VIEW,
    // `from: 'home'` asks the submission to republish the person's App Home.
    private_metadata: JSON.stringify(origin ? { lead: lead.id, from: origin } : { lead: lead.id }),
    title: plain(t.touch.modalTitle),
    submit: plain(t.touch.modalSubmit),
    close: plain(t.ownership.cancel),
    blocks: [
      section(t.touch.modalLead(leadLabel(lead))),
      {
        type: 'input',
        block_id: TOUCH_KIND_BLOCK,
        label: plain(t.touch.kindLabel),
        element: {
          type: 'static_select',
          action_id: TOUCH_KIND_ACTION,
          initial_option: option('call'),
          options: ACTIVITY_KINDS.map(option),
        },
      },
      {
        type: 'input',
        block_id: TOUCH_NOTE_BLOCK,
        optional: true,
        label: plain(t.touch.noteLabel),
        element: {
          type: 'plain_text_input',
          action_id: TOUCH_NOTE_ACTION,
          multiline: true,
          max_length: ACTIVITY_NOTE_MAX,
          placeholder: plain(t.touch.notePlaceholder),
        },
      },
    ],
  };
}

/** How long the first touch took, in the clock's unit (rounded to whole minutes). */
export function elapsedText(t: Catalog, minutes: number, clock: 'business' | 'always'): string {
  const n = Math.round(minutes);
  return clock === 'always' ? t.touch.clockMinutes(n) : t.touch.workingMinutes(n);
}

export function activityNoteText(t: Catalog, note: ActivityNote): string {
  const by = note.by ? mention(note.by) : t.touch.viaApi;
  const kind = t.touch.kindWords[note.activity];
  let line: string;
  if (note.kind === 'first_touch') {
    const elapsed = elapsedText(t, note.minutes, note.clock);
    line = (note.met ? t.touch.firstTouchMet : t.touch.firstTouchLate)(by, kind, elapsed, note.slaMinutes);
  } else {
    line = t.touch.later(by, kind);
  }
  return note.note ? `${line}\n>${t.touch.noteLine(quote(note.note))}` : line;
}
