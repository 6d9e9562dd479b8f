/** Cases: the lead card, its modals, thread notes and DMs, routing, stages, import and lookup. */

import type { LeadContextRow } from '../../../../src/db/queries/lead-contexts.js';
import type { ImportedLead } from '../../../../src/db/queries/lead-imports.js';
import { CONTEXT_LIMITS } from '../../../../src/domain/lead-context.js';
import { SIDE_STAGE_KEYS } from '../../../../src/domain/lead-stages.js';
import type { RoutedNote } from '../../../../src/services/routing-notes.js';
import { activityNoteText, touchButton, touchModal } from '../../../../src/slack/blocks/first-touch.js';
import { keyLabels } from '../../../../src/slack/blocks/key-labels.js';
import { leadCard, threadNoteText } from '../../../../src/slack/blocks/lead-card.js';
import {
  addContextButton,
  contextFieldsText,
  contextModal,
  contextNoteText,
} from '../../../../src/slack/blocks/lead-context.js';
import { importDmMessage, importSummaryMessage } from '../../../../src/slack/blocks/lead-import.js';
import {
  fileProblemText,
  importDoneModal,
  importMessageModal,
  importPickModal,
  importPreviewModal,
} from '../../../../src/slack/blocks/lead-import-modal.js';
import {
  leadHelpBlocks,
  leadListBlocks,
  leadSummary,
  myLeadsBlocks,
  noMatchBlocks,
} from '../../../../src/slack/blocks/lead-lookup.js';
import { leadModal } from '../../../../src/slack/blocks/lead-modal.js';
import {
  assignModal,
  ownershipButtons,
  ownershipNoteText,
} from '../../../../src/slack/blocks/lead-ownership.js';
import { leadSubmittedText } from '../../../../src/slack/blocks/lead-submitted.js';
import { closedOfferDm, offerContextBlocks, offerDm } from '../../../../src/slack/blocks/offer-dm.js';
import { ownerDmText } from '../../../../src/slack/blocks/owner-dm.js';
import {
  cardPassButton,
  offerPendingContext,
  routedText,
  routingNoteText,
} from '../../../../src/slack/blocks/routing.js';
import {
  stageDmText,
  stageModal,
  stageNoteText,
  stageProblemText,
  stageSelect,
} from '../../../../src/slack/blocks/stage-move.js';
import type { Cases } from './case.js';
import { ampersands, lead, leadsToTry, NOW, nasty, users, worstLead } from './samples.js';

const links = new Map([[1, 'https://acme.slack.com/archives/C0LEADS/p1700000001000100']]);
/** Twelve working stages (the most the config allows) with 75-character labels (the longest). */
const STAGES = Array.from({ length: 12 }, (_, i) => ({ key: `S${i}`, label: `${i} ${nasty(73)}` }));
const NORMAL_STAGES = ['Lead', 'MQL', 'SAL', 'SQL', 'Opportunity', 'Won'].map((key) => ({ key, label: key }));

const context = {
  campaign: nasty(CONTEXT_LIMITS.campaign),
  content: ampersands(CONTEXT_LIMITS.content),
  nurture: nasty(CONTEXT_LIMITS.nurture),
  note: ampersands(CONTEXT_LIMITS.note),
};
const shortContext = { campaign: 'Spring webinar', content: null, nurture: null, note: 'Asked about SSO' };

const skipped = users(60).map((userId, i) => ({
  userId,
  reason: (['out_of_office', 'outside_hours', 'at_cap', 'passed'] as const)[i % 4]!,
  until: '2026-12-24T00:00:00.000Z',
  resumesAt: '2026-12-03T00:00:00.000Z',
  cap: 30,
  openLeads: 30,
}));
const routed = (over: Partial<RoutedNote> = {}): RoutedNote => ({
  kind: 'routed',
  to: 'U0SDR0001',
  method: 'round_robin',
  position: 3,
  eligibleCount: 8,
  skipped: skipped.slice(0, 2),
  ...over,
});
const ROUTED_NOTES: RoutedNote[] = [
  routed(),
  routed({ skipped }),
  routed({ method: 'existing_account', match: { by: 'company', value: nasty(200) } as never }),
  routed({ method: 'auto_assign', afterMinutes: 45, clock: 'business', reassignedFrom: 'U0SDR0002' }),
];

const contextRow = (id: number, fields: typeof context | typeof shortContext): LeadContextRow =>
  ({ id, teamId: 'T0TEST', leadId: 1, authorId: 'U0MKT0001', createdAt: NOW, ...fields }) as LeadContextRow;

const imported = (id: number, worst = false): ImportedLead => ({
  id,
  name: worst ? nasty(200) : `Lead ${id}`,
  company: worst ? ampersands(200) : 'Acme',
  email: `lead${id}@acme.io`,
  segment: 'smb',
  routed: true,
  ownerId: users(60)[id % 60]!,
  slaDueAt: NOW,
});

const ROW_ERRORS = [
  { field: 'email', message: nasty(300) },
  { field: 'company_size', message: ampersands(200) },
];

export const LEAD_CASES: Cases = {
  'lead-card.ts#leadCard': {
    kind: 'message',
    render: (t) =>
      leadsToTry().flatMap((l) => [
        leadCard(t, l),
        leadCard(t, l, { pendingOffer: true, dueAt: NOW, stages: STAGES, slaClock: 'always' }),
        leadCard(t, l, { stages: NORMAL_STAGES }),
      ]),
  },
  'lead-card.ts#threadNoteText': {
    kind: 'text',
    render: (t) => [
      threadNoteText(t, { kind: 'claimed', by: 'U0SDR0001' }),
      threadNoteText(t, { kind: 'context_added', by: 'U0MKT0001', context }),
      threadNoteText(t, { kind: 'resubmitted', source: ampersands(64), form: ampersands(64) }),
      ...ROUTED_NOTES.map((n) => threadNoteText(t, n)),
    ],
  },
  'first-touch.ts#touchButton': {
    kind: 'element',
    render: (t) => leadsToTry().flatMap((l) => touchButton(t, l) ?? []),
  },
  'first-touch.ts#touchModal': {
    kind: 'modal',
    render: (t) => leadsToTry().flatMap((l) => [touchModal(t, l), touchModal(t, l, 'home')]),
  },
  'first-touch.ts#activityNoteText': {
    kind: 'text',
    render: (t) => [
      activityNoteText(t, {
        kind: 'first_touch',
        by: 'U0SDR0001',
        activity: 'call',
        minutes: 12.4,
        met: true,
        slaMinutes: 30,
        clock: 'business',
        note: null,
      }),
      activityNoteText(t, { kind: 'activity', by: null, activity: 'email', note: nasty(2000) }),
    ],
  },
  'lead-context.ts#addContextButton': { kind: 'element', render: (t) => [addContextButton(t, worstLead(1))] },
  'lead-context.ts#contextModal': {
    kind: 'modal',
    render: (t) => [contextModal(t, undefined), ...leadsToTry().map((l) => contextModal(t, l))],
  },
  'lead-context.ts#contextFieldsText': {
    kind: 'text',
    render: (t) => [contextFieldsText(t, context), contextFieldsText(t, shortContext)],
  },
  'lead-context.ts#contextNoteText': {
    kind: 'text',
    render: (t) => [contextNoteText(t, 'U0MKT0001', context)],
  },
  'lead-ownership.ts#ownershipButtons': {
    kind: 'elements',
    render: (t) => leadsToTry().map((l) => ownershipButtons(t, l)),
  },
  'lead-ownership.ts#assignModal': {
    kind: 'modal',
    render: (t) => leadsToTry().map((l) => assignModal(t, l)),
  },
  'lead-ownership.ts#ownershipNoteText': {
    kind: 'text',
    render: (t) => [
      ownershipNoteText(t, {
        kind: 'owner_changed',
        by: 'U0MGR0001',
        from: null,
        to: 'U0SDR0001',
        reason: null,
      }),
      ownershipNoteText(t, {
        kind: 'owner_changed',
        by: 'U0MGR0001',
        from: 'U0SDR0002',
        to: 'U0SDR0001',
        reason: nasty(500),
      }),
      ownershipNoteText(t, { kind: 'released', by: 'U0MGR0001', from: 'U0SDR0001' }),
    ],
  },
  'lead-submitted.ts#leadSubmittedText': {
    kind: 'text',
    render: (t) =>
      leadsToTry().flatMap((l) => [
        leadSubmittedText(t, { ok: true, duplicate: false, lead: l, channel: 'C0LEADS' }, links, 'SAL'),
        leadSubmittedText(t, { ok: true, duplicate: true, lead: l, channel: 'C0LEADS' }, links, 'SAL'),
        leadSubmittedText(t, { ok: true, duplicate: false, lead: l, channel: null }, links, nasty(40)),
      ]),
  },
  'offer-dm.ts#offerDm': {
    kind: 'message',
    render: (t) =>
      leadsToTry().flatMap((l) =>
        ROUTED_NOTES.flatMap((note) => [
          offerDm(t, l, { note, offeredAt: NOW.toISOString(), acceptMinutes: 15 }),
          offerDm(t, l, { note, offeredAt: NOW.toISOString(), acceptMinutes: null }),
        ]),
      ),
  },
  'offer-dm.ts#offerContextBlocks': {
    kind: 'message',
    // Three of the longest contexts, as the offer DM repeats them (each up to 3,700 characters).
    render: (t) =>
      leadsToTry().map((l) => {
        const recent = [contextRow(1, context), contextRow(2, context), contextRow(3, shortContext)];
        return offerDm(
          t,
          l,
          { note: ROUTED_NOTES[0]!, offeredAt: NOW.toISOString(), acceptMinutes: 15 },
          offerContextBlocks(t, recent),
        );
      }),
  },
  'offer-dm.ts#closedOfferDm': {
    kind: 'message',
    render: (t) =>
      leadsToTry().flatMap((l) => [
        closedOfferDm(t, l, { kind: 'accepted' }),
        closedOfferDm(t, l, { kind: 'passed' }),
        closedOfferDm(t, l, { kind: 'timed_out', minutes: 15 }),
      ]),
  },
  'owner-dm.ts#ownerDmText': {
    kind: 'text',
    render: (t) =>
      leadsToTry().flatMap((l) => [
        ownerDmText(t, l, { kind: 'assigned', by: 'U0MGR0001', from: null, reason: nasty(500) }, [
          contextRow(1, context),
          contextRow(2, context),
          contextRow(3, shortContext),
        ]),
        ownerDmText(t, l, { kind: 'unassigned', by: 'U0MGR0001', to: null }, []),
        ownerDmText(t, l, { kind: 'context_added', by: 'U0MKT0001', context }, []),
      ]),
  },
  'routing.ts#routedText': { kind: 'text', render: (t) => ROUTED_NOTES.map((n) => routedText(t, n)) },
  'routing.ts#routingNoteText': {
    kind: 'text',
    render: (t) => [
      routingNoteText(t, { kind: 'routing_held', skipped, retryAt: NOW.toISOString() }),
      routingNoteText(t, { kind: 'routing_left', skipped: [], why: 'policy' }),
      routingNoteText(t, { kind: 'routing_left', skipped, why: 'nobody_coming' }),
      routingNoteText(t, { kind: 'offer_accepted', by: 'U0SDR0001' }),
      routingNoteText(t, { kind: 'offer_passed', by: 'U0SDR0001', timedOutAfterMinutes: 15 }),
    ],
  },
  'routing.ts#offerPendingContext': {
    kind: 'block',
    render: (t) => leadsToTry().map((l) => offerPendingContext(t, l)),
  },
  'routing.ts#cardPassButton': { kind: 'element', render: (t) => [cardPassButton(t, worstLead(1))] },
  'stage-move.ts#stageSelect': {
    kind: 'element',
    render: (t) => leadsToTry().flatMap((l) => [stageSelect(t, l, STAGES), stageSelect(t, l, NORMAL_STAGES)]),
  },
  'stage-move.ts#stageModal': {
    kind: 'modal',
    render: (t) => {
      const reasons = Array.from({ length: 100 }, (_, i) => `reason_${i}_${'x'.repeat(50)}`);
      const rules = {
        working: STAGES.map((s) => s.key),
        dealStage: 'S8',
        lostReasons: reasons,
        disqualifyReasons: reasons,
        defaultCurrency: 'KRW',
      };
      const worstGiven = {
        competitor: nasty(100),
        amount: 123_456_789.12,
        currency: 'KRW',
        revisitOn: '2027-01-04',
        note: nasty(3000),
      };
      return leadsToTry().flatMap((l) =>
        [...STAGES.slice(8, 11), ...SIDE_STAGE_KEYS.map((key) => ({ key, label: key }))].flatMap((to) => [
          stageModal(t, {
            lead: l,
            from: STAGES[2]!,
            to,
            rules,
            reopenStage: STAGES[0]!,
            given: { to: to.key },
          }),
          stageModal(t, {
            lead: l,
            from: STAGES[2]!,
            to,
            rules,
            reopenStage: STAGES[0]!,
            given: { to: to.key, reason: reasons[99], ...worstGiven },
            origin: 'command',
          }),
        ]),
      );
    },
  },
  // An ephemeral answer, or an error under a modal field.
  'stage-move.ts#stageProblemText': {
    kind: 'text',
    render: (t) => {
      const list = Array.from({ length: 40 }, (_, i) => `r${String(i).padStart(2, '0')}_${'r'.repeat(28)}`);
      const label = (key: string) => key;
      return [
        stageProblemText(t, { code: 'not_found' }, label),
        stageProblemText(t, { code: 'not_on_roster', adminIds: users(20, 'U0ADM') }, label),
        stageProblemText(t, { code: 'unknown_stage', stage: nasty(200), stages: list } as never, label),
        stageProblemText(t, { code: 'reason_required', stage: 'Lost', reasons: list } as never, label),
        stageProblemText(t, { code: 'unknown_reason', reason: nasty(200), reasons: list } as never, label),
      ];
    },
  },
  'stage-move.ts#stageNoteText': {
    kind: 'text',
    render: (t) => [
      stageNoteText(t, {
        kind: 'stage_moved',
        by: 'U0SDR0001',
        via: 'slack',
        from: STAGES[0]!,
        to: { key: 'Lost', label: 'Lost' },
        reason: 'price',
        competitor: nasty(100),
        amount: 12_000_000,
        currency: 'KRW',
        revisitOn: null,
        note: nasty(3000),
      } as never),
    ],
  },
  'stage-move.ts#stageDmText': {
    kind: 'text',
    render: (t) =>
      leadsToTry().map((l) =>
        stageDmText(t, l, {
          to: STAGES[0]!,
          revisitOn: '2027-01-04',
          parkedBy: 'U0SDR0001',
          parkedAt: NOW.toISOString(),
          reason: 'timing',
          note: nasty(3000),
        } as never),
      ),
  },
  'lead-import-modal.ts#importPickModal': {
    kind: 'modal',
    render: (t) => [importPickModal(t, JSON.stringify({ channel: 'C0LEADS', user: 'U0SDR0001' }))],
  },
  'lead-import-modal.ts#importPreviewModal': {
    kind: 'modal',
    render: (t) => {
      const labels = keyLabels(t);
      const meta = JSON.stringify({ file: 'F0123', source: 'import' });
      const columns = Array.from({ length: 60 }, (_, i) => ({
        header: `${i} ${nasty(200)}`,
        field: i % 2 ? null : ('company' as const),
      }));
      const segments = Array.from({ length: 20 }, (_, i) => `segment_${i}_${'x'.repeat(20)}`);
      const rows = Array.from({ length: 1000 }, (_, i) =>
        i % 3
          ? {
              row: i + 1,
              ok: true as const,
              who: nasty(200),
              segment: segments[i % 20]!,
              stage: 'Opportunity',
              score: 100,
              routed: i % 2 === 0,
            }
          : { row: i + 1, ok: false as const, errors: ROW_ERRORS },
      );
      return [
        importPreviewModal(
          t,
          labels,
          { fileName: 'leads.csv', columns: columns.slice(0, 5), rows: rows.slice(0, 4) },
          meta,
        ),
        importPreviewModal(t, labels, { fileName: nasty(255), columns, rows }, meta),
      ];
    },
  },
  'lead-import-modal.ts#importMessageModal': {
    kind: 'modal',
    render: (t) => [
      importMessageModal(t, fileProblemText(t, { kind: 'no_email_column', line: 1, headers: nasty(2000) })),
    ],
  },
  'lead-import-modal.ts#importDoneModal': {
    kind: 'modal',
    render: (t) => [
      importDoneModal(t, {
        importId: 7,
        replayed: false,
        counts: { stored: 3, duplicate: 0, invalid: 0 },
        rows: [],
      }),
      importDoneModal(t, {
        importId: 999_999,
        replayed: true,
        counts: { stored: 0, duplicate: 500, invalid: 500 },
        rows: Array.from({ length: 1000 }, (_, i) =>
          i % 2
            ? { row: i + 1, line: i + 2, status: 'duplicate' as const, lead_id: 999_999_999 }
            : { row: i + 1, line: i + 2, status: 'invalid' as const, errors: ROW_ERRORS },
        ),
      }),
    ],
  },
  'lead-import-modal.ts#fileProblemText': {
    kind: 'section-text',
    render: (t) => [
      fileProblemText(t, { kind: 'no_email_column', line: 1, headers: nasty(2000) }),
      fileProblemText(t, {
        kind: 'same_field_twice',
        line: 1,
        first: nasty(300),
        second: nasty(300),
        field: 'email',
      }),
      fileProblemText(t, { kind: 'too_many_rows', count: 123_456 }),
      fileProblemText(t, { kind: 'unclosed_quote', line: 99_999 }),
    ],
  },
  'lead-import.ts#importSummaryMessage': {
    kind: 'message',
    render: (t) => {
      const many = Array.from({ length: 1000 }, (_, i) => imported(i + 1, true));
      const counts = { stored: 1000, duplicate: 0, invalid: 0 };
      return [
        importSummaryMessage(t, {
          importId: 1,
          segmentLabel: 'SMB',
          source: 'import',
          importedBy: 'U0MKT0001',
          leads: [imported(1)],
          counts,
        }),
        importSummaryMessage(t, {
          importId: 999_999,
          segmentLabel: nasty(75),
          source: nasty(64),
          importedBy: null,
          leads: many,
          counts,
        }),
      ];
    },
  },
  'lead-import.ts#importDmMessage': {
    kind: 'message',
    render: (t) => [
      importDmMessage(t, 1, [imported(1)]),
      importDmMessage(
        t,
        999_999,
        Array.from({ length: 1000 }, (_, i) => imported(i + 1, true)),
      ),
    ],
  },
  'lead-lookup.ts#leadHelpBlocks': { kind: 'blocks', render: (t) => [leadHelpBlocks(t)] },
  'lead-lookup.ts#noMatchBlocks': {
    kind: 'message',
    render: (t) => [noMatchBlocks(t, 'acme', false), noMatchBlocks(t, nasty(2000), true)],
  },
  'lead-lookup.ts#leadSummary': {
    kind: 'message',
    render: (t) => leadsToTry().map((l) => leadSummary(t, l, links)),
  },
  'lead-lookup.ts#leadListBlocks': {
    kind: 'blocks',
    render: (t) => [
      leadListBlocks(t, 'acme', [lead(1), lead(2)], false, links),
      leadListBlocks(
        t,
        nasty(2000),
        Array.from({ length: 50 }, (_, i) => worstLead(999_999_000 + i)),
        true,
        links,
      ),
    ],
  },
  'lead-lookup.ts#myLeadsBlocks': {
    kind: 'blocks',
    render: (t) => [
      myLeadsBlocks(t, { stages: [], more: false }, links),
      myLeadsBlocks(t, { stages: [{ stage: 'SAL', leads: [lead(1)] }], more: false }, links),
      myLeadsBlocks(
        t,
        {
          stages: STAGES.map((s) => ({
            stage: s.label,
            leads: Array.from({ length: 20 }, (_, i) => worstLead(999_999_000 + i, { stage: s.key })),
          })),
          more: true,
        },
        links,
      ),
    ],
  },
  'lead-modal.ts#leadModal': {
    kind: 'modal',
    render: (t) => [
      leadModal(
        t,
        JSON.stringify({ channel: 'C0LEADS', response_url: `https://hooks.slack.com/${'x'.repeat(200)}` }),
      ),
    ],
  },
};
