import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp, type TestApp } from '../harness/test-app.js';
import {
  card,
  clickCard,
  dms,
  ephemeralText,
  events,
  HANDOFF_YAML,
  leadRow,
  newCard,
  openedView,
  threadReplies,
} from './support/lead-cards.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ configYaml: HANDOFF_YAML });
  t.slack.addUser({ id: 'U0SDR0002', name: 'yuna', tz: 'Asia/Seoul' });
});
afterAll(async () => {
  await t?.stop();
});

/** The manager opens Assign… on the card and submits the modal. */
async function assign(
  leadId: number,
  cardTs: string,
  assignee: string,
  reason: string | null,
  by = 'U0MGR0001',
) {
  const click = await clickCard(t, by, 'lead_assign', leadId, cardTs);
  const view = await openedView(t, click.triggerId);
  return t.driver.viewSubmission({
    userId: by,
    viewId: view.id,
    values: {
      assignee: { user: { selected_user: assignee } },
      reason: { text: reason },
    },
  });
}

describe('Assign… and reassign', () => {
  it('lets a manager assign a lead: owner, event, card, thread line and a DM to the new owner', async () => {
    const { leadId, cardTs } = await newCard(t, 'assign@acme.io', 'Ana <!channel> Lee');
    const click = await clickCard(t, 'U0MGR0001', 'lead_assign', leadId, cardTs);
    const view = await openedView(t, click.triggerId);
    expect(view.callback_id).toBe('lead_assign_modal');
    expect(JSON.stringify(view.blocks)).toContain('"type":"users_select"');
    expect(JSON.stringify(view.blocks)).toContain('Ana &lt;!channel&gt; Lee');

    const res = await t.driver.viewSubmission({
      userId: 'U0MGR0001',
      viewId: view.id,
      values: {
        assignee: { user: { selected_user: 'U0SDR0001' } },
        reason: { text: 'Knows <!channel> Acme' },
      },
    });
    expect(res.status).toBe(200);
    expect(res.json).toBeUndefined(); // a plain ack closes the modal

    expect((await leadRow(t, leadId)).owner_id).toBe('U0SDR0001');
    expect((await events(leadId, t)).slice(1)).toEqual([
      {
        type: 'assigned',
        actor: 'U0MGR0001',
        data: { from: null, to: 'U0SDR0001', reason: 'Knows <!channel> Acme' },
      },
    ]);

    await t.flushOutbox();
    const blocks = card(t, cardTs);
    expect(blocks).toContain('*Owner*\\n<@U0SDR0001>');
    expect(blocks).not.toContain('lead_claim');
    expect(blocks).toContain('Reassign…');
    expect(blocks).toContain('lead_release');
    expect(threadReplies(t, cardTs)).toEqual([
      ':bust_in_silhouette: <@U0MGR0001> assigned this lead to <@U0SDR0001>.\n>Reason: Knows &lt;!channel&gt; Acme',
    ]);
    const [dm, ...more] = dms(t, 'U0SDR0001');
    expect(more).toEqual([]);
    expect(dm).toContain(':inbox_tray: <@U0MGR0001> assigned you a lead: *Ana &lt;!channel&gt; Lee* (Acme)');
    expect(dm).toContain('>Reason: Knows &lt;!channel&gt; Acme');
    expect(dm).toContain('The card and its thread are in <#C0LEADS>.');
    expect(dm).not.toContain('<!channel>');
  });

  it('reassigns an owned lead, tells both sellers, and records who it came from', async () => {
    const { leadId, cardTs } = await newCard(t, 'reassign@acme.io', 'Rae Assign');
    expect((await assign(leadId, cardTs, 'U0SDR0001', null)).json).toBeUndefined();
    expect((await assign(leadId, cardTs, 'U0SDR0002', 'Sora is away')).json).toBeUndefined();

    expect((await leadRow(t, leadId)).owner_id).toBe('U0SDR0002');
    expect((await events(leadId, t)).slice(1).map((e) => [e.type, e.data])).toEqual([
      ['assigned', { from: null, to: 'U0SDR0001', reason: null }],
      ['reassigned', { from: 'U0SDR0001', to: 'U0SDR0002', reason: 'Sora is away' }],
    ]);
    await t.flushOutbox();
    expect(threadReplies(t, cardTs)).toEqual([
      ':bust_in_silhouette: <@U0MGR0001> assigned this lead to <@U0SDR0001>.',
      ':arrows_counterclockwise: <@U0MGR0001> reassigned this lead from <@U0SDR0001> to <@U0SDR0002>.\n>Reason: Sora is away',
    ]);
    expect(card(t, cardTs)).toContain('*Owner*\\n<@U0SDR0002>');
    expect(dms(t, 'U0SDR0002').filter((m) => m.includes('*Rae Assign*'))).toHaveLength(1);
    expect(dms(t, 'U0SDR0001')).toContain('<@U0MGR0001> reassigned *Rae Assign* (Acme) to <@U0SDR0002>.');
  });

  it('refuses sellers and marketers: no modal, a private reason, and a forged submission changes nothing', async () => {
    const { leadId, cardTs } = await newCard(t, 'notmanager@acme.io');
    for (const user of ['U0SDR0001', 'U0MKT0001']) {
      const click = await clickCard(t, user, 'lead_assign', leadId, cardTs);
      expect(await ephemeralText(t, click.responseUrl)).toBe(
        'Only managers and admins can assign a lead to someone. To take it yourself, use *Claim*.',
      );
      expect(t.slack.callsTo('views.open').filter((c) => c.args.trigger_id === click.triggerId)).toEqual([]);
    }
    const forged = await t.driver.viewSubmission({
      userId: 'U0SDR0001',
      callbackId: 'lead_assign_modal',
      privateMetadata: JSON.stringify({ lead: leadId }),
      values: { assignee: { user: { selected_user: 'U0SDR0001' } }, reason: { text: null } },
    });
    expect(forged.json).toEqual({
      response_action: 'errors',
      errors: { assignee: 'Only managers and admins can assign leads.' },
    });
    expect((await leadRow(t, leadId)).owner_id).toBeNull();
    expect((await events(leadId, t)).map((e) => e.type)).toEqual(['created']);
  });

  it('tells someone not on the roster how to be added, for every button on the card', async () => {
    const { leadId, cardTs } = await newCard(t, 'stranger@acme.io');
    for (const action of ['lead_assign', 'lead_add_context']) {
      const click = await clickCard(t, 'U0STRANGER', action, leadId, cardTs);
      const text = await ephemeralText(t, click.responseUrl);
      expect(text).toContain('Ask <@U0MGR0001> to add your Slack user ID `U0STRANGER`');
    }
    await assign(leadId, cardTs, 'U0SDR0001', null);
    const release = await clickCard(t, 'U0STRANGER', 'lead_release', leadId, cardTs);
    expect(await ephemeralText(t, release.responseUrl)).toContain('`U0STRANGER`');
    expect((await leadRow(t, leadId)).owner_id).toBe('U0SDR0001');
  });

  it('keeps the modal open with an error under the field when the choice is not a seller serving the segment', async () => {
    const { leadId, cardTs } = await newCard(t, 'invalid@acme.io');
    const cases: Array<[string, string]> = [
      ['U0MKT0001', 'That person is not a seller (SDR or AE). Pick a seller.'],
      ['U0AE00001', 'That seller does not serve the smb segment. Pick one who does.'],
      ['U0STRANGER', 'That person is not on the Baton roster. Pick a seller from the roster.'],
    ];
    for (const [assignee, error] of cases) {
      const res = await assign(leadId, cardTs, assignee, 'because');
      expect(res.json).toEqual({ response_action: 'errors', errors: { assignee: error } });
    }
    await assign(leadId, cardTs, 'U0SDR0001', null);
    const again = await assign(leadId, cardTs, 'U0SDR0001', null);
    expect(again.json).toEqual({
      response_action: 'errors',
      errors: { assignee: 'That person already owns this lead.' },
    });
    expect((await events(leadId, t)).map((e) => e.type)).toEqual(['created', 'assigned']);
  });
});

describe('Release', () => {
  it('only the owner (or a manager) may release; a released lead can be claimed again', async () => {
    const { leadId, cardTs } = await newCard(t, 'release@acme.io', 'Rita Release');
    await clickCard(t, 'U0SDR0001', 'lead_claim', leadId, cardTs);
    await vi.waitFor(async () => expect((await leadRow(t, leadId)).owner_id).toBe('U0SDR0001'));

    const other = await clickCard(t, 'U0SDR0002', 'lead_release', leadId, cardTs);
    expect(await ephemeralText(t, other.responseUrl)).toBe(
      'Only the owner (<@U0SDR0001>) or a manager can release this lead.',
    );
    expect((await leadRow(t, leadId)).owner_id).toBe('U0SDR0001');

    await clickCard(t, 'U0SDR0001', 'lead_release', leadId, cardTs);
    await vi.waitFor(async () => expect((await leadRow(t, leadId)).owner_id).toBeNull());
    expect((await events(leadId, t)).slice(1)).toEqual([
      { type: 'claimed', actor: 'U0SDR0001', data: { owner: 'U0SDR0001' } },
      { type: 'released', actor: 'U0SDR0001', data: { from: 'U0SDR0001', to: null, reason: null } },
    ]);
    await t.flushOutbox();
    expect(card(t, cardTs)).toContain('lead_claim');
    expect(card(t, cardTs)).toContain('_Unclaimed_');
    expect(card(t, cardTs)).not.toContain('lead_release');
    expect(threadReplies(t, cardTs).at(-1)).toBe(
      ':leftwards_arrow_with_hook: <@U0SDR0001> released this lead. It is open to claim.',
    );

    const again = await clickCard(t, 'U0SDR0001', 'lead_release', leadId, cardTs);
    expect(await ephemeralText(t, again.responseUrl)).toBe(
      'This lead has no owner, so there is nothing to release.',
    );

    await clickCard(t, 'U0SDR0002', 'lead_claim', leadId, cardTs);
    await vi.waitFor(async () => expect((await leadRow(t, leadId)).owner_id).toBe('U0SDR0002'));
  });

  it('lets a manager release a seller’s lead, and tells the seller', async () => {
    const { leadId, cardTs } = await newCard(t, 'mgr-release@acme.io', 'Mo Release');
    await assign(leadId, cardTs, 'U0SDR0002', null);
    await clickCard(t, 'U0MGR0001', 'lead_release', leadId, cardTs);
    await vi.waitFor(async () => expect((await leadRow(t, leadId)).owner_id).toBeNull());
    await t.flushOutbox();
    expect(threadReplies(t, cardTs).at(-1)).toBe(
      ':leftwards_arrow_with_hook: <@U0MGR0001> released this lead from <@U0SDR0002>. It is open to claim.',
    );
    expect(dms(t, 'U0SDR0002')).toContain(
      '<@U0MGR0001> released *Mo Release* (Acme); it is no longer yours.',
    );
  });
});
