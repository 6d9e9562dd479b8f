/** The SLA modal: first-touch minutes, its clock, and each escalation step on/off with its minutes. */
import type { types } from '@slack/bolt';
import type { WorkspaceConfig } from '../../config/workspace-schema.js';
import type { SlaForm } from '../../domain/setup-edits.js';
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

export const SLA_MINUTES = 'sla_minutes';
export const SLA_CLOCK = 'sla_clock';
export const stepOnBlock = (i: number) => `sla_step_${i}_on`;
export const stepMinutesBlock = (i: number) => `sla_step_${i}_min`;
const ON = 'on';

const minutes = (initial: number): types.NumberInput => ({
  type: 'number_input',
  action_id: SETUP_INPUT,
  is_decimal_allowed: false,
  min_value: '1',
  max_value: '10080',
  initial_value: String(initial),
});

/** Built from the SLA in force (the ladder resolved, even when the document does not write it). */
export function slaModal(t: Catalog, sla: WorkspaceConfig['sla'], readOnly: boolean): types.ModalView {
  const m = t.admin.modal.sla;
  const clocks = [option(m.business, 'business'), option(m.always, 'always')];
  const blocks: Block[] = [
    input(
      SLA_MINUTES,
      m.firstTouch,
      { ...minutes(sla.firstTouchMinutes), min_value: '5' },
      { hint: m.firstTouchHint },
    ),
    input(SLA_CLOCK, m.clock, {
      type: 'static_select',
      action_id: SETUP_INPUT,
      options: clocks,
      initial_option: clocks.find((o) => o.value === sla.clock),
    }),
    { type: 'section', text: { type: 'mrkdwn', text: m.ladder } },
  ];
  sla.escalations.forEach((step, i) => {
    const name = m.actions[step.action];
    const on = option(m.stepOn, ON);
    blocks.push(
      input(
        stepOnBlock(i),
        name,
        {
          type: 'checkboxes',
          action_id: SETUP_INPUT,
          options: [on],
          ...(step.enabled ? { initial_options: [on] } : {}),
        },
        { optional: true },
      ),
      input(stepMinutesBlock(i), m.step(name), minutes(step.afterMinutes)),
    );
  });
  return setupModal(t, SETUP_VIEWS.sla, m.title, blocks, readOnly);
}

/** The form; a blank number stays NaN so the schema names it under its field. */
export function readSlaForm(values: ViewValues, stepCount: number): SlaForm {
  return {
    firstTouchMinutes: numberField(values, SLA_MINUTES) ?? Number.NaN,
    clock: chosen(values, SLA_CLOCK) ?? '',
    steps: Array.from({ length: stepCount }, (_, i) => ({
      enabled: chosenMany(values, stepOnBlock(i)).includes(ON),
      afterMinutes: numberField(values, stepMinutesBlock(i)) ?? Number.NaN,
    })),
  };
}

export const slaFieldFor: FieldFor = (path) => {
  if (path[0] !== 'sla') return null;
  if (path[1] === 'first_touch_minutes') return SLA_MINUTES;
  if (path[1] === 'clock') return SLA_CLOCK;
  if (path[1] === 'escalations') return stepMinutesBlock(typeof path[2] === 'number' ? path[2] : 0);
  return null;
};
