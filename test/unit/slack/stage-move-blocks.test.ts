import { describe, expect, it } from 'vitest';
import type { LeadRow } from '../../../src/db/queries/leads.js';
import { emptyLabels } from '../../../src/domain/labels.js';
import type { StageRules } from '../../../src/domain/lead-stages.js';
import { messages } from '../../../src/i18n/index.js';
import type { StageName, StageNote } from '../../../src/services/stage-notes.js';
import { keyLabels } from '../../../src/slack/blocks/key-labels.js';
import {
  formatAmount,
  parseStageValue,
  stageDmText,
  stageModal,
  stageNoteText,
  stageProblemText,
  stageSelect,
} from '../../../src/slack/blocks/stage-move.js';

const en = messages('en');
const ko = messages('ko');
const WORKING: StageName[] = [
  { key: 'Lead', label: 'Lead' },
  { key: 'MQL', label: 'MQL' },
  { key: 'SQL', label: 'Sales qualified' },
  { key: 'Opportunity', label: 'Opportunity' },
  { key: 'Closing', label: 'Closing' },
];
const RULES: StageRules = {
  working: WORKING.map((s) => s.key),
  dealStage: 'Opportunity',
  lostReasons: ['lost_to_competitor', 'no_budget', 'ran_out_of_road'],
  disqualifyReasons: ['not_a_fit'],
  defaultCurrency: 'USD',
};
const name = (key: string) => WORKING.find((s) => s.key === key) ?? { key, label: key };

const lead = (over: Partial<LeadRow> = {}) =>
  ({
    id: 42,
    name: 'Dana <Deal>',
    email: 'dana@acme.io',
    company: 'Acme',
    stage: 'SQL',
    amount: null,
    currency: null,
    competitor: null,
    ownerId: null,
    cardChannel: 'C0LEADS',
    ...over,
  }) as LeadRow;

const moved = (over: Partial<Extract<StageNote, { kind: 'stage_moved' }>>): StageNote => ({
  kind: 'stage_moved',
  by: 'U0SDR0001',
  via: 'slack',
  from: name('SQL'),
  to: name('Opportunity'),
  reason: null,
  competitor: null,
  amount: null,
  currency: null,
  revisitOn: null,
  note: null,
  ...over,
});

type Input = { block_id: string; optional?: boolean; element: Record<string, unknown> };
const inputs = (view: { blocks: unknown[] }) =>
  (view.blocks as Array<{ type: string }>).filter((b): b is Input & { type: string } => b.type === 'input');

describe('the card’s Move stage select', () => {
  it('offers every other working stage by its label, then the side stages, valued lead:stage', () => {
    const select = stageSelect(en, lead(), WORKING);
    expect(select.action_id).toBe('lead_stage');
    expect(select.placeholder).toEqual({ type: 'plain_text', text: 'Move stage…' });
    expect(
      select.option_groups?.map((g) => [g.label.text, g.options.map((o) => [o.text.text, o.value])]),
    ).toEqual([
      [
        'Funnel',
        [
          ['Lead', '42:Lead'],
          ['MQL', '42:MQL'],
          ['Opportunity', '42:Opportunity'],
          ['Closing', '42:Closing'],
        ],
      ],
      [
        'Close or park',
        [
          ['Lost', '42:Lost'],
          ['Disqualified', '42:Disqualified'],
          ['Recycle', '42:Recycle'],
        ],
      ],
    ]);
  });

  it('names side stages in Korean and leaves out the current one', () => {
    const select = stageSelect(ko, lead({ stage: 'Recycle' }), WORKING);
    expect(select.option_groups?.[1]?.options.map((o) => o.text.text)).toEqual([
      '실주(Lost)',
      '부적격(Disqualified)',
    ]);
    expect(select.option_groups?.[0]?.options).toHaveLength(5);
  });

  it('reads its value back, and nothing else', () => {
    expect(parseStageValue('42:Lost')).toEqual({ leadId: 42, stage: 'Lost' });
    expect(parseStageValue('Lost')).toBeUndefined();
    expect(parseStageValue(undefined)).toBeUndefined();
  });
});

describe('the Move stage modal', () => {
  const modal = (to: string, given = {}, over: Partial<LeadRow> = {}) =>
    stageModal(en, {
      lead: lead(over),
      from: name(over.stage ?? 'SQL'),
      to: name(to),
      rules: RULES,
      reopenStage: name('MQL'),
      given: { to, ...given },
    });

  it('names the reasons by the workspace’s labels in its language, values staying keys', () => {
    const table = { ...emptyLabels(), lostReasons: { ran_out_of_road: { en: 'Stalled', ko: '진행 정체' } } };
    const view = stageModal(ko, {
      lead: lead(),
      from: name('SQL'),
      to: name('Lost'),
      rules: RULES,
      reopenStage: name('MQL'),
      given: { to: 'Lost' },
      labels: keyLabels(ko, table, 'ko'),
    });
    expect(inputs(view)[0]?.element.options).toEqual([
      { text: { type: 'plain_text', text: '경쟁사에 패배' }, value: 'lost_to_competitor' },
      { text: { type: 'plain_text', text: '예산 없음' }, value: 'no_budget' },
      { text: { type: 'plain_text', text: '진행 정체' }, value: 'ran_out_of_road' },
    ]);
  });

  it('asks Lost for a reason (the given one chosen) and a competitor, escaping the lead', () => {
    const view = modal('Lost', { reason: 'NO_BUDGET', competitor: 'Globex' });
    expect(JSON.parse(view.private_metadata ?? '')).toEqual({ lead: 42, to: 'Lost' });
    expect(JSON.stringify(view.blocks[0])).toContain(
      'Move *Dana &lt;Deal&gt;* (Acme) from *Sales qualified* to *Lost*.',
    );
    const [reason, competitor, note] = inputs(view);
    expect(reason?.element.options).toEqual([
      { text: { type: 'plain_text', text: 'Lost to competitor' }, value: 'lost_to_competitor' },
      { text: { type: 'plain_text', text: 'No budget' }, value: 'no_budget' },
      { text: { type: 'plain_text', text: 'Ran out of road' }, value: 'ran_out_of_road' },
    ]);
    expect(reason?.element.initial_option).toEqual({
      text: { type: 'plain_text', text: 'No budget' },
      value: 'no_budget',
    });
    expect([competitor?.block_id, competitor?.optional, competitor?.element.initial_value]).toEqual([
      'stage_competitor',
      true,
      'Globex',
    ]);
    expect([note?.block_id, note?.optional]).toEqual(['stage_note', true]);
  });

  it('asks a deal stage for the amount (required only while the lead has none) and currency', () => {
    const [amount, currency] = inputs(modal('Opportunity', { amount: 1200 }));
    expect([amount?.block_id, amount?.optional, amount?.element.initial_value]).toEqual([
      'stage_amount',
      undefined,
      '1200',
    ]);
    expect([currency?.block_id, currency?.element.initial_value]).toEqual(['stage_currency', 'USD']);
    const [kept, keptCurrency] = inputs(
      modal('Closing', {}, { stage: 'Opportunity', amount: 900, currency: 'EUR' }),
    );
    expect([kept?.optional, kept?.element.initial_value, keptCurrency?.element.initial_value]).toEqual([
      true,
      '900',
      'EUR',
    ]);
  });

  it('asks Recycle for a revisit day, prefilling only a real date', () => {
    const [day] = inputs(modal('Recycle', { revisitOn: '2027-01-15' }));
    expect(day?.element).toEqual({ type: 'datepicker', action_id: 'value', initial_date: '2027-01-15' });
    expect(JSON.stringify(day)).toContain('That morning the lead reopens as MQL');
    expect(inputs(modal('Recycle', { revisitOn: '2027-02-30' }))[0]?.element.initial_date).toBeUndefined();
  });

  it('keeps the title within Slack’s 24 characters in both languages', () => {
    expect(en.stages.modalTitle.length).toBeLessThanOrEqual(24);
    expect(ko.stages.modalTitle.length).toBeLessThanOrEqual(24);
  });
});

describe('stage notes in the card’s thread', () => {
  it('says who moved it where, with the deal, reason, competitor, revisit day and note', () => {
    expect(stageNoteText(en, moved({ amount: 12000, currency: 'USD' }))).toBe(
      ':arrow_right: <@U0SDR0001> moved Sales qualified → Opportunity · 12,000 USD',
    );
    expect(
      stageNoteText(
        en,
        moved({ to: name('Lost'), reason: 'lost_to_competitor', competitor: 'Acme <!here>', note: 'a\nb' }),
      ),
    ).toBe(
      ':arrow_right: <@U0SDR0001> moved Sales qualified → Lost: lost to competitor (Acme &lt;!here&gt;)\n>Note: a\n>b',
    );
    expect(
      stageNoteText(en, moved({ to: name('Recycle'), revisitOn: '2027-01-15', by: null, via: 'api' })),
    ).toBe(':arrow_right: The CRM (API) moved Sales qualified → Recycle until 2027-01-15');
    expect(stageNoteText(en, moved({ reason: 'ran_out_of_road', by: null, via: 'system' }))).toBe(
      ':arrow_right: Baton moved Sales qualified → Opportunity: ran out of road',
    );
  });

  it('speaks Korean, naming side stages in Korean', () => {
    expect(stageNoteText(ko, moved({ to: name('Disqualified'), reason: 'not_a_fit' }))).toBe(
      ':arrow_right: 단계 이동: Sales qualified → 부적격(Disqualified) · 사유: 대상 고객 아님 (<@U0SDR0001>)',
    );
    expect(stageNoteText(ko, { kind: 'stage_reopened', to: name('MQL'), revisitOn: '2027-01-15' })).toBe(
      ':recycle: 재검토일(2027-01-15)이 되어 *MQL* 단계로 다시 열렸습니다.',
    );
  });

  it('groups amounts and keeps at most two decimals', () => {
    expect(formatAmount(15000000, 'KRW')).toBe('15,000,000 KRW');
    expect(formatAmount(48000.5, 'USD')).toBe('48,000.5 USD');
    expect(formatAmount(0.125, 'EUR')).toBe('0.13 EUR');
  });
});

describe('refusals and the reopening DM', () => {
  const label = (key: string) => name(key).label;

  it('escapes what people typed in an ephemeral answer, and leaves it for a field error', () => {
    const problem = { code: 'unknown_stage' as const, stage: '<!here>', stages: ['Lead', 'Lost'] };
    expect(stageProblemText(en, problem, label)).toBe(
      'There is no stage “&lt;!here&gt;”. Stages: Lead, Lost.',
    );
    expect(stageProblemText(en, problem, label, (s) => s)).toBe(
      'There is no stage “<!here>”. Stages: Lead, Lost.',
    );
    expect(stageProblemText(en, { code: 'amount_required', stage: 'SQL' }, label)).toBe(
      'Sales qualified needs the deal’s amount.',
    );
    expect(
      stageProblemText(
        en,
        { code: 'revisit_not_future', revisitOn: '2026-11-23', today: '2026-11-23' },
        label,
      ),
    ).toBe('Pick a day after today (2026-11-23).');
  });

  it('tells the marketer what came back, who parked it and why, who owns it and where its card is', () => {
    const dm = stageDmText(en, lead({ stage: 'MQL', ownerId: 'U0SDR0002' }), {
      kind: 'recycle_reopened',
      to: name('MQL'),
      revisitOn: '2027-01-15',
      parkedBy: 'U0SDR0001',
      parkedAt: '2026-11-23T10:00:00.000Z',
      reason: 'no_budget',
      note: 'Call <back> in Q1',
    });
    expect(dm.split('\n')).toEqual([
      ':recycle: *Dana &lt;Deal&gt;* (Acme) is back in the funnel as *MQL*: its revisit day 2027-01-15 has come.',
      `Parked in Recycle by <@U0SDR0001> on <!date^${Date.parse('2026-11-23T10:00:00Z') / 1000}^{date_short_pretty}|2026-11-23 10:00 UTC>.`,
      '>Why: no budget — Call &lt;back&gt; in Q1',
      'Owner: <@U0SDR0002>.',
      'Its card and thread, with the marketing context and history, are in <#C0LEADS>.',
    ]);
  });
});
