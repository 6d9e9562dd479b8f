import { describe, expect, it } from 'vitest';
import { validateWorkspaceConfig } from '../../../src/config/workspace.js';
import { LABEL_SECTIONS, type LabelsForm } from '../../../src/domain/setup-edits.js';
import { messages } from '../../../src/i18n/index.js';
import { cadenceFieldFor, cadenceModal, readCadenceForm } from '../../../src/slack/blocks/setup-cadence.js';
import { calendarFieldFor } from '../../../src/slack/blocks/setup-calendar.js';
import type { ViewValues } from '../../../src/slack/blocks/setup-common.js';
import { peopleFieldFor } from '../../../src/slack/blocks/setup-people.js';
import { qualificationModal, readQualificationForm } from '../../../src/slack/blocks/setup-qualification.js';
import { readRetroForm, retroFieldFor } from '../../../src/slack/blocks/setup-retro.js';
import { labelsFieldFor, readLabelsForm } from '../../../src/slack/blocks/setup-stages.js';

const en = messages('en');
const ko = messages('ko');
const typed = (block: string, value: string): ViewValues => ({ [block]: { value: { value } } });

describe('the remaining set-up modals: reading them and placing problems', () => {
  it('reads `key: label` lines per language; a bare key has no label; a line with a space in its key is refused', () => {
    const { form, problems } = readLabelsForm(en, {
      ...typed('lb_segments_en', ' smb: Small business \n\nenterprise\nmid:'),
      ...typed('lb_segments_ko', 'smb:중소기업'),
      ...typed('lb_sources_en', 'web flow: Webflow'),
    });
    expect(form.segments).toEqual({
      en: [
        ['smb', 'Small business'],
        ['enterprise', ''],
        ['mid', ''],
      ],
      ko: [['smb', '중소기업']],
    });
    expect(problems).toEqual({ lb_sources_en: en.admin.modal.stages.badLine(1, 'web flow: Webflow') });
    expect(readLabelsForm(ko, typed('lb_forms_ko', 'a b')).problems.lb_forms_ko).toBe(
      '1번째 줄("a b")이 `키: 표시 이름` 형식이 아닙니다.',
    );
  });

  it('reads cadence steps, and names the first line that is not one', () => {
    const read = readCadenceForm(en, {
      ...typed('cad_steps', '1 Call: Call them\n14 linkedin:Connect'),
      cad_stop: { value: { selected_option: { value: 'SQL' } } },
    });
    expect(read).toEqual({
      form: {
        stopAtStage: 'SQL',
        steps: [
          { day: 1, action: 'call', label: 'Call them' },
          { day: 14, action: 'linkedin', label: 'Connect' },
        ],
      },
      problems: {},
    });
    expect(readCadenceForm(en, typed('cad_steps', '1 call: ok\nsoon email: hi')).problems).toEqual({
      cad_steps: en.admin.modal.cadence.badLine(2, 'soon email: hi'),
    });
  });

  it('reads the retro; a blank day of the month stays NaN for the schema to name', () => {
    const form = readRetroForm({ retro_on: { value: { selected_options: [{ value: 'on' }] } } });
    expect(form.enabled).toBe(true);
    expect(form.monthlyEnabled).toBe(false);
    expect(form.monthlyDay).toBeNaN();
  });

  it('maps key paths to the new fields', () => {
    expect(retroFieldFor(['retro', 'close'])).toBe('retro_close_day');
    expect(retroFieldFor(['retro', 'open', 'time'])).toBe('retro_open_time');
    expect(retroFieldFor(['retro', 'monthly_review', 'day_of_month'])).toBe('retro_monthly_day');
    expect(retroFieldFor(['cadence'])).toBeNull();
    expect(calendarFieldFor(['calendar', 'holidays_region'])).toBe('cal_holidays');
    expect(peopleFieldFor(['roster', 0, 'working_hours', 'days', 2])).toBe('people_days');
    expect(peopleFieldFor(['roster', 0, 'working_hours'])).toBe('people_end');
    expect(cadenceFieldFor(['cadence', 'stop_at_stage'])).toBe('cad_stop');
    expect(cadenceFieldFor(['cadence', 'steps', 1, 'action'])).toBe('cad_steps');
    const form = Object.fromEntries(
      LABEL_SECTIONS.map((s) => [s, { en: [], ko: [] }]),
    ) as unknown as LabelsForm;
    form.lost_reasons = { en: [['a', '']], ko: [['b', 'B']] };
    form.segments = { en: [], ko: [['mid', '중견']] };
    const labels = labelsFieldFor(form);
    expect(labels(['labels', 'segments', 'mid'])).toBe('lb_segments_ko');
    expect(labels(['labels', 'stages', 'SQL', 'ko'])).toBe('lb_stages_ko');
    expect(labels(['stages', 'lost_reasons', 1])).toBe('lb_lost_reasons_ko');
    expect(labels(['stages', 'working', 0])).toBe('lb_stages_en');
    expect(labels(['cadence'])).toBeNull();
  });

  it('reads qualification YAML, says where it is unreadable, and shows the section back as YAML', () => {
    const typedRules = typed('ql_rules', 'rules:\n  - when: { form: contact }\n    set: { score: 70 }');
    expect(readQualificationForm(en, typedRules)).toEqual({
      section: { rules: [{ when: { form: 'contact' }, set: { score: 70 } }] },
      problems: {},
    });
    expect(readQualificationForm(en, typed('ql_rules', '  ')).section).toBeNull();
    const broken = readQualificationForm(en, typed('ql_rules', 'rules: [{ when: }\n'));
    expect(broken.problems.ql_rules).toMatch(/^Not readable as YAML at line \d+, column \d+: /);
    const modal = qualificationModal(en, { defaults: { score: 5 } }, false);
    expect(JSON.stringify(modal.blocks)).toContain('"initial_value":"defaults:\\n  score: 5"');
  });

  it('never cuts a value short: cadence steps longer than a field make the modal read-only, saying why', () => {
    const steps = Array.from({ length: 30 }, (_, i) => ({
      day: i + 1,
      action: 'email',
      label: 'x'.repeat(100),
    }));
    const config = validateWorkspaceConfig(
      { channels: { leads: 'C0LEADS' }, roster: [{ user: 'U0SDR0001' }], cadence: { steps } },
      'test.yaml',
    );
    const modal = cadenceModal(en, config, false);
    expect(modal.submit).toBeUndefined();
    expect(JSON.stringify(modal.blocks)).toContain(en.admin.modal.tooLong);
    expect(JSON.stringify(modal.blocks)).not.toContain('initial_value');
    const short = validateWorkspaceConfig(
      {
        channels: { leads: 'C0LEADS' },
        roster: [{ user: 'U0SDR0001' }],
        cadence: { steps: steps.slice(0, 2) },
      },
      'test.yaml',
    );
    expect(cadenceModal(en, short, false).submit).toBeDefined();
  });
});
