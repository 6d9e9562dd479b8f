import type { ConfigSource } from '../config/config-source.js';

import type { Database } from '../db/client.js';
import { setRetroDms } from '../db/queries/members.js';
import { actorOf } from './actor.js';

/** Someone's settings as Baton keeps them, or a refusal naming the admins who can add them. */
export type SettingsResult =
  | { ok: true; retroDms: boolean }
  | { ok: false; reason: 'not_on_roster'; adminIds: string[] };

/** A person's own Baton settings (`/baton settings`): retro DMs on or off. */
export class SettingsService {
  constructor(
    readonly database: Database,
    readonly configs: ConfigSource,
  ) {}

  async get(teamId: string, userId: string): Promise<SettingsResult> {
    const actor = await actorOf(this.database.db, teamId, userId);
    if (actor.kind === 'stranger') return { ok: false, reason: 'not_on_roster', adminIds: actor.adminIds };
    return { ok: true, retroDms: actor.member.retroDms };
  }

  /** Turns the retro nudge DMs on or off for a roster member. */
  async setRetroDms(teamId: string, userId: string, on: boolean, now: Date): Promise<SettingsResult> {
    if (await setRetroDms(this.database.db, teamId, userId, on, now)) return { ok: true, retroDms: on };
    return this.get(teamId, userId);
  }
}
