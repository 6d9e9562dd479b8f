import type { ConfigSource } from '../config/config-source.js';

import type { Database, Tx } from '../db/client.js';
import {
  type ActionItemRow,
  closeActionItem,
  findActionItem,
  insertActionItem,
  lockActionItem,
} from '../db/queries/action-items.js';
import { findMember } from '../db/queries/members.js';
import { enqueueSlackWrite } from '../db/queries/outbox.js';
import { findRetro, findWeeklyByThread, type RetroRow } from '../db/queries/retros.js';
import type { ActionItemFields } from '../domain/action-items.js';
import { type Actor, actorOf } from './actor.js';
import { queueParentRefresh } from './retro-writes.js';

/** The owner's DM with Done / Drop (args: { itemId }); channel = the owner's user id. */
export const ACTION_DM_PURPOSE = 'retro_action_dm';
/** The edit of that DM once the item is answered (args: { itemId }). */
export const ACTION_DM_UPDATE_PURPOSE = 'retro_action_dm_update';
export const actionDmKey = (itemId: number) => `retro_action:${itemId}:dm`;
const actionAnswerKey = (itemId: number) => `retro_action:${itemId}:answer`;

export type ActionAnswer = 'done' | 'drop';

export interface AddActionItemRequest extends ActionItemFields {
  retroId: number;
  createdBy: string;
  /** The retro reply the item was made from (message shortcut). */
  source?: { channel: string; ts: string } | undefined;
  /** The modal submission, so one Slack delivers twice adds one item. */
  viewId?: string;
}

export type AddActionItemResult =
  | { ok: true; item: ActionItemRow }
  | { ok: false; reason: 'not_on_roster'; adminIds: string[] }
  | { ok: false; reason: 'retro_not_found' };

export type AnswerActionItemResult =
  | { ok: true; item: ActionItemRow }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'not_allowed'; ownerId: string }
  | { ok: false; reason: 'already_answered'; status: 'done' | 'dropped'; closedBy: string | null };

/** Roster roles that may answer anyone's item. */
const ANSWER_ANY_ROLES = ['manager', 'admin'];

/**
 * Retro action items: added from the parent's button or a reply's shortcut, answered from the
 * owner's DM. Each change is one transaction with its Slack writes (the owner's DM or its edit,
 * and a refresh of the parent message that lists the items). Carrying open items into the next
 * retro happens when that retro opens (carryOverOpenItems).
 */
export class ActionItemService {
  constructor(
    readonly database: Database,
    readonly configs: ConfigSource,
  ) {}

  actor(teamId: string, userId: string): Promise<Actor> {
    return actorOf(this.database.db, teamId, userId);
  }

  /** A weekly retro by id (the Add button's value); monthly reviews take no items. */
  async weeklyRetro(teamId: string, retroId: number): Promise<RetroRow | undefined> {
    const retro = await findRetro(this.database.db, teamId, retroId);
    return retro?.kind === 'weekly' ? retro : undefined;
  }

  /** The weekly retro a message is a reply to (its thread is the retro's parent), if any. */
  forMessage(
    teamId: string,
    channel: string,
    message: { ts: string; threadTs?: string | undefined },
  ): Promise<RetroRow | undefined> {
    if (!message.threadTs || message.threadTs === message.ts) return Promise.resolve(undefined);
    return findWeeklyByThread(this.database.db, teamId, channel, message.threadTs);
  }

  /** Adds an item (closed retros included) for a roster member; the owner is DMed. */
  async add(teamId: string, request: AddActionItemRequest, now: Date): Promise<AddActionItemResult> {
    const { db } = this.database;
    const actor = await actorOf(db, teamId, request.createdBy);
    if (actor.kind === 'stranger') return { ok: false, reason: 'not_on_roster', adminIds: actor.adminIds };
    return db.transaction(async (tx): Promise<AddActionItemResult> => {
      const retro = await findRetro(tx, teamId, request.retroId);
      if (retro?.kind !== 'weekly') return { ok: false, reason: 'retro_not_found' };
      const item = await insertActionItem(
        tx,
        {
          teamId,
          retroId: retro.id,
          text: request.text,
          ownerId: request.ownerId,
          dueOn: request.dueOn,
          createdBy: request.createdBy,
          sourceChannel: request.source?.channel ?? null,
          sourceTs: request.source?.ts ?? null,
          viewId: request.viewId ?? null,
        },
        now,
      );
      // The same submission delivered twice: the item and its DM exist already.
      if (!item) {
        const stored = request.viewId && (await findActionItem(tx, teamId, { viewId: request.viewId }));
        if (!stored) throw new Error('retro_action_items: the insert conflicted but no item was found');
        return { ok: true, item: stored };
      }
      await this.#queueDm(tx, item, 'chat.postMessage', ACTION_DM_PURPOSE, actionDmKey(item.id), now);
      await queueParentRefresh(tx, retro, now);
      return { ok: true, item };
    });
  }

  /**
   * Done or Drop. The owner, whoever added the item, or a manager or admin may answer; each item is
   * answered once. Items of closed retros can still be answered.
   */
  async answer(
    teamId: string,
    itemId: number,
    answer: ActionAnswer,
    userId: string,
    now: Date,
  ): Promise<AnswerActionItemResult> {
    return this.database.db.transaction(async (tx): Promise<AnswerActionItemResult> => {
      const item = await lockActionItem(tx, teamId, itemId);
      if (!item) return { ok: false, reason: 'not_found' };
      if (!(await this.#mayAnswer(tx, item, userId)))
        return { ok: false, reason: 'not_allowed', ownerId: item.ownerId };
      const status = answer === 'done' ? 'done' : 'dropped';
      const closed = await closeActionItem(tx, teamId, itemId, { status, by: userId }, now);
      if (!closed)
        return {
          ok: false,
          reason: 'already_answered',
          status: item.status === 'done' ? 'done' : 'dropped',
          closedBy: item.closedBy,
        };
      await this.#queueDm(tx, closed, 'chat.update', ACTION_DM_UPDATE_PURPOSE, actionAnswerKey(itemId), now);
      const retro = await findRetro(tx, teamId, closed.retroId);
      if (retro) await queueParentRefresh(tx, retro, now);
      return { ok: true, item: closed };
    });
  }

  async #mayAnswer(tx: Tx, item: ActionItemRow, userId: string): Promise<boolean> {
    if (userId === item.ownerId || userId === item.createdBy) return true;
    const member = await findMember(tx, item.teamId, userId);
    return member?.roles.some((r) => ANSWER_ANY_ROLES.includes(r)) ?? false;
  }

  /** The owner's DM or its edit, rendered at delivery from the item as it is then. */
  #queueDm(
    tx: Tx,
    item: ActionItemRow,
    method: 'chat.postMessage' | 'chat.update',
    purpose: string,
    dedupeKey: string,
    now: Date,
  ): Promise<number> {
    return enqueueSlackWrite(
      tx,
      { teamId: item.teamId, method, channel: item.ownerId, args: { itemId: item.id }, purpose, dedupeKey },
      now,
    );
  }
}
