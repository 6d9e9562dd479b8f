import type { ConfigSource } from '../config/config-source.js';

import type { Database, Tx } from '../db/client.js';
import { type ActionItemRow, carryOverOpenItems, listItemsForRetro } from '../db/queries/action-items.js';
import { scheduleJob } from '../db/queries/jobs.js';
import { findMember, listRoster } from '../db/queries/members.js';
import { enqueueSlackWrite } from '../db/queries/outbox.js';
import {
  addRetroNote,
  editRetroNote,
  noteCountsByAuthor,
  removeRetroNote,
} from '../db/queries/retro-notes.js';
import {
  countVocCaptured,
  findPreviousWeekly,
  findRetro,
  findRetroByPeriod,
  findWeeklyByThread,
  firstRoles,
  insertRetro,
  markRetroClosed,
  markRetroNudged,
  type RetroRow,
} from '../db/queries/retros.js';
import { isAway } from '../domain/members.js';
import { localInstant, weekMonday } from '../domain/retro-calendar.js';
import type { PlaybookSnapshot, RetroActionStatus, RetroSnapshot } from '../domain/retro-report.js';
import {
  type Participation,
  PLAYBOOK_PARTS,
  participation,
  type RetroPart,
  WEEKLY_PARTS,
} from '../domain/retro-thread.js';
import { toLocal } from '../domain/time.js';
import { RetroFiguresService } from './retro-figures.js';
import {
  queueParentRefresh,
  RETRO_NUDGE_PURPOSE,
  RETRO_PARENT_PURPOSE,
  RETRO_REPLY_PURPOSE,
} from './retro-writes.js';

/** The job that shares the reviewed week's funnel chart in the thread (payload: { retroId, tries }). */
export const RETRO_CHART_JOB = 'retro.chart';

export const retroParentKey = (retroId: number) => `retro:${retroId}:parent`;
export const retroReplyKey = (retroId: number, part: RetroPart) => `retro:${retroId}:reply:${part}`;
export const retroChartKey = (retroId: number, tries = 0) =>
  `${RETRO_CHART_JOB}:${retroId}${tries > 0 ? `:${tries}` : ''}`;

/** What the weekly parent message shows, read when it is rendered (docs/retro.md, "During the week"). */
export interface WeeklyParentView {
  kind: 'weekly';
  retro: RetroRow;
  snapshot: RetroSnapshot;
  participation: Participation;
  notes: number;
  /** The action items listed on this retro now. */
  items: ActionItemRow[];
  /** After the close: VOC captured from the retro's own Monday 00:00 to the close (local days shown). */
  vocThisWeek: { count: number; firstDay: string; lastDay: string } | null;
}

export interface PlaybookParentView {
  kind: 'monthly';
  retro: RetroRow;
  snapshot: PlaybookSnapshot;
}

export type RetroView = WeeklyParentView | PlaybookParentView;

export type OpenOutcome = { opened: true; retro: RetroRow } | { opened: false };

/** A person's reply in some thread, as the Slack layer hands it over. */
export interface ThreadReply {
  channel: string;
  threadTs: string;
  ts: string;
  userId: string;
  text: string;
}

export type NoteOutcome = 'added' | 'edited' | 'removed' | 'unchanged' | 'not_a_retro';

/**
 * The weekly retro and the monthly playbook review (docs/retro.md). Opening is one transaction:
 * the `retros` row (unique per team, kind and period), its figures, the carry-over of open action
 * items and every Slack write of the thread, each with a dedupe key made from the retro and the
 * part. So a job run twice, by two processes or after a restart, posts nothing twice.
 */
export class RetroService {
  readonly #figures: RetroFiguresService;

  constructor(
    readonly database: Database,
    readonly configs: ConfigSource,
  ) {
    this.#figures = new RetroFiguresService(database, configs);
  }

  /** Opens the weekly retro of `weekKey` (reviewing the week before); nothing when it is open already. */
  async open(teamId: string, weekKey: string, openedAt: Date): Promise<OpenOutcome> {
    const { db } = this.database;
    if (await findRetroByPeriod(db, teamId, 'weekly', weekKey)) return { opened: false };
    // Read before the transaction: on the pool, side by side, with the funnel's cached history
    // (bench:retro: 465 ms instead of 693 ms inside it); the unique row still decides who opens.
    const figures = await this.#figures.weekly(teamId, weekKey, openedAt);
    return db.transaction(async (tx): Promise<OpenOutcome> => {
      if (await findRetroByPeriod(tx, teamId, 'weekly', weekKey)) return { opened: false };
      const previous = await findPreviousWeekly(tx, teamId, weekKey);
      const listed = previous ? await listItemsForRetro(tx, teamId, previous.id) : [];
      const snapshot: RetroSnapshot = {
        ...figures,
        previousActions: listed.map(statusAfterCarry),
        participants: (await listRoster(tx, teamId)).map((m) => m.userId),
      };
      const retro = await insertRetro(tx, {
        teamId,
        kind: 'weekly',
        periodKey: weekKey,
        channel: this.configs.for(teamId).channels.retro,
        snapshot: { ...snapshot },
        openedAt,
      });
      // Another process opened it between our check and our insert.
      if (!retro) return { opened: false };
      await carryOverOpenItems(tx, teamId, retro.id, openedAt);
      await this.#queueThread(tx, retro, WEEKLY_PARTS, openedAt);
      await scheduleJob(
        tx,
        {
          teamId,
          kind: RETRO_CHART_JOB,
          runAt: openedAt,
          payload: { retroId: retro.id, tries: 0 },
          dedupeKey: retroChartKey(retro.id),
        },
        openedAt,
      );
      return { opened: true, retro };
    });
  }

  /** Opens the monthly playbook review of `monthKey` (reviewing the month before). */
  async openMonthly(teamId: string, monthKey: string, openedAt: Date): Promise<OpenOutcome> {
    const { db } = this.database;
    if (await findRetroByPeriod(db, teamId, 'monthly', monthKey)) return { opened: false };
    const snapshot = await this.#figures.monthly(teamId, monthKey, openedAt);
    return db.transaction(async (tx): Promise<OpenOutcome> => {
      const retro = await insertRetro(tx, {
        teamId,
        kind: 'monthly',
        periodKey: monthKey,
        channel: this.configs.for(teamId).channels.retro,
        snapshot: { ...snapshot },
        openedAt,
      });
      if (!retro) return { opened: false };
      await this.#queueThread(tx, retro, PLAYBOOK_PARTS, openedAt);
      return { opened: true, retro };
    });
  }

  /**
   * DMs each participant who has written no note, has retro DMs on and is not out of office, once.
   * Returns who was nudged (empty when the week has no retro or its nudge went out already).
   */
  nudge(teamId: string, weekKey: string, now: Date): Promise<string[]> {
    return this.database.db.transaction(async (tx) => {
      const retro = await findRetroByPeriod(tx, teamId, 'weekly', weekKey);
      if (!retro || !(await markRetroNudged(tx, teamId, retro.id, now))) return [];
      const wrote = new Set((await noteCountsByAuthor(tx, teamId, retro.id)).map((a) => a.authorId));
      const nudged: string[] = [];
      for (const userId of weeklySnapshot(retro).participants) {
        if (wrote.has(userId)) continue;
        const member = await findMember(tx, teamId, userId);
        if (!member?.retroDms || isAway(member, now)) continue;
        await enqueueSlackWrite(
          tx,
          {
            teamId,
            method: 'chat.postMessage',
            channel: userId,
            args: { retroId: retro.id },
            purpose: RETRO_NUDGE_PURPOSE,
            dedupeKey: `retro:${retro.id}:nudge:${userId}`,
          },
          now,
        );
        nudged.push(userId);
      }
      return nudged;
    });
  }

  /** Closes the week's retro: its parent gains the summary. False when there is none or it closed already. */
  close(teamId: string, weekKey: string, now: Date): Promise<boolean> {
    return this.database.db.transaction(async (tx) => {
      const retro = await findRetroByPeriod(tx, teamId, 'weekly', weekKey);
      if (!retro || !(await markRetroClosed(tx, teamId, retro.id, now))) return false;
      await queueParentRefresh(tx, retro, now);
      return true;
    });
  }

  /** A reply in a weekly retro's thread becomes a note, with its author's first roster role. */
  addNote(teamId: string, reply: ThreadReply, now: Date): Promise<NoteOutcome> {
    return this.database.db.transaction((tx) => this.#addNote(tx, teamId, reply, now));
  }

  /** An edited reply edits its note (a reply Baton missed becomes one). */
  editNote(teamId: string, reply: ThreadReply, now: Date): Promise<NoteOutcome> {
    return this.database.db.transaction(async (tx) => {
      const edited = await editRetroNote(tx, teamId, reply.channel, reply.ts, reply.text, now);
      return edited ? 'edited' : this.#addNote(tx, teamId, reply, now);
    });
  }

  /** A deleted reply removes its note. */
  removeNote(teamId: string, channel: string, ts: string, now: Date): Promise<NoteOutcome> {
    return this.database.db.transaction(async (tx) => {
      const removed = await removeRetroNote(tx, teamId, channel, ts);
      if (!removed) return 'unchanged';
      const retro = await findRetro(tx, teamId, removed.retroId);
      if (retro) await queueParentRefresh(tx, retro, now);
      return 'removed';
    });
  }

  /** Whether the person has written a note on the retro (a nudge waiting for delivery is then dropped). */
  async hasReplied(teamId: string, retroId: number, userId: string): Promise<boolean> {
    const authors = await noteCountsByAuthor(this.database.db, teamId, retroId);
    return authors.some((a) => a.authorId === userId);
  }

  /** What the retro's parent message shows now. */
  async view(teamId: string, retroId: number): Promise<RetroView | undefined> {
    const db = this.database.db;
    const retro = await findRetro(db, teamId, retroId);
    if (!retro) return undefined;
    if (retro.kind === 'monthly')
      return { kind: 'monthly', retro, snapshot: retro.snapshot as unknown as PlaybookSnapshot };
    const snapshot = weeklySnapshot(retro);
    const authors = await noteCountsByAuthor(db, teamId, retro.id);
    const roles = await firstRoles(db, teamId, snapshot.participants);
    const { timeZone } = this.configs.for(teamId).calendar;
    const monday = weekMonday(retro.periodKey);
    return {
      kind: 'weekly',
      retro,
      snapshot,
      participation: participation(
        snapshot.participants,
        roles,
        authors.map((a) => a.authorId),
      ),
      notes: authors.reduce((sum, a) => sum + a.notes, 0),
      items: await listItemsForRetro(db, teamId, retro.id),
      vocThisWeek: retro.closedAt
        ? {
            count: await countVocCaptured(
              db,
              teamId,
              localInstant(monday, '00:00', timeZone),
              retro.closedAt,
            ),
            firstDay: monday,
            lastDay: localDay(retro.closedAt, timeZone),
          }
        : null,
    };
  }

  async #addNote(tx: Tx, teamId: string, reply: ThreadReply, now: Date): Promise<NoteOutcome> {
    const retro = await findWeeklyByThread(tx, teamId, reply.channel, reply.threadTs);
    if (!retro) return 'not_a_retro';
    const member = await findMember(tx, teamId, reply.userId);
    const added = await addRetroNote(
      tx,
      {
        teamId,
        retroId: retro.id,
        authorId: reply.userId,
        role: member?.roles[0] ?? null,
        text: reply.text,
        channel: reply.channel,
        ts: reply.ts,
      },
      now,
    );
    if (!added) return 'unchanged';
    await queueParentRefresh(tx, retro, now);
    return 'added';
  }

  /** The parent message, then one reply per part, in the retro's channel (rendered at delivery). */
  async #queueThread(tx: Tx, retro: RetroRow, parts: readonly RetroPart[], now: Date): Promise<void> {
    const write = { teamId: retro.teamId, method: 'chat.postMessage' as const, channel: retro.channel };
    await enqueueSlackWrite(
      tx,
      {
        ...write,
        args: { retroId: retro.id },
        purpose: RETRO_PARENT_PURPOSE,
        dedupeKey: retroParentKey(retro.id),
      },
      now,
    );
    for (const part of parts)
      await enqueueSlackWrite(
        tx,
        {
          ...write,
          args: { retroId: retro.id, part },
          purpose: RETRO_REPLY_PURPOSE,
          dedupeKey: retroReplyKey(retro.id, part),
        },
        now,
      );
  }
}

/** An item of the previous retro as this opening leaves it: an open one is carried once more. */
function statusAfterCarry(item: ActionItemRow): RetroActionStatus {
  const { id, text, ownerId, dueOn, status, carryCount } = item;
  return { id, text, ownerId, dueOn, status, carryCount: status === 'open' ? carryCount + 1 : carryCount };
}

const weeklySnapshot = (retro: RetroRow) => retro.snapshot as unknown as RetroSnapshot;

function localDay(at: Date, timeZone: string): string {
  const l = toLocal(at, timeZone);
  return `${l.year}-${String(l.month).padStart(2, '0')}-${String(l.day).padStart(2, '0')}`;
}
