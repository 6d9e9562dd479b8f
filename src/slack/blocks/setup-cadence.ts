/** The cadence modal: the follow-up steps, one per line, and the stage where reminders stop. */
import type { types } from '@slack/bolt';
import { workingStageLabel } from '../../config/workspace/normalize-labels.js';
import type { WorkspaceConfig } from '../../config/workspace-schema.js';
import type { CadenceForm, CadenceStepForm } from '../../domain/setup-edits.js';
import type { Catalog } from '../../i18n/index.js';
import type { Block } from './common.js';
import {
  chosen,
  type FieldFor,
  input,
  MAX_TEXT,
  multilineText,
  option,
  readLines,
  SETUP_INPUT,
  SETUP_VIEWS,
  setupModal,
  text,
  type ViewValues,
} from './setup-common.js';

export const CADENCE_STOP = 'cad_stop';
export const CADENCE_STEPS = 'cad_steps';

export const stepLine = (s: { day: number; action: string; label: string }) =>
  `${s.day} ${s.action}: ${s.label}`;

/** Built from the cadence in force; the stop stage offers every working stage by its label. */
export function cadenceModal(t: Catalog, config: WorkspaceConfig, readOnly: boolean): types.ModalView {
  const m = t.admin.modal.cadence;
  const stages = config.stages.working.map((s) =>
    option(workingStageLabel(config.labels, s.key, config.locale), s.key),
  );
  const steps = config.cadence.steps.map(stepLine).join('\n');
  const tooLong = steps.length > MAX_TEXT;
  const blocks: Block[] = [
    input(CADENCE_STEPS, m.steps, multilineText(tooLong ? null : steps), {
      optional: true,
      hint: m.stepsHint,
    }),
    input(
      CADENCE_STOP,
      m.stopAt,
      {
        type: 'static_select',
        action_id: SETUP_INPUT,
        options: stages,
        initial_option: stages.find((o) => o.value === config.cadence.stopAtStage),
      },
      { hint: m.stopAtHint },
    ),
  ];
  return setupModal(t, SETUP_VIEWS.cadence, m.title, blocks, readOnly || (tooLong && 'tooLong'));
}

/** `3 email: Send the case study`; the kind is checked by the schema, so a typo is named there. */
const LINE = /^(\d{1,4})\s+([A-Za-z_]+)\s*:\s*(.*)$/;

/** The form, and the first line that does not read as a step (under the steps field). */
export function readCadenceForm(
  t: Catalog,
  values: ViewValues,
): { form: CadenceForm; problems: Record<string, string> } {
  const read = readLines(text(values, CADENCE_STEPS), LINE, t.admin.modal.cadence.badLine);
  const steps: CadenceStepForm[] = read.matches.map((match) => ({
    day: Number(match[1]),
    action: match[2]!.toLowerCase(),
    label: match[3]!.trim(),
  }));
  const problems: Record<string, string> = read.problem ? { [CADENCE_STEPS]: read.problem } : {};
  return { form: { stopAtStage: chosen(values, CADENCE_STOP) ?? '', steps }, problems };
}

export const cadenceFieldFor: FieldFor = (path) => {
  if (path[0] !== 'cadence') return null;
  return path[1] === 'stop_at_stage' ? CADENCE_STOP : CADENCE_STEPS;
};
