import type { ConfigSource } from '../config/config-source.js';
import type { VocCategory } from '../config/workspace/constants.js';

import type { Database, Queryable } from '../db/client.js';
import { vocQuoteRows } from '../db/queries/voc-report.js';
import { vocRolledUpAggregates, vocRolledUpCounts } from '../db/queries/voc-rollups.js';
import type { ReportPeriod } from '../domain/funnel-report.js';
import type { VocFigures } from '../domain/retro-report.js';
import { pickQuoteIds, type VocReport, type VocReportQuery, vocFiguresOf } from '../domain/voc-figures.js';

/**
 * VOC figures of [start, end) against [previousStart, previousEnd): the weekly retro's (d) and
 * `/voc report` read the same figures, through the caller's transaction when there is one.
 */
export async function loadVocFigures(
  q: Queryable,
  teamId: string,
  range: Pick<ReportPeriod, 'start' | 'end' | 'previousStart' | 'previousEnd'>,
  category: VocCategory | null,
): Promise<VocFigures> {
  // From the daily rollups: counting a year of entries took seconds, a few rows a day does not (issue 16).
  const [aggregates, previous] = await Promise.all([
    vocRolledUpAggregates(q, teamId, range.start, range.end, category),
    vocRolledUpCounts(q, teamId, range.previousStart, range.previousEnd, category),
  ]);
  return vocFiguresOf(aggregates, previous, await vocQuoteRows(q, teamId, pickQuoteIds(aggregates)));
}

/** `/voc report`: VOC counts, competitors, tags and top quotes for a period (docs/retro.md). */
export class VocReportService {
  constructor(
    readonly database: Database,
    readonly configs: ConfigSource,
  ) {}

  async report(teamId: string, query: VocReportQuery): Promise<VocReport> {
    return {
      ...query,
      figures: await loadVocFigures(this.database.db, teamId, query.period, query.category),
    };
  }
}
