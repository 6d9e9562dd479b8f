import { describe, expect, it } from 'vitest';
import { messages } from '../../../src/i18n/index.js';
import type { RoutedNote } from '../../../src/services/routing-notes.js';
import { routingNoteText } from '../../../src/slack/blocks/routing.js';

const en = messages('en');
const ko = messages('ko');

const rotation: RoutedNote = {
  kind: 'routed',
  to: 'U0A',
  method: 'round_robin',
  position: 2,
  eligibleCount: 3,
  skipped: [
    { userId: 'U0B', reason: 'out_of_office', until: '2026-12-01T14:59:59.999Z' },
    { userId: 'U0C', reason: 'at_cap', cap: 5, openLeads: 5 },
    { userId: 'U0D', reason: 'outside_hours', resumesAt: null },
  ],
};

describe('routing lines in the thread', () => {
  it('says who got the lead, their place in the rotation and who was skipped for what', () => {
    const until = Math.floor(Date.parse('2026-12-01T14:59:59.999Z') / 1000);
    expect(routingNoteText(en, rotation)).toBe(
      `:arrows_counterclockwise: Round robin: <@U0A> — 2nd of 3 eligible by weighted rotation; skipped <@U0B> (out of office until <!date^${until}^{date_short_pretty}|2026-12-01 14:59 UTC>), <@U0C> (at cap: 5/5 open leads), <@U0D> (outside working hours).`,
    );
    expect(routingNoteText(en, { ...rotation, position: 11, eligibleCount: 12, skipped: [] })).toBe(
      ':arrows_counterclockwise: Round robin: <@U0A> — 11th of 12 eligible by weighted rotation.',
    );
    expect(routingNoteText(ko, { ...rotation, skipped: [rotation.skipped[1]!] })).toBe(
      ':arrows_counterclockwise: 라운드 로빈: <@U0A> — 가중 라운드 로빈으로 적격자 3명 중 2번째; 제외: <@U0C>(한도 도달: 진행 중 리드 5/5).',
    );
  });

  it('escapes the matched account name', () => {
    const note: RoutedNote = {
      kind: 'routed',
      to: 'U0A',
      method: 'existing_account',
      position: 0,
      eligibleCount: 0,
      skipped: [],
      match: { leadId: 7, by: 'company', value: '<!channel> & Co' },
    };
    expect(routingNoteText(en, note)).toBe(
      ':handshake: <@U0A> — owns this account (same company &lt;!channel&gt; &amp; Co).',
    );
  });

  it('explains holds, leads left for claiming, accepts, passes and timeouts', () => {
    const at = Math.floor(Date.parse('2026-11-30T09:00:00Z') / 1000);
    expect(
      routingNoteText(en, { kind: 'routing_held', skipped: [], retryAt: '2026-11-30T09:00:00.000Z' }),
    ).toBe(
      `:hourglass: Held: nobody eligible (no seller serves this segment). Trying again <!date^${at}^{date_short_pretty} {time}|2026-11-30 09:00 UTC>.`,
    );
    expect(
      routingNoteText(en, {
        kind: 'routing_left',
        skipped: [{ userId: 'U0A', reason: 'passed' }],
        why: 'policy',
      }),
    ).toBe(':raised_hand: Nobody eligible (<@U0A> (passed)); left for anyone to claim.');
    expect(routingNoteText(en, { kind: 'offer_accepted', by: 'U0A' })).toBe(
      ':white_check_mark: <@U0A> accepted.',
    );
    expect(routingNoteText(ko, { kind: 'offer_passed', by: 'U0A', timedOutAfterMinutes: 10 })).toBe(
      ':hourglass: <@U0A>님이 10분 안에 수락하지 않았습니다.',
    );
  });
});
