/** Cases: the set-up checklist on Home and every set-up modal, for a typical and the largest config. */
import { readFileSync } from 'node:fs';
import { parseWorkspaceDocument, validateWorkspaceConfig } from '../../../../src/config/workspace.js';
import { checklist } from '../../../../src/domain/setup-checklist.js';
import type { Catalog } from '../../../../src/i18n/index.js';
import { cadenceModal } from '../../../../src/slack/blocks/setup-cadence.js';
import { calendarModal, timeZoneOptions } from '../../../../src/slack/blocks/setup-calendar.js';
import { channelsModal } from '../../../../src/slack/blocks/setup-channels.js';
import { setupHomeBlocks } from '../../../../src/slack/blocks/setup-checklist.js';
import { tooLongNote } from '../../../../src/slack/blocks/setup-common.js';
import { funnelModal } from '../../../../src/slack/blocks/setup-funnel.js';
import { peopleModal } from '../../../../src/slack/blocks/setup-people.js';
import { qualificationModal } from '../../../../src/slack/blocks/setup-qualification.js';
import { retroModal } from '../../../../src/slack/blocks/setup-retro.js';
import { routingModal } from '../../../../src/slack/blocks/setup-routing.js';
import { slaModal } from '../../../../src/slack/blocks/setup-sla.js';
import { stagesModal } from '../../../../src/slack/blocks/setup-stages.js';
import type { Cases } from './case.js';
import { korean, NOW, nasty, users } from './samples.js';

const EXAMPLE = readFileSync(new URL('../../../../baton.example.yaml', import.meta.url), 'utf8');
const exampleDoc = () => parseWorkspaceDocument(EXAMPLE, 'baton.example.yaml');

/** The largest config the schema takes: 20 segments, 60 people, 12 stages, 30 cadence steps, long labels. */
function largestDoc(): Record<string, unknown> {
  const doc = exampleDoc();
  const segments = Array.from({ length: 20 }, (_, i) => `s${String(i).padStart(2, '0')}_${'x'.repeat(28)}`);
  const label = (i: number) => ({ en: `${i} ${nasty(72)}`.trim(), ko: `${i} ${korean(72)}` });
  const stageKeys = [
    'Lead',
    'MQL',
    'SAL',
    'SQL',
    'Opportunity',
    'Negotiation',
    'Closing',
    'Retention',
    'X1',
    'X2',
    'X3',
    'X4',
  ];
  const reasons = Array.from({ length: 40 }, (_, i) => `r${String(i).padStart(2, '0')}_${'r'.repeat(28)}`);
  const people = users(60);
  const routing = { ...(doc.routing as Record<string, unknown>), segments: {} };
  return {
    ...doc,
    routing,
    segments,
    channels: { leads: 'C0123LEADS', escalations: 'C0123ESCAL', retro: 'C0123RETRO' },
    roster: people.map((user, i) => ({
      user,
      roles: i === 0 ? ['admin', 'manager', 'sdr', 'ae', 'marketer', 'cs'] : ['sdr', 'ae'],
      segments,
      weight: 100,
      max_open_leads: 1000,
      ...(i > 0 ? { manager: people[0] } : {}),
    })),
    stages: {
      working: stageKeys.map((key, i) => ({ key, label: `${i} ${nasty(70)}`.trim() })),
      lost_reasons: reasons,
      disqualify_reasons: reasons,
    },
    qualification: {
      defaults: { segment: segments[0], stage: 'Lead', score: 10 },
      rules: Array.from({ length: 100 }, (_, i) => ({
        when: { form: [`form_${i}_${'f'.repeat(30)}`.slice(0, 32)] },
        set: { stage: 'MQL', score: 50 },
      })),
    },
    cadence: {
      stop_at_stage: 'Opportunity',
      steps: Array.from({ length: 30 }, (_, i) => ({ day: i + 1, action: 'call', label: nasty(500) })),
    },
    labels: {
      segments: Object.fromEntries(segments.map((s, i) => [s, label(i)])),
      sources: Object.fromEntries(
        Array.from({ length: 50 }, (_, i) => [`source_${i}_${'s'.repeat(20)}`.slice(0, 32), label(i)]),
      ),
      forms: Object.fromEntries(
        Array.from({ length: 50 }, (_, i) => [`form_${i}_${'f'.repeat(30)}`.slice(0, 32), label(i)]),
      ),
      lost_reasons: Object.fromEntries(reasons.map((r, i) => [r, label(i)])),
      disqualify_reasons: Object.fromEntries(reasons.map((r, i) => [r, label(i)])),
      stages: Object.fromEntries(stageKeys.map((k, i) => [k, label(i)])),
    },
  };
}

const configOf = (doc: Record<string, unknown>) => validateWorkspaceConfig(doc, 'test.yaml');
const docs = () => [exampleDoc(), largestDoc()];
const both = <T>(make: (doc: Record<string, unknown>, readOnly: boolean) => T) =>
  docs().flatMap((doc) => [make(doc, false), make(doc, true)]);

const calendar = (t: Catalog, worst: boolean) =>
  calendarModal(
    t,
    {
      timeZone: worst ? 'America/Argentina/ComodRivadavia' : 'Asia/Seoul',
      locale: 'ko',
      workingDays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
      start: '09:00',
      end: '18:00',
      holidaysCountry: worst ? 'ZZ' : 'KR',
      daysOff: Array.from({ length: worst ? 365 : 2 }, (_, i) => ({
        date: `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
        name: worst ? nasty(100) : null,
      })),
      fromProfile: worst,
    },
    NOW,
    false,
  );

export const SETUP_CASES: Cases = {
  'setup-checklist.ts#setupHomeBlocks': {
    kind: 'home-blocks',
    render: (t) => {
      const entries = checklist(largestDoc(), []);
      const missing = entries.map((e) => ({
        ...e,
        state: 'required' as const,
        missing: largestDoc().segments as string[],
      }));
      return [
        setupHomeBlocks(t, checklist(exampleDoc(), []), { peopleOnly: false }),
        setupHomeBlocks(t, missing, { peopleOnly: false }),
        setupHomeBlocks(t, missing, { peopleOnly: true }),
        setupHomeBlocks(t, checklist(exampleDoc(), ['roster', 'channels', 'sla']), { peopleOnly: false }),
      ];
    },
  },
  'setup-common.ts#tooLongNote': { kind: 'block', render: (t) => [tooLongNote(t)] },
  'setup-calendar.ts#calendarModal': {
    kind: 'modal',
    render: (t) => [calendar(t, false), calendar(t, true)],
  },
  'setup-calendar.ts#timeZoneOptions': {
    kind: 'options',
    render: (t) => [
      timeZoneOptions(t, 'Se', NOW),
      timeZoneOptions(t, 'a', NOW),
      timeZoneOptions(t, '/', NOW),
    ],
  },
  'setup-cadence.ts#cadenceModal': {
    kind: 'modal',
    render: (t) => both((doc, ro) => cadenceModal(t, configOf(doc), ro)),
  },
  'setup-channels.ts#channelsModal': {
    kind: 'modal',
    render: (t) => both((doc, ro) => channelsModal(t, doc, ro)),
  },
  'setup-funnel.ts#funnelModal': {
    kind: 'modal',
    render: (t) => both((doc, ro) => funnelModal(t, configOf(doc), ro)),
  },
  'setup-people.ts#peopleModal': {
    kind: 'modal',
    render: (t) =>
      both((doc, ro) => peopleModal(t, doc, { kind: 'all' }, ro)).concat(
        docs().map((doc) => peopleModal(t, doc, { kind: 'team', managerId: 'U0SDR0001' }, false)),
      ),
  },
  'setup-qualification.ts#qualificationModal': {
    kind: 'modal',
    render: (t) => both((doc, ro) => qualificationModal(t, doc.qualification, ro)),
  },
  'setup-retro.ts#retroModal': {
    kind: 'modal',
    render: (t) => both((doc, ro) => retroModal(t, configOf(doc).retro, ro)),
  },
  'setup-routing.ts#routingModal': {
    kind: 'modal',
    render: (t) =>
      both((doc, ro) => {
        const config = configOf(doc);
        const own = Object.fromEntries(config.segments.map((s) => [s, 30]));
        return routingModal(t, config, own, 'off', ro);
      }),
  },
  'setup-sla.ts#slaModal': {
    kind: 'modal',
    render: (t) => both((doc, ro) => slaModal(t, configOf(doc).sla, ro)),
  },
  'setup-stages.ts#stagesModal': {
    kind: 'modal',
    render: (t) => both((doc, ro) => stagesModal(t, configOf(doc), ro)),
  },
};
