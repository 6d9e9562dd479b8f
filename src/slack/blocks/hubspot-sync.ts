import type { HubspotHealth } from '../../db/queries/hubspot.js';
import type { Catalog } from '../../i18n/index.js';
import { type Block, section } from './common.js';
import { escapedWithin } from './fit.js';

/** Admins' Home line when the HubSpot sync is failing (refused writes) or waiting (retries). */
export function hubspotSyncBlocks(t: Catalog, health: HubspotHealth | null): Block[] {
  if (!health) return [];
  const blocks: Block[] = [];
  // HubSpot's error text is not ours: escaped, and cut to stay well inside a section.
  const said = (error: string | null) => escapedWithin(error ?? '-', 600);
  if (health.dead > 0) blocks.push(section(t.hubspot.home.failing(health.dead, said(health.lastDeadError))));
  if (health.retrying > 0)
    blocks.push(section(t.hubspot.home.retrying(health.retrying, said(health.lastRetryError))));
  return blocks;
}
