import type { ConfigSource } from '../config/config-source.js';
import type { VocCategory } from '../config/workspace/constants.js';

import type { Database, Queryable } from '../db/client.js';
import { findLeadsByEmail, searchLeadsByText } from '../db/queries/lead-lookup.js';
import { findLead, type LeadRow } from '../db/queries/leads.js';
import { enqueueSlackWrite, findWriteByKey, type OutboxRow } from '../db/queries/outbox.js';
import {
  findVocBySource,
  findVocByView,
  findVocEntry,
  insertVocEntry,
  lockVocEntry,
  setVocRouting,
  updateVocEntry,
  type VocRow,
} from '../db/queries/voc.js';
import type { VocVia } from '../db/schema.js';
import { parseLeadQuery } from '../domain/lead-query.js';
import { isVocCategory, type VocFields } from '../domain/voc.js';
import { type Actor, actorOf } from './actor.js';

/** The reverse-flow post of an entry in its category's channel (args: { entryId }). */
export const VOC_ROUTE_PURPOSE = 'voc_route';
/**
 * An edit of a reverse-flow post (args: { entryId, postKey }), rendered at delivery: the entry as it
 * is then, or, when it has moved to another category since, where it went.
 */
export const VOC_ROUTE_UPDATE_PURPOSE = 'voc_route_update';

/** One post per entry and channel: capturing again edits it, moving back edits it back. */
const vocRouteKey = (entryId: number, channel: string) => `voc:${entryId}:route:${channel}`;

/** Most leads the modal's lead search offers. */
const LEAD_OPTIONS_LIMIT = 20;

/** The Slack message a quote comes from. */
export interface VocSource {
  channel: string;
  ts: string;
  /** The thread parent when the message is a reply. */
  threadTs: string | null;
  authorId: string | null;
  permalink: string | null;
}

export interface VocSaveRequest {
  /** The entry the modal was opened on (an edit). */
  entryId?: number;
  /** The message quoted; absent for text typed after `/voc`. */
  source?: VocSource;
  via: VocVia;
  by: string;
  fields: VocFields;
  /** The modal submission, so one Slack delivers twice stores one entry. */
  viewId?: string;
}

export type VocRefusal =
  | { ok: false; reason: 'not_on_roster'; adminIds: string[] }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'lead_not_found' };

export interface VocSaved {
  ok: true;
  entry: VocRow;
  /** An entry that existed already was changed (rather than a new one stored). */
  edited: boolean;
  /** Where its category is posted; null when the category has no channel (weekly retro only). */
  channel: string | null;
  /** The channel it was posted in before its category changed to another channel (or to none). */
  movedFrom: string | null;
}

export type VocSaveResult = VocSaved | VocRefusal;

export type VocReactionResult =
  | { ok: true; entry: VocRow; created: boolean }
  | { ok: false; reason: 'not_on_roster'; adminIds: string[] };

/** An entry with its linked lead, as the modal shows it. */
export interface VocEntryView {
  entry: VocRow;
  lead: LeadRow | undefined;
}

/**
 * VOC capture: every path (message shortcut, reaction, `/voc`) into one entry per source message,
 * and the reverse flow: each categorised entry posted in its category's channel, in the transaction
 * that saves it, and that post edited (or marked as moved) when the entry changes.
 */
export class VocService {
  constructor(
    readonly database: Database,
    readonly configs: ConfigSource,
  ) {}

  actor(teamId: string, userId: string): Promise<Actor> {
    return actorOf(this.database.db, teamId, userId);
  }

  /** The channel a category is posted in; null when it has none (it is only summarised in the retro). */
  channelFor(teamId: string, category: string | null): string | null {
    if (category === null || !isVocCategory(category)) return null;
    return this.configs.for(teamId).channels.voc[category] ?? null;
  }

  async find(teamId: string, entryId: number): Promise<VocEntryView | undefined> {
    return this.#withLead(teamId, await findVocEntry(this.database.db, teamId, entryId));
  }

  /** The entry captured from this message, if it was. */
  async bySource(teamId: string, channel: string, ts: string): Promise<VocEntryView | undefined> {
    return this.#withLead(teamId, await findVocBySource(this.database.db, teamId, channel, ts));
  }

  /** Leads to link from the modal: `12`/`#12` by number, an email exactly, else company or name. */
  async leadOptions(teamId: string, typed: string): Promise<LeadRow[]> {
    const { db } = this.database;
    const query = parseLeadQuery(typed);
    if (!query) return [];
    switch (query.kind) {
      case 'id': {
        const lead = await findLead(db, teamId, query.id);
        return lead ? [lead] : [];
      }
      case 'email':
        return findLeadsByEmail(db, teamId, query.email, LEAD_OPTIONS_LIMIT);
      case 'text':
        return searchLeadsByText(db, teamId, query.text, LEAD_OPTIONS_LIMIT);
    }
  }

  /**
   * The modal submitted: an edit of the entry it was opened on, or a new entry — unless its source
   * message is stored already (someone captured it meanwhile), which is then edited instead.
   */
  async save(teamId: string, request: VocSaveRequest, now: Date): Promise<VocSaveResult> {
    const { db } = this.database;
    const actor = await actorOf(db, teamId, request.by);
    if (actor.kind === 'stranger') return { ok: false, reason: 'not_on_roster', adminIds: actor.adminIds };
    const { fields, by } = request;

    return db.transaction(async (tx) => {
      if (fields.leadId !== null && !(await findLead(tx, teamId, fields.leadId)))
        return { ok: false, reason: 'lead_not_found' };
      let before: VocRow | undefined;
      if (request.entryId !== undefined) {
        before = await lockVocEntry(tx, teamId, request.entryId);
        if (!before) return { ok: false, reason: 'not_found' };
      } else {
        const source = request.source;
        const inserted = await insertVocEntry(
          tx,
          {
            teamId,
            ...fields,
            sourceChannel: source?.channel ?? null,
            sourceTs: source?.ts ?? null,
            sourceThreadTs: source?.threadTs ?? null,
            sourceAuthorId: source?.authorId ?? null,
            sourcePermalink: source?.permalink ?? null,
            capturedBy: by,
            via: request.via,
            viewId: request.viewId ?? null,
          },
          now,
        );
        if (inserted) return this.#route(tx, undefined, inserted, now);
        before = source
          ? await this.#lockBySource(tx, teamId, source)
          : request.viewId
            ? await this.#lockByView(tx, teamId, request.viewId)
            : undefined;
        if (!before) throw new Error('voc_entries: the insert conflicted but no entry was found');
      }
      const after = await updateVocEntry(tx, teamId, before.id, fields, by, now);
      if (!after) throw new Error(`voc_entries: entry ${before.id} vanished while locked`);
      return this.#route(tx, before, after, now);
    });
  }

  /**
   * A reaction on a message: stored at once, uncategorised, with the message's text as the quote.
   * Reacting again (anyone, any time) keeps the one entry as it is.
   */
  async captureReaction(
    teamId: string,
    request: { source: VocSource; quote: string; by: string },
    now: Date,
  ): Promise<VocReactionResult> {
    const { db } = this.database;
    const actor = await actorOf(db, teamId, request.by);
    if (actor.kind === 'stranger') return { ok: false, reason: 'not_on_roster', adminIds: actor.adminIds };
    const { source } = request;
    return db.transaction(async (tx) => {
      const inserted = await insertVocEntry(
        tx,
        {
          teamId,
          quote: request.quote,
          category: null,
          sourceChannel: source.channel,
          sourceTs: source.ts,
          sourceThreadTs: source.threadTs,
          sourceAuthorId: source.authorId,
          sourcePermalink: source.permalink,
          capturedBy: request.by,
          via: 'reaction',
        },
        now,
      );
      if (inserted) return { ok: true, entry: inserted, created: true };
      const stored = await findVocBySource(tx, teamId, source.channel, source.ts);
      if (!stored) throw new Error('voc_entries: the source conflicted but no entry was found');
      return { ok: true, entry: stored, created: false };
    });
  }

  /** The category picked in the reaction's prompt. */
  async setCategory(
    teamId: string,
    entryId: number,
    category: VocCategory,
    by: string,
    now: Date,
  ): Promise<VocSaveResult> {
    const { db } = this.database;
    const actor = await actorOf(db, teamId, by);
    if (actor.kind === 'stranger') return { ok: false, reason: 'not_on_roster', adminIds: actor.adminIds };
    return db.transaction(async (tx) => {
      const before = await lockVocEntry(tx, teamId, entryId);
      if (!before) return { ok: false, reason: 'not_found' };
      const after = await updateVocEntry(tx, teamId, entryId, { category }, by, now);
      if (!after) throw new Error(`voc_entries: entry ${entryId} vanished while locked`);
      return this.#route(tx, before, after, now);
    });
  }

  async #withLead(teamId: string, entry: VocRow | undefined): Promise<VocEntryView | undefined> {
    if (!entry) return undefined;
    const lead = entry.leadId ? await findLead(this.database.db, teamId, entry.leadId) : undefined;
    return { entry, lead };
  }

  async #lockBySource(tx: Queryable, teamId: string, source: VocSource): Promise<VocRow | undefined> {
    const stored = await findVocBySource(tx, teamId, source.channel, source.ts);
    return stored && lockVocEntry(tx, teamId, stored.id);
  }

  async #lockByView(tx: Queryable, teamId: string, viewId: string): Promise<VocRow | undefined> {
    const stored = await findVocByView(tx, teamId, viewId);
    return stored && lockVocEntry(tx, teamId, stored.id);
  }

  /**
   * The reverse flow for an entry just saved (`before` is how it was, undefined when new). Its
   * category's channel gets the post, or an edit of the post it already has there; when the category
   * moved it to another channel (or to none), the post in the old channel is edited to say where it went.
   */
  async #route(tx: Queryable, before: VocRow | undefined, after: VocRow, now: Date): Promise<VocSaved> {
    const { teamId, id } = after;
    const from = before?.routedChannel ?? null;
    const to = this.channelFor(teamId, after.category);
    let ts = before?.routedTs ?? null;
    if (to) {
      const post = await this.#postIn(tx, teamId, id, to);
      if (post.write) await this.#editPost(tx, teamId, id, to, post.key, now);
      else
        await enqueueSlackWrite(
          tx,
          {
            teamId,
            method: 'chat.postMessage',
            channel: to,
            args: { entryId: id },
            purpose: VOC_ROUTE_PURPOSE,
            dedupeKey: post.key,
          },
          now,
        );
      if (to !== from) ts = post.write?.resultTs ?? null;
    }
    if (from && from !== to) {
      const old = await this.#postIn(tx, teamId, id, from);
      if (old.write) await this.#editPost(tx, teamId, id, from, old.key, now);
    }
    if (to !== from) await setVocRouting(tx, teamId, id, to, to ? ts : null);
    return {
      ok: true,
      entry: { ...after, routedChannel: to, routedTs: to ? ts : null },
      edited: before !== undefined,
      channel: to,
      movedFrom: from && from !== to ? from : null,
    };
  }

  /**
   * The entry's post in `channel`: its write and dedupe key, or the key a new post takes. A post
   * Slack refused for good (say its blocks were invalid; a channel Baton is not in parks the post
   * instead) is posted again under a key named
   * after the refused write, so capturing the entry again retries it.
   */
  async #postIn(
    tx: Queryable,
    teamId: string,
    entryId: number,
    channel: string,
  ): Promise<{ key: string; write: OutboxRow | undefined }> {
    let key = vocRouteKey(entryId, channel);
    for (;;) {
      const write = await findWriteByKey(tx, teamId, key);
      if (write?.status !== 'dead') return { key, write };
      key = `${vocRouteKey(entryId, channel)}:after:${write.id}`;
    }
  }

  /** Queues an edit of the post written under `postKey`, rendered when it is delivered. */
  async #editPost(
    tx: Queryable,
    teamId: string,
    entryId: number,
    channel: string,
    postKey: string,
    now: Date,
  ): Promise<void> {
    await enqueueSlackWrite(
      tx,
      {
        teamId,
        method: 'chat.update',
        channel,
        args: { entryId, postKey },
        purpose: VOC_ROUTE_UPDATE_PURPOSE,
      },
      now,
    );
  }
}
