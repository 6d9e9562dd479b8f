/// <reference types="vite/client" />
/**
 * Every exported Block Kit builder, with typical and worst-case sample data in English and Korean,
 * through the emulator's strict checks (Slack's documented limits): what Slack would refuse with
 * `invalid_blocks` fails here first. A new exported builder without a case fails the last test.
 */
import { describe, expect, it } from 'vitest';
import { messages } from '../../../src/i18n/index.js';
import type { Cases } from './strict/case.js';
import { LEAD_CASES } from './strict/cases-leads.js';
import { REPORT_CASES } from './strict/cases-reports.js';
import { SETUP_CASES } from './strict/cases-setup.js';
import { strictProblem } from './strict/check.js';

const CASES: Cases = { ...LEAD_CASES, ...REPORT_CASES, ...SETUP_CASES };

/**
 * Exports of src/slack/blocks that are not builders: ids, parsers of what Slack sends back,
 * field-error maps, and small pieces (names, links, figures, lines) that only ever reach Slack
 * inside a builder's output, where these checks see them.
 */
const NOT_BUILDERS = new Set<string>([
  // Block Kit primitives and text fitting, used by every builder.
  ...['common.ts#section', 'common.ts#context', 'common.ts#header', 'common.ts#divider'],
  ...['fit.ts#escapedWithin', 'fit.ts#joinWithin', 'setup-common.ts#plain', 'setup-common.ts#option'],
  ...['setup-common.ts#input', 'setup-common.ts#setupModal', 'setup-common.ts#multilineText'],
  'setup-read-only.ts#readOnlyBlock',
  // Pieces of text (names, links, figures, lines) that reach Slack only inside a builder's output.
  ...['common.ts#roleList', 'common.ts#segmentList', 'action-items.ts#retroRef'],
  ...['config-history.ts#valueText', 'config-history.ts#changeText', 'first-touch.ts#slaField'],
  ...['first-touch.ts#elapsedText', 'home-funnel.ts#stageFigure', 'lead-import.ts#importedLeadLine'],
  ...['lead-lookup.ts#leadRef', 'lead-lookup.ts#leadUsageLines', 'lead-ownership.ts#leadLabel'],
  ...['lead-ownership.ts#quote', 'funnel.ts#changeCell', 'funnel.ts#funnelUsageLines'],
  ...['retro-format.ts#name', 'retro-format.ts#periodDates', 'retro-format.ts#listText'],
  ...['seller-status.ts#sellerStatusLine', 'setup-cadence.ts#stepLine', 'setup-calendar.ts#utcOffset'],
  ...['setup-calendar.ts#timeZoneOption', 'sla-board.ts#slaUsageLines', 'stage-move.ts#stageLabel'],
  ...['stage-move.ts#stageNamed', 'stage-move.ts#reasonText', 'stage-move.ts#formatAmount'],
  ...['voc-text.ts#categoryLabel', 'voc-text.ts#channelLink', 'voc-text.ts#sourceLink'],
  ...['voc-text.ts#quotePreview', 'voc-text.ts#quoteWithin', 'voc.ts#vocUsageLines'],
  ...['webhooks.ts#hostOf', 'webhooks.ts#endpointState'],
  // Figures.
  ...['figures.ts#roundHalfAway', 'figures.ts#wholePercent', 'figures.ts#percent', 'figures.ts#count'],
  ...['figures.ts#oneDecimal', 'figures.ts#money', 'funnel.ts#count', 'funnel.ts#money'],
  ...['funnel.ts#oneDecimal', 'funnel.ts#percent', 'funnel-plan.ts#formatCount', 'funnel-plan.ts#formatRate'],
  ...['key-labels.ts#keyLabels', 'key-labels.ts#workspaceKeyLabels'],
  // Ids and values Baton puts on blocks and buttons, and their parsers.
  ...['offer-dm.ts#offerValue', 'offer-dm.ts#parseOfferValue', 'stage-move.ts#stageValue'],
  ...['stage-move.ts#parseStageValue', 'stage-move.ts#needsMore', 'stage-move.ts#problemBlock'],
  ...['voc.ts#parseVocMetadata', 'voc.ts#parseCategoryValue', 'settings-crm.ts#readMenuValue'],
  ...['setup-channels.ts#leadsBlock', 'setup-channels.ts#vocBlock', 'setup-retro.ts#retroDayBlock'],
  ...['setup-retro.ts#retroTimeBlock', 'setup-routing.ts#modeBlock', 'setup-routing.ts#timeoutBlock'],
  ...['setup-routing.ts#hoursBlock', 'setup-routing.ts#autoAssignBlock', 'setup-sla.ts#stepOnBlock'],
  ...['setup-sla.ts#stepMinutesBlock', 'setup-stages.ts#labelsBlock'],
  // Reading a submitted view's state, and mapping problems to its fields (`response_action: errors`).
  ...['setup-common.ts#readLines', 'setup-common.ts#field', 'setup-common.ts#text', 'setup-common.ts#chosen'],
  ...['setup-common.ts#chosenMany', 'setup-common.ts#numberField', 'setup-common.ts#fieldErrors'],
  ...['settings-crm.ts#readWebhookModal', 'settings-crm.ts#crmFieldFor', 'setup-cadence.ts#readCadenceForm'],
  ...[
    'setup-cadence.ts#cadenceFieldFor',
    'setup-calendar.ts#readCalendarForm',
    'setup-calendar.ts#calendarFieldFor',
  ],
  ...[
    'setup-channels.ts#readChannelsForm',
    'setup-channels.ts#channelsFieldFor',
    'setup-funnel.ts#readFunnelForm',
  ],
  ...['setup-funnel.ts#funnelFieldFor', 'setup-people.ts#readMemberHours', 'setup-people.ts#readPeopleForm'],
  ...['setup-people.ts#peopleFieldFor', 'setup-qualification.ts#readQualificationForm'],
  ...[
    'setup-qualification.ts#qualificationFieldFor',
    'setup-retro.ts#readRetroForm',
    'setup-retro.ts#retroFieldFor',
  ],
  ...['setup-routing.ts#readRoutingForm', 'setup-routing.ts#routingFieldFor', 'setup-sla.ts#readSlaForm'],
  ...['setup-sla.ts#slaFieldFor', 'setup-stages.ts#readLabelsForm', 'setup-stages.ts#labelsFieldFor'],
  ...['voc.ts#readVocModal', 'voc.ts#vocFieldErrors', 'voc.ts#vocRefusalErrors'],
]);

const modules = import.meta.glob<Record<string, unknown>>('../../../src/slack/blocks/*.ts', { eager: true });
const exportedFunctions = Object.entries(modules).flatMap(([path, exports]) =>
  Object.entries(exports)
    .filter(([, value]) => typeof value === 'function')
    .map(([name]) => `${path.split('/').pop()}#${name}`),
);

describe.each([
  ['en', messages('en')],
  ['ko', messages('ko')],
])('every builder within Slack’s limits (%s)', (_, t) => {
  it.each(Object.keys(CASES).sort())('%s', (key) => {
    const { kind, render } = CASES[key]!;
    const outputs = render(t);
    expect(outputs.length).toBeGreaterThan(0);
    const problems = outputs
      .map((output, i) => `sample ${i}: ${strictProblem(kind, output)}`)
      .filter((p) => !p.endsWith(': ok'));
    expect(problems).toEqual([]);
  });
});

describe('the table of cases', () => {
  it('has a case for every exported builder, and names only real exports', () => {
    const missing = exportedFunctions.filter((key) => !(key in CASES) && !NOT_BUILDERS.has(key));
    expect(missing).toEqual([]);
    const unknown = [...Object.keys(CASES), ...NOT_BUILDERS].filter(
      (key) => !exportedFunctions.includes(key),
    );
    expect(unknown).toEqual([]);
  });
});
