import { and, asc, desc, eq, getTableColumns, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../client.js';
import { leads, members, stageChanges } from '../schema.js';
import { entersWon } from './funnel.js';

/** Which leads an export holds: created in [from, to), optionally only one owner's, oldest first. */
export interface ExportFilter {
  from: Date;
  to: Date;
  /** null: the whole team. */
  ownerId: string | null;
  /** At most this many leads (the oldest); their stage changes come with them. */
  limit: number;
  /** The working stages and the won stage, to find each lead's last win (docs/funnel.md). */
  funnel: { working: readonly string[]; wonStage: string };
}

function whereLeads(teamId: string, f: ExportFilter): SQL {
  return and(
    eq(leads.teamId, teamId),
    gte(leads.createdAt, f.from),
    lt(leads.createdAt, f.to),
    f.ownerId === null ? undefined : eq(leads.ownerId, f.ownerId),
  )!;
}

const exportedLeadColumns = {
  id: leads.id,
  createdAt: leads.createdAt,
  source: leads.source,
  externalId: leads.externalId,
  name: leads.name,
  email: leads.email,
  company: leads.company,
  title: leads.title,
  phone: leads.phone,
  companySize: leads.companySize,
  industry: leads.industry,
  website: leads.website,
  form: leads.form,
  utm: leads.utm,
  segment: leads.segment,
  score: leads.score,
  routed: leads.routed,
  stage: leads.stage,
  stageEnteredAt: leads.stageEnteredAt,
  furthestStage: leads.furthestStage,
  ownerId: leads.ownerId,
  ownerName: members.name,
  marketerId: leads.marketerId,
  slaDueAt: leads.slaDueAt,
  slaState: leads.slaState,
  firstTouchAt: leads.firstTouchAt,
  firstTouchBusinessMinutes: leads.firstTouchBusinessMinutes,
  amount: leads.amount,
  currency: leads.currency,
  competitor: leads.competitor,
  stageReason: leads.stageReason,
  revisitOn: leads.revisitOn,
  message: leads.message,
};

/**
 * The leads of an export, oldest first, with their owner's roster name and the deal as the funnel
 * counts it: competitor, amount and currency on its last move into the won stage (none if never won).
 */
export function exportLeads(q: Queryable, teamId: string, f: ExportFilter) {
  const lastWin = q
    .select({
      competitor: stageChanges.competitor,
      amount: stageChanges.amount,
      currency: stageChanges.currency,
    })
    .from(stageChanges)
    .where(
      and(
        eq(stageChanges.teamId, teamId),
        eq(stageChanges.leadId, leads.id),
        entersWon(f.funnel.working, f.funnel.wonStage),
      ),
    )
    .orderBy(desc(stageChanges.enteredAt), desc(stageChanges.id))
    .limit(1)
    .as('last_win');
  return q
    .select({
      ...exportedLeadColumns,
      wonAmount: lastWin.amount,
      wonCurrency: lastWin.currency,
      wonCompetitor: lastWin.competitor,
    })
    .from(leads)
    .leftJoin(members, and(eq(members.teamId, leads.teamId), eq(members.userId, leads.ownerId)))
    .leftJoinLateral(lastWin, sql`true`)
    .where(whereLeads(teamId, f))
    .orderBy(asc(leads.createdAt), asc(leads.id))
    .limit(f.limit);
}

export type ExportLeadRow = Awaited<ReturnType<typeof exportLeads>>[number];

export type ExportStageChangeRow = Omit<typeof stageChanges.$inferSelect, 'teamId'>;

/** Every stage change (arrivals included) of the same leads `exportLeads` returns, in time order. */
export async function exportStageChanges(
  q: Queryable,
  teamId: string,
  f: ExportFilter,
): Promise<ExportStageChangeRow[]> {
  const exported = q
    .select({ id: leads.id })
    .from(leads)
    .where(whereLeads(teamId, f))
    .orderBy(asc(leads.createdAt), asc(leads.id))
    .limit(f.limit);
  const { teamId: _team, ...columns } = getTableColumns(stageChanges);
  return q
    .select(columns)
    .from(stageChanges)
    .where(and(eq(stageChanges.teamId, teamId), inArray(stageChanges.leadId, exported)))
    .orderBy(asc(stageChanges.enteredAt), asc(stageChanges.id));
}
