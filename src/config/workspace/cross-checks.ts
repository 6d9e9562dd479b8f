/** Checks across sections: references from one section to what another defines. */
import type { z } from 'zod';
import { isSeller } from '../../domain/roles.js';
import { SIDE_STAGES } from './constants.js';
import { DEFAULT_DISQUALIFY_REASONS, DEFAULT_LOST_REASONS, DEFAULT_WORKING_STAGES } from './defaults.js';
import type { WorkspaceFile } from './file-shape.js';
import { unlessBroken } from './primitives.js';

const workingStageKeys = (file: WorkspaceFile): string[] =>
  file.stages.working?.map((s) => (typeof s === 'string' ? s : s.key)) ??
  DEFAULT_WORKING_STAGES.map((s) => s.key);

type Report = (path: PropertyKey[], message: string) => void;

export function acrossSections(
  sections: (keyof WorkspaceFile)[],
  check: (file: WorkspaceFile, report: Report) => void,
) {
  return [
    (file: WorkspaceFile, ctx: z.core.$RefinementCtx) =>
      check(file, (path, message) => ctx.addIssue({ code: 'custom', path, message })),
    unlessBroken((path) => sections.some((s) => s === path[0])),
  ] as const;
}

const notASegment = (file: WorkspaceFile, value: string) =>
  `"${value}" is not a segment (segments: ${file.segments.join(', ')})`;

export function checkLeadChannels(file: WorkspaceFile, report: Report) {
  const leads = file.channels?.leads;
  if (leads === undefined || typeof leads === 'string') return;
  for (const key of Object.keys(leads)) {
    if (key !== 'default' && !file.segments.includes(key))
      report(['channels', 'leads', key], notASegment(file, key));
  }
  const uncovered = file.segments.filter((s) => !Object.hasOwn(leads, s));
  if (!Object.hasOwn(leads, 'default') && uncovered.length > 0) {
    report(
      ['channels', 'leads'],
      `no channel for segment ${uncovered.join(', ')}; map every segment or add a "default" channel`,
    );
  }
}

export function checkRosterReferences(file: WorkspaceFile, report: Report) {
  const roster = file.roster;
  if (roster === undefined) return;
  roster.forEach((member, i) => {
    member.segments?.forEach((s, j) => {
      if (!file.segments.includes(s)) report(['roster', i, 'segments', j], notASegment(file, s));
    });
    // Checked after merging, since a member may override only one end of the calendar's day.
    const own = member.working_hours;
    const start = own?.start ?? file.calendar.working_hours.start;
    const end = own?.end ?? file.calendar.working_hours.end;
    if ((own?.start !== undefined || own?.end !== undefined) && start >= end) {
      report(
        ['roster', i, 'working_hours'],
        `start "${start}" must be before end "${end}" (unset ones come from calendar.working_hours)`,
      );
    }
  });
  // With no seller at all the roster check has already said so; here each segment needs one.
  if (!roster.some((m) => isSeller(m.roles))) return;
  for (const segment of file.segments) {
    if (!roster.some((m) => isSeller(m.roles) && (m.segments ?? file.segments).includes(segment))) {
      report(
        ['roster'],
        `no seller (sdr or ae) covers segment "${segment}", so its leads could never be routed`,
      );
    }
  }
}

export function checkRoutingReferences(file: WorkspaceFile, report: Report) {
  const blocks: [PropertyKey[], number | undefined][] = [
    [['routing', 'default'], file.routing.default.auto_assign_after_minutes],
  ];
  for (const [key, block] of Object.entries(file.routing.segments)) {
    if (!file.segments.includes(key)) report(['routing', 'segments', key], notASegment(file, key));
    blocks.push([['routing', 'segments', key], block.auto_assign_after_minutes]);
  }
  const sla = file.sla.first_touch_minutes;
  for (const [path, minutes] of blocks) {
    if (minutes !== undefined && minutes >= sla) {
      report(
        [...path, 'auto_assign_after_minutes'],
        `${minutes} must be less than sla.first_touch_minutes (${sla}), or leads breach before anyone owns them`,
      );
    }
  }
}

function notAWorkingStage(stages: readonly string[], value: string): string {
  const sameIgnoringCase = stages.find((s) => s.toLowerCase() === value.toLowerCase());
  const hint = sameIgnoringCase ? `; keys are case-sensitive, did you mean "${sameIgnoringCase}"?` : '';
  return `"${value}" is not a working stage (stages: ${stages.join(', ')})${hint}`;
}

export function checkStageReferences(file: WorkspaceFile, report: Report) {
  const stages = workingStageKeys(file);
  const notAStage = (value: string) => notAWorkingStage(stages, value);
  const { threshold_stage } = file.routing;
  const { stop_at_stage } = file.cadence;
  const threshold = stages.indexOf(threshold_stage);
  const stop = stages.indexOf(stop_at_stage);
  if (threshold < 0) report(['routing', 'threshold_stage'], notAStage(threshold_stage));
  if (stop < 0) {
    report(['cadence', 'stop_at_stage'], notAStage(stop_at_stage));
  } else if (threshold >= 0 && stop <= threshold) {
    report(
      ['cadence', 'stop_at_stage'],
      `"${stop_at_stage}" must come after routing.threshold_stage "${threshold_stage}", or the cadence ends before it starts`,
    );
  }
  checkFunnelStages(file.funnel, stages, notAStage, report);
}

function checkFunnelStages(
  funnel: WorkspaceFile['funnel'],
  stages: readonly string[],
  notAStage: (value: string) => string,
  report: Report,
) {
  const named: Array<[PropertyKey[], string | undefined]> = [
    [['funnel', 'won_stage'], funnel.won_stage],
    [['funnel', 'deal_stage'], funnel.deal_stage],
    [['funnel', 'recycle_reopen_stage'], funnel.recycle_reopen_stage],
  ];
  for (const [path, value] of named)
    if (value !== undefined && !stages.includes(value)) report(path, notAStage(value));
  const { won_stage, deal_stage } = funnel;
  if (won_stage && deal_stage && stages.indexOf(deal_stage) > stages.indexOf(won_stage)) {
    report(['funnel', 'deal_stage'], `"${deal_stage}" must not come after funnel.won_stage "${won_stage}"`);
  }
  for (const key of Object.keys(funnel.kpi_roles ?? {})) {
    if (!stages.includes(key)) report(['funnel', 'kpi_roles', key], notAStage(key));
  }
  for (const key of Object.keys(funnel.plan.default_rates ?? {})) {
    if (!stages.includes(key)) report(['funnel', 'plan', 'default_rates', key], notAStage(key));
    else if (key === stages.at(-1))
      report(
        ['funnel', 'plan', 'default_rates', key],
        `"${key}" is the last stage: there is no next stage to convert to`,
      );
  }
}

export function checkQualificationReferences(file: WorkspaceFile, report: Report) {
  const stages = workingStageKeys(file);
  const check = (path: PropertyKey[], set: { segment?: string | undefined; stage?: string | undefined }) => {
    if (set.segment !== undefined && !file.segments.includes(set.segment)) {
      report([...path, 'segment'], notASegment(file, set.segment));
    }
    if (set.stage !== undefined && !stages.includes(set.stage)) {
      report([...path, 'stage'], notAWorkingStage(stages, set.stage));
    }
  };
  file.qualification.rules?.forEach((rule, i) => {
    check(['qualification', 'rules', i, 'set'], rule.set);
  });
  check(['qualification', 'defaults'], file.qualification.defaults);
}

/** Labels name keys that exist: configured segments, the reasons in use, working or side stages. */
export function checkLabelReferences(file: WorkspaceFile, report: Report) {
  const { labels } = file;
  for (const key of Object.keys(labels.segments)) {
    if (!file.segments.includes(key)) report(['labels', 'segments', key], notASegment(file, key));
  }
  const reasons = (kind: 'lost_reasons' | 'disqualify_reasons', defaults: readonly string[]) => {
    const keys = file.stages[kind]?.map((r) => (typeof r === 'string' ? r : r.key)) ?? defaults;
    for (const key of Object.keys(labels[kind])) {
      if (!keys.includes(key))
        report(['labels', kind, key], `"${key}" is not one of the ${kind} (${keys.join(', ')})`);
    }
  };
  reasons('lost_reasons', DEFAULT_LOST_REASONS);
  reasons('disqualify_reasons', DEFAULT_DISQUALIFY_REASONS);
  // Side stages (Lost, Disqualified, Recycle) are named in Baton's own words in each language.
  const stages = workingStageKeys(file);
  for (const key of Object.keys(labels.stages)) {
    if (!stages.includes(key))
      report(['labels', 'stages', key], `"${key}" is not a working stage (stages: ${stages.join(', ')})`);
  }
}

/** Every stage the hubspot section names is a working stage or a side state (Lost, Disqualified, Recycle). */
export function checkHubspotStages(file: WorkspaceFile, report: Report) {
  const stages = [...workingStageKeys(file), ...SIDE_STAGES];
  const notAStage = (value: string) => notAWorkingStage(stages, value).replace('working stage', 'stage');
  const { lifecycle_stages, lead_statuses, deal_stages, contact_statuses } = file.hubspot;
  for (const [name, map] of [
    ['lifecycle_stages', lifecycle_stages],
    ['lead_statuses', lead_statuses],
  ] as const)
    for (const key of Object.keys(map ?? {}))
      if (!stages.includes(key)) report(['hubspot', name, key], notAStage(key));
  for (const [name, map] of [
    ['deal_stages', deal_stages],
    ['contact_statuses', contact_statuses],
  ] as const)
    for (const [key, value] of Object.entries(map ?? {}))
      if (!stages.includes(value)) report(['hubspot', name, key], notAStage(value));
}
