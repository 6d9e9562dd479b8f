/** The funnel modal: the win, deal and recycle stages, and the default currency. */
import type { types } from '@slack/bolt';
import { workingStageLabel } from '../../config/workspace/normalize-labels.js';
import type { WorkspaceConfig } from '../../config/workspace-schema.js';
import type { FunnelForm } from '../../domain/setup-edits.js';
import type { Catalog } from '../../i18n/index.js';
import type { Block } from './common.js';
import {
  chosen,
  type FieldFor,
  input,
  type Option,
  option,
  SETUP_INPUT,
  SETUP_VIEWS,
  setupModal,
  text,
  type ViewValues,
} from './setup-common.js';

export const FUNNEL_WON = 'fn_won';
export const FUNNEL_DEAL = 'fn_deal';
export const FUNNEL_RECYCLE = 'fn_recycle';
export const FUNNEL_CURRENCY = 'fn_currency';

const stageSelect = (stages: Option[], current: string) => ({
  type: 'static_select' as const,
  action_id: SETUP_INPUT,
  options: stages,
  initial_option: stages.find((o) => o.value === current),
});

/** Built from the funnel in force (its stages resolved even when the document leaves them out). */
export function funnelModal(t: Catalog, config: WorkspaceConfig, readOnly: boolean): types.ModalView {
  const m = t.admin.modal.funnel;
  const { funnel } = config;
  const stages = config.stages.working.map((s) =>
    option(workingStageLabel(config.labels, s.key, config.locale), s.key),
  );
  const blocks: Block[] = [
    input(FUNNEL_WON, m.won, stageSelect(stages, funnel.wonStage), { hint: m.wonHint }),
    input(FUNNEL_DEAL, m.deal, stageSelect(stages, funnel.dealStage)),
    input(FUNNEL_RECYCLE, m.recycle, stageSelect(stages, funnel.recycleReopenStage)),
    input(
      FUNNEL_CURRENCY,
      m.currency,
      { type: 'plain_text_input', action_id: SETUP_INPUT, max_length: 3, initial_value: funnel.currency },
      { hint: m.currencyHint },
    ),
  ];
  return setupModal(t, SETUP_VIEWS.funnel, m.title, blocks, readOnly);
}

export function readFunnelForm(values: ViewValues): FunnelForm {
  return {
    wonStage: chosen(values, FUNNEL_WON) ?? '',
    dealStage: chosen(values, FUNNEL_DEAL) ?? '',
    recycleReopenStage: chosen(values, FUNNEL_RECYCLE) ?? '',
    // `krw` is meant as KRW; anything else is the schema's to name.
    currency: (text(values, FUNNEL_CURRENCY) ?? '').toUpperCase(),
  };
}

const BY_KEY: Record<string, string> = {
  won_stage: FUNNEL_WON,
  deal_stage: FUNNEL_DEAL,
  recycle_reopen_stage: FUNNEL_RECYCLE,
  currency: FUNNEL_CURRENCY,
};

export const funnelFieldFor: FieldFor = (path) =>
  path[0] === 'funnel' ? (BY_KEY[String(path[1])] ?? FUNNEL_WON) : null;
