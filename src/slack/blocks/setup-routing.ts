/** The routing modal: per segment, claim or round robin, the accept timeout, and who waits outside hours. */
import type { types } from '@slack/bolt';
import { workingStageLabel } from '../../config/workspace/normalize-labels.js';
import type { WorkspaceConfig } from '../../config/workspace-schema.js';
import type { RoutingForm } from '../../domain/setup-edits.js';
import type { Catalog } from '../../i18n/index.js';
import type { Block } from './common.js';
import {
  chosen,
  chosenMany,
  type FieldFor,
  input,
  numberField,
  option,
  SETUP_INPUT,
  SETUP_VIEWS,
  setupModal,
  type ViewValues,
} from './setup-common.js';

export const modeBlock = (segment: string) => `rt_mode_${segment}`;
export const timeoutBlock = (segment: string) => `rt_timeout_${segment}`;
export const hoursBlock = (segment: string) => `rt_hours_${segment}`;
export const autoAssignBlock = (segment: string) => `rt_auto_${segment}`;
export const THRESHOLD_BLOCK = 'rt_threshold';
export const ACCOUNTS_BLOCK = 'rt_accounts';
const ON = 'on';

/**
 * Built from the routing in force for each segment (its own block merged over routing.default).
 * Auto-assign minutes show only where the segment writes its own: otherwise they follow the SLA
 * ladder's auto-assign step, which saving a filled-in copy would cut loose.
 */
export function routingModal(
  t: Catalog,
  config: WorkspaceConfig,
  ownAutoAssign: Readonly<Record<string, number>>,
  /** What an empty field gives: routing.default's minutes, else the SLA ladder's step ('off': none). */
  fallbackAutoAssign: number | 'off',
  readOnly: boolean,
): types.ModalView {
  const m = t.admin.modal.routing;
  const stages = config.stages.working.map((s) =>
    option(workingStageLabel(config.labels, s.key, config.locale), s.key),
  );
  const on = option(m.accountsOn, ON);
  const blocks: Block[] = [
    input(
      THRESHOLD_BLOCK,
      m.threshold,
      {
        type: 'static_select',
        action_id: SETUP_INPUT,
        options: stages,
        initial_option: stages.find((o) => o.value === config.routing.thresholdStage),
      },
      { hint: m.thresholdHint },
    ),
    input(
      ACCOUNTS_BLOCK,
      m.accounts,
      {
        type: 'checkboxes',
        action_id: SETUP_INPUT,
        options: [on],
        ...(config.routing.matchExistingAccounts ? { initial_options: [on] } : {}),
      },
      { optional: true },
    ),
  ];
  for (const segment of config.segments) {
    const policy = config.routing.segments[segment];
    if (!policy) continue;
    const modes = [option(m.claim, 'claim'), option(m.roundRobin, 'round_robin')];
    const hours = [option(m.hold, 'hold'), option(m.skip, 'skip')];
    // The segment names its first field rather than a header of its own: with a header, 20 segments
    // (the most the config allows) took 103 blocks, over the 100 Slack allows in a modal.
    blocks.push(
      input(modeBlock(segment), `${segment} · ${m.mode}`, {
        type: 'static_select',
        action_id: SETUP_INPUT,
        options: modes,
        initial_option: modes.find((o) => o.value === policy.mode),
      }),
      input(
        timeoutBlock(segment),
        m.acceptTimeout,
        {
          type: 'number_input',
          action_id: SETUP_INPUT,
          is_decimal_allowed: false,
          min_value: '1',
          max_value: '1440',
          ...(policy.mode === 'round_robin' ? { initial_value: String(policy.acceptTimeoutMinutes) } : {}),
        },
        { optional: true, hint: m.acceptTimeoutHint },
      ),
      input(
        autoAssignBlock(segment),
        m.autoAssign,
        {
          type: 'number_input',
          action_id: SETUP_INPUT,
          is_decimal_allowed: false,
          min_value: '1',
          max_value: '10080',
          ...(policy.mode === 'claim' && ownAutoAssign[segment] !== undefined
            ? { initial_value: String(ownAutoAssign[segment]) }
            : {}),
        },
        {
          optional: true,
          // A round-robin segment has no auto-assign in force to name.
          hint: m.autoAssignHint(policy.mode === 'claim' ? fallbackAutoAssign : null),
        },
      ),
      input(hoursBlock(segment), m.outsideHours, {
        type: 'static_select',
        action_id: SETUP_INPUT,
        options: hours,
        initial_option: hours.find((o) => o.value === policy.outsideHours),
      }),
    );
  }
  return setupModal(t, SETUP_VIEWS.routing, m.title, blocks, readOnly);
}

export function readRoutingForm(values: ViewValues, segments: readonly string[]): RoutingForm {
  const threshold = chosen(values, THRESHOLD_BLOCK);
  return {
    // Fields a submission lacks (an older modal) leave their settings as they are.
    ...(threshold === null ? {} : { thresholdStage: threshold }),
    ...(ACCOUNTS_BLOCK in values
      ? { matchExistingAccounts: chosenMany(values, ACCOUNTS_BLOCK).includes(ON) }
      : {}),
    segments: Object.fromEntries(
      segments.map((s) => [
        s,
        {
          mode: chosen(values, modeBlock(s)) ?? 'claim',
          acceptTimeoutMinutes: numberField(values, timeoutBlock(s)),
          // Only a claim segment keeps them (the schema refuses them under round robin).
          autoAssignMinutes:
            chosen(values, modeBlock(s)) === 'claim' ? numberField(values, autoAssignBlock(s)) : null,
          outsideHours: chosen(values, hoursBlock(s)) ?? 'hold',
        },
      ]),
    ),
  };
}

/** `routing.segments.smb.accept_timeout_minutes` → that segment's timeout field. */
export const routingFieldFor =
  (segments: readonly string[]): FieldFor =>
  (path) => {
    // The cadence must stop after the threshold: said where the threshold was chosen.
    if (path[0] === 'cadence' && path[1] === 'stop_at_stage') return THRESHOLD_BLOCK;
    if (path[0] !== 'routing') return null;
    if (path[1] === 'threshold_stage') return THRESHOLD_BLOCK;
    if (path[1] === 'match_existing_accounts') return ACCOUNTS_BLOCK;
    const segment = path[1] === 'segments' && typeof path[2] === 'string' ? path[2] : segments[0];
    if (!segment || !segments.includes(segment)) return segments[0] ? modeBlock(segments[0]) : null;
    const key = path[3];
    if (key === 'accept_timeout_minutes') return timeoutBlock(segment);
    if (key === 'outside_hours') return hoursBlock(segment);
    if (key === 'auto_assign_after_minutes') return autoAssignBlock(segment);
    return modeBlock(segment);
  };
