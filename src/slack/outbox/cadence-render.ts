import type { WebClient } from '@slack/web-api';
import type { AppContext } from '../../context.js';
import { findLead, type LeadRow } from '../../db/queries/leads.js';
import { findWriteByKey, type OutboxRow } from '../../db/queries/outbox.js';
import { type Catalog, messages } from '../../i18n/index.js';
import {
  CADENCE_DM_PURPOSE,
  CADENCE_UPDATE_PURPOSE,
  type CadenceAnswer,
  type CadenceRef,
  type CadenceReminder,
  type CadenceUpdate,
} from '../../services/cadence.js';
import type { Block } from '../blocks/common.js';
import { leadLabel } from '../blocks/lead-ownership.js';
import { slackDate } from '../mrkdwn.js';
import type { Prepared } from './prepared.js';

export const CADENCE_DONE_ACTION = 'cadence_done';
export const CADENCE_SKIP_ACTION = 'cadence_skip';
export const CADENCE_SNOOZE_ACTION = 'cadence_snooze';

/** A button value naming the reminder: lead, cadence owner, step index and snooze count. */
export const cadenceValue = (r: CadenceRef) => `${r.leadId}:${r.owner}:${r.step}:${r.snoozes}`;

export function parseCadenceValue(value: string): CadenceRef | undefined {
  const [lead, owner, step, snoozes] = value.split(':');
  const ref = { leadId: Number(lead), owner: owner ?? '', step: Number(step), snoozes: Number(snoozes) };
  return owner && [ref.leadId, ref.step, ref.snoozes].every(Number.isInteger) ? ref : undefined;
}

const button = (text: string, actionId: string, value: string, style?: 'primary') => ({
  type: 'button' as const,
  text: { type: 'plain_text' as const, text },
  action_id: actionId,
  value,
  ...(style ? { style } : {}),
});

/** The reminder DM: "Day 4 · Second call — lead" with Done / Skip / Snooze 1h. */
export function cadenceReminder(t: Catalog, lead: LeadRow, r: CadenceReminder) {
  const text = t.cadence.reminder(r.day, r.label, leadLabel(lead)) + (r.late ? t.cadence.late : '');
  const value = cadenceValue(r);
  const blocks: Block[] = [
    { type: 'section', block_id: `cadence_lead:${lead.id}`, text: { type: 'mrkdwn', text } },
    {
      type: 'actions',
      block_id: `cadence:${value}`,
      elements: [
        button(t.cadence.done, CADENCE_DONE_ACTION, value, 'primary'),
        button(t.cadence.skip, CADENCE_SKIP_ACTION, value),
        button(t.cadence.snooze, CADENCE_SNOOZE_ACTION, value),
      ],
    },
  ];
  return { text, blocks };
}

/** The reminder once answered: what happened, no buttons. */
export function answeredReminder(
  t: Catalog,
  lead: LeadRow,
  r: CadenceReminder,
  answer: CadenceAnswer,
  until?: string,
) {
  const label = leadLabel(lead);
  const text =
    answer === 'done'
      ? t.cadence.doneText(r.day, r.label, label)
      : answer === 'skip'
        ? t.cadence.skippedText(r.day, r.label, label)
        : t.cadence.snoozedText(r.day, r.label, label, slackDate(new Date(until ?? Date.now()), '{time}'));
  const blocks: Block[] = [
    { type: 'section', block_id: `cadence_lead:${lead.id}`, text: { type: 'mrkdwn', text } },
  ];
  return { text, blocks };
}

type Ctx = Pick<AppContext, 'configs' | 'database'>;

/**
 * Renders the cadence's DMs at delivery, ahead of `next`: the reminder, and the edit once the owner
 * answered it (editing a DM needs its conversation id, hence conversations.open, as for offers).
 */
export function withCadenceWrites(ctx: Ctx, client: WebClient, next: (row: OutboxRow) => Promise<Prepared>) {
  return async (row: OutboxRow): Promise<Prepared> => {
    if (row.purpose !== CADENCE_DM_PURPOSE && row.purpose !== CADENCE_UPDATE_PURPOSE) return next(row);
    const lead = row.leadId ? await findLead(ctx.database.db, row.teamId, row.leadId) : undefined;
    if (!lead) return { drop: `lead ${row.leadId} no longer exists` };
    const t = messages(ctx.configs.for(row.teamId).locale);
    if (row.purpose === CADENCE_DM_PURPOSE) {
      const reminder = row.args.cadence as CadenceReminder | undefined;
      if (!reminder) return { drop: 'cadence reminder without content' };
      return {
        send: { channel: row.channel, args: { ...cadenceReminder(t, lead, reminder), unfurl_links: false } },
      };
    }
    const update = row.args.cadenceUpdate as CadenceUpdate | undefined;
    if (!update) return { drop: 'cadence update without content' };
    const posted = await findWriteByKey(ctx.database.db, row.teamId, update.dmKey);
    if (!posted || posted.status === 'dead') return { drop: 'the reminder was never delivered' };
    if (!posted.resultTs) return { wait: 'the reminder has not been delivered yet' };
    const opened = await client.conversations.open({ users: row.channel });
    const channel = opened.channel?.id;
    if (!channel) return { wait: `no DM conversation with ${row.channel}` };
    const edited = answeredReminder(t, lead, update.reminder, update.answer, update.until);
    return { send: { channel, args: { ...edited, ts: posted.resultTs } } };
  };
}
