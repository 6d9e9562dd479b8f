import type { ActionItemRow } from '../../db/queries/action-items.js';
import type { Catalog } from '../../i18n/index.js';
import { escapeMrkdwn, mention } from '../mrkdwn.js';

/** Items carried into this many retros while still open are flagged. */
export const FLAG_CARRIES = 3;

/** One line of an action-item list (retro parent, summaries): text, owner, due day, status, carries. */
export function actionItemLine(
  t: Catalog,
  item: Pick<ActionItemRow, 'text' | 'ownerId' | 'dueOn' | 'status' | 'carryCount'>,
): string {
  const text = escapeMrkdwn(item.text);
  const parts = [item.status === 'open' ? text : `~${text}~`, mention(item.ownerId)];
  if (item.dueOn) parts.push(t.retroActions.due(item.dueOn));
  if (item.status !== 'open') parts.push(t.retroActions.status[item.status]);
  if (item.carryCount > 0)
    parts.push(
      item.carryCount >= FLAG_CARRIES
        ? t.retroActions.flagged(item.carryCount)
        : t.retroActions.carried(item.carryCount),
    );
  return `• ${parts.join(' · ')}`;
}
