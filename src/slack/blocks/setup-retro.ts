/** The retro modal: on/off, the week's open, nudge and close (day and time), and the monthly review. */
import type { types } from '@slack/bolt';
import { WEEKDAYS } from '../../config/workspace/constants.js';
import type { WorkspaceConfig } from '../../config/workspace-schema.js';
import type { RetroForm, WeeklyMoment } from '../../domain/setup-edits.js';
import type { Catalog } from '../../i18n/index.js';
import type { Block } from './common.js';
import {
  chosen,
  chosenMany,
  type FieldFor,
  field,
  input,
  numberField,
  option,
  SETUP_INPUT,
  SETUP_VIEWS,
  setupModal,
  type ViewValues,
} from './setup-common.js';

export const RETRO_ON = 'retro_on';
export const RETRO_MOMENTS = ['open', 'nudge', 'close'] as const;
type Moment = (typeof RETRO_MOMENTS)[number];
export const retroDayBlock = (moment: Moment) => `retro_${moment}_day`;
export const retroTimeBlock = (moment: Moment) => `retro_${moment}_time`;
export const MONTHLY_ON = 'retro_monthly_on';
export const MONTHLY_DAY = 'retro_monthly_day';
export const MONTHLY_TIME = 'retro_monthly_time';
const ON = 'on';

function onOff(blockId: string, label: string, onText: string, enabled: boolean): Block {
  const on = option(onText, ON);
  return input(
    blockId,
    label,
    {
      type: 'checkboxes',
      action_id: SETUP_INPUT,
      options: [on],
      ...(enabled ? { initial_options: [on] } : {}),
    },
    { optional: true },
  );
}

/** Built from the retro in force (its defaults filled in). */
export function retroModal(t: Catalog, retro: WorkspaceConfig['retro'], readOnly: boolean): types.ModalView {
  const m = t.admin.modal.retro;
  const days = WEEKDAYS.map((d) => option(t.admin.weekdays[d], d));
  const blocks: Block[] = [onOff(RETRO_ON, m.enabled, m.on, retro.enabled)];
  for (const moment of RETRO_MOMENTS) {
    const at = retro[moment];
    blocks.push(
      input(
        retroDayBlock(moment),
        m.day(m[moment]),
        {
          type: 'static_select',
          action_id: SETUP_INPUT,
          options: days,
          initial_option: days.find((o) => o.value === at.day),
        },
        moment === 'open' ? { hint: m.momentsHint } : {},
      ),
      input(retroTimeBlock(moment), m.time(m[moment]), {
        type: 'timepicker',
        action_id: SETUP_INPUT,
        initial_time: at.time,
      }),
    );
  }
  blocks.push(
    onOff(MONTHLY_ON, m.monthly, m.on, retro.monthlyReview.enabled),
    input(
      MONTHLY_DAY,
      m.monthlyDay,
      {
        type: 'number_input',
        action_id: SETUP_INPUT,
        is_decimal_allowed: false,
        min_value: '1',
        max_value: '28',
        initial_value: String(retro.monthlyReview.dayOfMonth),
      },
      { hint: m.monthlyDayHint },
    ),
    input(MONTHLY_TIME, m.monthlyTime, {
      type: 'timepicker',
      action_id: SETUP_INPUT,
      initial_time: retro.monthlyReview.time,
    }),
  );
  return setupModal(t, SETUP_VIEWS.retro, m.title, blocks, readOnly);
}

const moment = (values: ViewValues, name: Moment): WeeklyMoment => ({
  day: chosen(values, retroDayBlock(name)) ?? '',
  time: field(values, retroTimeBlock(name)).selected_time ?? '',
});

export function readRetroForm(values: ViewValues): RetroForm {
  return {
    enabled: chosenMany(values, RETRO_ON).includes(ON),
    open: moment(values, 'open'),
    nudge: moment(values, 'nudge'),
    close: moment(values, 'close'),
    monthlyEnabled: chosenMany(values, MONTHLY_ON).includes(ON),
    monthlyDay: numberField(values, MONTHLY_DAY) ?? Number.NaN,
    monthlyTime: field(values, MONTHLY_TIME).selected_time ?? '',
  };
}

/** `retro.close` (out of order) → the close day; `retro.close.time` → its time. */
export const retroFieldFor: FieldFor = (path) => {
  if (path[0] !== 'retro') return null;
  const key = path[1];
  if (key === 'open' || key === 'nudge' || key === 'close')
    return path[2] === 'time' ? retroTimeBlock(key) : retroDayBlock(key);
  if (key === 'monthly_review') {
    if (path[2] === 'day_of_month') return MONTHLY_DAY;
    if (path[2] === 'time') return MONTHLY_TIME;
    return MONTHLY_ON;
  }
  return RETRO_ON;
};
