/**
 * What the sandbox and its Baton say to each other over the child's IPC channel about time. The
 * sandbox owns the offset (it persists it); Baton computes where a step lands, because only it
 * knows the workspace's calendar as configured.
 */
import type { ClockStep } from './clock-jumps.js';

/** Baton's clock reads real time plus this many milliseconds from its first moment. */
export const OFFSET_ENV = 'BATON_SANDBOX_CLOCK_OFFSET_MS';

export interface AdvanceRequest {
  id: number;
  type: 'advance';
  step: ClockStep;
}

export type AdvanceReply =
  | { id: number; type: 'clock'; offsetMs: number; now: string; jobsRun: number }
  | { id: number; type: 'error'; message: string };

/** A start-up offset from the environment: a whole, non-negative number of milliseconds, else 0. */
export function parseOffset(value: string | undefined): number {
  const n = Number(value);
  return Number.isSafeInteger(n) && n >= 0 ? n : 0;
}
