/**
 * Which leads count as open: owned work still in progress. A lead is open while its stage is a
 * working stage before the won stage (`funnel.won_stage`); won, retained, lost, disqualified and
 * recycled leads are not open. Open leads are what `max_open_leads` caps and what `/lead mine` lists.
 */

/** The part of the workspace config that decides it (structural, so the domain needs no config import). */
export interface FunnelStages {
  stages: { working: ReadonlyArray<{ key: string }> };
  funnel: { wonStage: string };
}

/** The open stages, in funnel order. Side states (Lost, Disqualified, Recycle) never are. */
export function openStages({ stages, funnel }: FunnelStages): string[] {
  const working = stages.working.map((s) => s.key);
  const won = working.indexOf(funnel.wonStage);
  return won < 0 ? working : working.slice(0, won);
}
