/**
 * A seller's open leads as App Home shows them: grouped by stage in funnel order, each with the
 * next cadence reminder that will really reach the seller. Pure: rows and config are passed in.
 */
import type { CadenceStep } from '../config/workspace-schema.js';

/** A cadence job still waiting to run: which lead, which step of `cadence.steps`, and when. */
export interface PendingStep {
  leadId: number;
  step: number;
  runAt: Date;
}

export interface NextStep {
  day: number;
  label: string;
  dueAt: Date;
}

/**
 * Whether a lead in `stage` still gets cadence reminders: it is in a working stage before
 * `stopAtStage` (the cadence service skips steps of leads that are closed or got that far).
 */
export function cadenceRuns(stage: string, workingStages: readonly string[], stopAtStage: string): boolean {
  const at = workingStages.indexOf(stage);
  if (at < 0) return false;
  const stop = workingStages.indexOf(stopAtStage);
  return stop < 0 || at < stop;
}

/**
 * Each lead's earliest pending step that is still in the cadence (a step removed from the
 * config is skipped when its job runs, so it is not "next").
 */
export function nextSteps(
  pending: readonly PendingStep[],
  steps: readonly CadenceStep[],
): Map<number, NextStep> {
  const next = new Map<number, NextStep>();
  for (const p of pending) {
    const step = steps[p.step];
    if (!step) continue;
    const seen = next.get(p.leadId);
    if (!seen || p.runAt.getTime() < seen.dueAt.getTime()) {
      next.set(p.leadId, { day: step.day, label: step.label, dueAt: p.runAt });
    }
  }
  return next;
}

/** Items grouped by their stage, in the order of `stages`; empty stages and unknown stages are left out. */
export function groupByStage<T>(
  items: readonly T[],
  stages: ReadonlyArray<{ key: string; label: string }>,
  stageOf: (item: T) => string,
): Array<{ stage: string; label: string; items: T[] }> {
  return stages
    .map(({ key, label }) => ({ stage: key, label, items: items.filter((i) => stageOf(i) === key) }))
    .filter((g) => g.items.length > 0);
}
