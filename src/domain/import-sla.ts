import type { WorkspaceConfig } from '../config/workspace-schema.js';

type Sla = WorkspaceConfig['sla'];

/**
 * The first-touch SLA of a lead a bulk import brings in from `source` (`intake.import_sla`):
 * undefined keeps `sla` as configured, null means none. With its own minutes the escalation
 * ladder keeps its shape around the new deadline: every step moves by the same difference
 * (never earlier than a minute after arrival).
 */
export function importSla(
  sla: Sla,
  overrides: Readonly<Record<string, number | 'none'>>,
  source: string,
): Sla | null | undefined {
  if (!Object.hasOwn(overrides, source)) return undefined;
  const override = overrides[source]!;
  if (override === 'none') return null;
  const shift = override - sla.firstTouchMinutes;
  return {
    ...sla,
    firstTouchMinutes: override,
    escalations: sla.escalations.map((step) => ({
      ...step,
      afterMinutes: Math.max(1, step.afterMinutes + shift),
    })),
  };
}
