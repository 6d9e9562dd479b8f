import type { Database } from '../../db/client.js';
import { type HubspotHealth, hubspotHealth } from '../../db/queries/hubspot.js';

/** How long a write HubSpot refused stays on admins' Home. */
const SHOWN_FOR_MS = 7 * 24 * 3_600_000;

/** What admins are told about the HubSpot sync: writes HubSpot refused, and writes waiting for a retry. */
export class HubspotSyncHealth {
  constructor(private readonly database: Database) {}

  async problems(teamId: string, now: Date): Promise<HubspotHealth | null> {
    const health = await hubspotHealth(this.database.db, teamId, new Date(now.getTime() - SHOWN_FOR_MS));
    return health.dead > 0 || health.retrying > 0 ? health : null;
  }
}
