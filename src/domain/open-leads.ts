/**
 * Which leads count as open: owned work still in progress. A lead is open while its stage is a
 * working stage before the won stage (`Closing`); won, retained, lost, disqualified and recycled
 * leads are not open. Open leads are what `max_open_leads` caps and what `/lead mine` lists.
 */

/** The stage that means "won"; it and every working stage after it are closed. */
export const WON_STAGE = 'Closing';

/**
 * The open stages, in funnel order, from the workspace's working stages. Without a `Closing`
 * stage every working stage is open. Side states (Lost, Disqualified, Recycle) never are.
 */
export function openStages(workingStages: readonly string[]): string[] {
  const won = workingStages.indexOf(WON_STAGE);
  return won < 0 ? [...workingStages] : workingStages.slice(0, won);
}
