import type { Database } from '../db/client.js';
import { rollCohortChanges } from '../db/queries/funnel-cohort.js';
import { rollFlowDays } from '../db/queries/funnel-rollups.js';
import { rollSpeedDays } from '../db/queries/funnel-speed.js';
import { rollStayDays } from '../db/queries/funnel-stays.js';

/** Days counted per transaction: a first run over years of history goes a month at a time. */
const DAYS_PER_STEP = 31;
/** Stage change ids counted per transaction by the cohort rollup: each holds writers for well under a second. */
const CHANGES_PER_STEP = 100_000;
/** A run shares the job runner with SLA steps: it stops after this long; the next run goes on. */
const RUN_BUDGET_MS = 10_000;

/**
 * Counts the team's days that closed (UTC) up to `now` into flow's daily rollup, a month per
 * transaction, within `budgetMs` (issue 16). The daily housekeeping job (maintenance.ts) runs it.
 */
export async function rollFunnel(
  database: Database,
  teamId: string,
  now: Date,
  budgetMs = RUN_BUDGET_MS,
): Promise<{ movesUntil: Date | null; done: boolean }> {
  const started = performance.now();
  for (;;) {
    const step = await database.db.transaction((tx) => rollFlowDays(tx, teamId, now, DAYS_PER_STEP));
    if (step.done || performance.now() - started > budgetMs) return step;
  }
}

/**
 * Counts the team's stays that ended on days that closed (UTC) up to `now` into the daily stay
 * rollup (days in stage), a month per transaction, within `budgetMs` (issue 16), as rollFunnel does
 * for flow. The daily housekeeping job (maintenance.ts) runs it.
 */
export async function rollStays(
  database: Database,
  teamId: string,
  now: Date,
  budgetMs = RUN_BUDGET_MS,
): Promise<{ staysUntil: Date | null; done: boolean }> {
  const started = performance.now();
  for (;;) {
    const step = await database.db.transaction((tx) => rollStayDays(tx, teamId, now, DAYS_PER_STEP));
    if (step.done || performance.now() - started > budgetMs) return step;
  }
}

/**
 * Counts the team's routed leads of days that closed (UTC) up to `now` into the speed-to-lead
 * rollup, a month per transaction, within `budgetMs` (issue 16). The daily housekeeping job runs it.
 */
export async function rollSpeed(
  database: Database,
  teamId: string,
  now: Date,
  budgetMs = RUN_BUDGET_MS,
): Promise<{ speedUntil: Date | null; done: boolean }> {
  const started = performance.now();
  for (;;) {
    const step = await database.db.transaction((tx) => rollSpeedDays(tx, teamId, now, DAYS_PER_STEP));
    if (step.done || performance.now() - started > budgetMs) return step;
  }
}

/**
 * Counts the stage changes made since the cohort rollup last ran (every team's ids, this team's
 * leads), `CHANGES_PER_STEP` ids per transaction, within `budgetMs` (issue 16). `upTo` stops at a
 * given id (the bench leaves the last hour's changes to the report). The hourly job
 * (cohort-roll.ts) and the daily housekeeping job (maintenance.ts) run it.
 */
export async function rollCohort(
  database: Database,
  teamId: string,
  budgetMs = RUN_BUDGET_MS,
  upTo?: number,
  changesPerStep = CHANGES_PER_STEP,
): Promise<{ changesUntil: number; done: boolean }> {
  const started = performance.now();
  for (;;) {
    const step = await database.db.transaction((tx) => rollCohortChanges(tx, teamId, changesPerStep, upTo));
    if (step.done || performance.now() - started > budgetMs) return step;
  }
}
