import type { ConfigSource } from '../config/config-source.js';
import type { VocCategory } from '../config/workspace/constants.js';

import type { Database, Queryable } from '../db/client.js';
import { vocCountsByCategory, vocPeriodAggregates, vocQuoteRows } from '../db/queries/voc-report.js';
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
  // Counted in SQL: moving a year of entries into Node cost ten times the statement (issue 16).
  const [aggregates, previous] = await Promise.all([
    vocPeriodAggregates(q, teamId, range.start, range.end, category),
    vocCountsByCategory(q, teamId, range.previousStart, range.previousEnd, category),
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
