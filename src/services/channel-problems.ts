import type { ConfigSource } from '../config/config-source.js';

import type { Database } from '../db/client.js';
import {
  type ChannelProblemRow,
  clearChannelProblem,
  forgetUnconfiguredProblems,
  listChannelProblems,
  markChannelProblemsTold,
  recordChannelProblem,
  untoldChannelProblems,
} from '../db/queries/channel-problems.js';
import { findLead } from '../db/queries/leads.js';
import { enqueueDms, parkedWrites, unparkChannel } from '../db/queries/outbox.js';
import type { ChannelProblemKind } from '../db/schema.js';
import { adminIds, configuredChannels } from '../domain/configured-channels.js';

/** Outbox purpose of the DM that tells an admin which channels need fixing. */
export const CHANNEL_PROBLEMS_DM_PURPOSE = 'channel_problems_dm';

/** What the admin DM lists (rendered by the Slack layer at delivery). */
export interface ChannelProblemNote {
  channel: string;
  problem: ChannelProblemKind;
  uses: string[];
}

/** Slack errors on a post that mean the channel, not the post, is the problem. */
export const CHANNEL_REFUSALS: Readonly<Record<string, ChannelProblemKind>> = {
  not_in_channel: 'not_in_channel',
  channel_not_found: 'missing',
  is_archived: 'archived',
};

/**
 * Keeps the record of configured channels Baton cannot post to: admins are told once per channel
 * and problem (a DM through the outbox, and a notice on their Home), and parked posts go out again
 * when the channel works or the config moves a segment elsewhere.
 */
export class ChannelProblemService {
  constructor(
    private readonly database: Database,
    private readonly configs: ConfigSource,
  ) {}

  /** Records a problem and tells admins about every problem they have not heard of yet. */
  async report(teamId: string, channel: string, problem: ChannelProblemKind, now: Date): Promise<string[]> {
    return this.reportMany(teamId, [{ channel, problem }], now);
  }

  /** Records several problems at once (the start-up check); one DM per admin lists the new ones. */
  async reportMany(
    teamId: string,
    problems: Array<{ channel: string; problem: ChannelProblemKind }>,
    now: Date,
  ): Promise<string[]> {
    const config = this.configs.for(teamId);
    const uses = new Map(configuredChannels(config).map((c) => [c.channel, c.uses]));
    return this.database.db.transaction(async (tx) => {
      for (const p of problems) await recordChannelProblem(tx, { teamId, ...p, now });
      const untold = await untoldChannelProblems(tx, teamId);
      if (untold.length === 0) return [];
      const notes: ChannelProblemNote[] = untold.map((p) => ({
        channel: p.channel,
        problem: p.problem,
        uses: uses.get(p.channel) ?? [],
      }));
      const key = untold.map((p) => `${p.channel}:${p.problem}:${p.detectedAt.getTime()}`).join(',');
      await enqueueDms(
        tx,
        { teamId, users: adminIds(config), args: { problems: notes }, purpose: CHANNEL_PROBLEMS_DM_PURPOSE },
        (admin) => `channel_problems:${admin}:${key}`,
        now,
      );
      await markChannelProblemsTold(
        tx,
        teamId,
        untold.map((p) => p.channel),
        now,
      );
      return untold.map((p) => p.channel);
    });
  }

  /** The channel works (the bot joined or was invited): forget its problem and send what waited. */
  async resolved(teamId: string, channel: string, now: Date): Promise<number> {
    return this.database.db.transaction(async (tx) => {
      await clearChannelProblem(tx, teamId, channel);
      return unparkChannel(tx, { teamId, channel, now });
    });
  }

  /**
   * After the config changed: a parked card whose segment now maps to another channel moves there,
   * with the posts that wait for it (its thread and updates). Returns how many writes moved.
   */
  async retargetParked(teamId: string, now: Date): Promise<number> {
    const config = this.configs.for(teamId);
    await forgetUnconfiguredProblems(
      this.database.db,
      teamId,
      configuredChannels(config).map((c) => c.channel),
    );
    const parked = await parkedWrites(this.database.db, teamId);
    const moves = new Map<string, { from: string; to: string; leadIds: number[] }>();
    for (const row of parked) {
      if (row.purpose !== 'lead_card' || !row.leadId) continue;
      const lead = await findLead(this.database.db, teamId, row.leadId);
      const to = lead ? config.channels.leads[lead.segment] : undefined;
      if (!to || to === row.channel) continue;
      const key = `${row.channel}>${to}`;
      const move = moves.get(key) ?? { from: row.channel, to, leadIds: [] };
      move.leadIds.push(row.leadId);
      moves.set(key, move);
    }
    let moved = 0;
    for (const m of moves.values())
      moved += await unparkChannel(this.database.db, {
        teamId,
        channel: m.from,
        to: m.to,
        leadIds: m.leadIds,
        now,
      });
    return moved;
  }

  /** What admins see on their Home. */
  list(teamId: string): Promise<ChannelProblemRow[]> {
    return listChannelProblems(this.database.db, teamId);
  }
}
