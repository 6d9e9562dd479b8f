import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  type ActionItemRow,
  carryOverOpenItems,
  closeActionItem,
  insertActionItem,
  listItemsForRetro,
} from '../../src/db/queries/action-items.js';
import { retroActionItems, retros } from '../../src/db/schema.js';
import { messages } from '../../src/i18n/index.js';
import { actionItemLine } from '../../src/slack/blocks/action-items.js';
import type { FakeMessage } from '../harness/fake-slack.js';
import { startTestApp, TEAM_ID, type TestApp } from '../harness/test-app.js';
import { ephemeralText, openedView } from './support/lead-cards.js';

const [SDR, AE, MKT, MGR, STRANGER] = ['U0SDR0001', 'U0AE00001', 'U0MKT0001', 'U0MGR0001', 'U0STRANGER'];
const RETRO_CHANNEL = 'C0RETRO';

/** The harness team with a retro channel, on Seoul time. */
const CONFIG = `
locale: en
calendar:
  time_zone: Asia/Seoul
channels:
  leads: { default: C0LEADS }
  retro: ${RETRO_CHANNEL}
roster:
  - { user: ${SDR}, roles: [sdr], manager: ${MGR} }
  - { user: ${AE}, roles: [ae] }
  - { user: ${MKT}, roles: [marketer] }
  - { user: ${MGR}, roles: [manager, admin] }
`;

let t: TestApp;
let retroId: number;
let parentTs: string;

/**
 * A weekly retro row as the retro engine leaves it once its parent message is posted (the engine
 * is built separately; here the parent is a bot message added to the fake Slack).
 */
async function seedRetro(periodKey: string, kind: 'weekly' | 'monthly' = 'weekly') {
  const parent = t.slack.addMessage(RETRO_CHANNEL, { text: `Retro ${periodKey}`, user: t.slack.botUserId });
  const [row] = await t.database.db
    .insert(retros)
    .values({
      teamId: TEAM_ID,
      kind,
      periodKey,
      channel: RETRO_CHANNEL,
      parentTs: parent.ts,
      snapshot: {},
      openedAt: t.clock.now(),
    })
    .returning();
  return { id: row!.id, parentTs: parent.ts };
}

beforeAll(async () => {
  // Monday 2026-11-23 10:00 in Seoul: the retro of 2026-W48 has just opened.
  t = await startTestApp({ configYaml: CONFIG });
  ({ id: retroId, parentTs } = await seedRetro('2026-W48'));
});
afterAll(async () => {
  await t?.stop();
});

const items = async (): Promise<ActionItemRow[]> =>
  t.database.db.select().from(retroActionItems).orderBy(retroActionItems.id);

/**
 * The parent refreshes queued so far (retroId per write), taken out of the outbox: rendering the
 * parent belongs to the retro engine, which this file does not exercise.
 */
async function takeParentRefreshes(): Promise<number[]> {
  const rows = await t.database.rows<{ retro_id: string; channel: string; method: string }>(
    sql`delete from outbox where purpose = 'retro_parent_update'
        returning args->>'retroId' as retro_id, channel, method`,
  );
  for (const r of rows) expect([r.channel, r.method]).toEqual([RETRO_CHANNEL, 'chat.update']);
  return rows.map((r) => Number(r.retro_id)).sort();
}

const permalink = (ts: string) =>
  `https://baton-test.slack.com/archives/${RETRO_CHANNEL}/p${ts.replace('.', '')}`;

function clickDm(
  userId: string,
  dm: FakeMessage,
  action: 'retro_action_done' | 'retro_action_drop',
  ownerId: string,
) {
  return t.driver.blockActions({
    userId,
    channelId: t.slack.dmChannel(ownerId),
    messageTs: dm.ts,
    actions: [{ action_id: action }],
  });
}

async function openAddModal(userId: string, id = retroId) {
  const click = await t.driver.blockActions({
    userId,
    channelId: RETRO_CHANNEL,
    messageTs: parentTs,
    actions: [{ action_id: 'retro_add_action_item', value: String(id) }],
  });
  return { click, view: await openedView(t, click.triggerId) };
}

const values = (text: string | null, owner: string | null, due: string | null) => ({
  action_text: { text: { type: 'plain_text_input', value: text } },
  action_owner: { owner: { type: 'users_select', selected_user: owner } },
  action_due: { due: { type: 'datepicker', selected_date: due } },
});

describe('Add action item from the retro parent', () => {
  let dm: FakeMessage;
  let itemId: number;

  it('opens the modal, stores the item, DMs the owner with Done / Drop and refreshes the parent', async () => {
    const { view } = await openAddModal(MGR);
    expect(view.callback_id).toBe('retro_action_item_modal');
    expect(JSON.parse(view.private_metadata)).toEqual({ retro: retroId });
    const owner = view.blocks.find((b) => (b as { block_id?: string }).block_id === 'action_owner');
    expect(owner).toMatchObject({ element: { type: 'users_select', initial_user: MGR } });

    const res = await t.driver.viewSubmission({
      userId: MGR,
      viewId: view.id,
      values: values('  Rewrite the pricing FAQ <before> the webinar  ', SDR, '2026-11-27'),
    });
    expect(res.status).toBe(200);
    expect(res.json).toBeUndefined();

    const stored = await items();
    expect(stored).toHaveLength(1);
    itemId = stored[0]!.id;
    expect(stored[0]).toMatchObject({
      teamId: TEAM_ID,
      retroId,
      firstRetroId: retroId,
      text: 'Rewrite the pricing FAQ <before> the webinar',
      ownerId: SDR,
      dueOn: '2026-11-27',
      status: 'open',
      carryCount: 0,
      createdBy: MGR,
      sourceChannel: null,
      sourceTs: null,
    });
    expect(await takeParentRefreshes()).toEqual([retroId]);
    // Slack delivering the same submission again adds nothing and DMs nobody twice.
    await t.driver.viewSubmission({
      userId: MGR,
      viewId: view.id,
      values: values('  Rewrite the pricing FAQ <before> the webinar  ', SDR, '2026-11-27'),
    });
    expect((await items()).map((i) => [i.id, i.viewId])).toEqual([[itemId, view.id]]);
    expect(await takeParentRefreshes()).toEqual([]);
    const queued = await t.database.rows<{ channel: string; dedupe_key: string; purpose: string }>(
      sql`select channel, dedupe_key, purpose from outbox where purpose like 'retro_action%'`,
    );
    expect(queued).toEqual([
      { channel: SDR, dedupe_key: `retro_action:${itemId}:dm`, purpose: 'retro_action_dm' },
    ]);

    await t.flushOutbox();
    const sent = t.slack.messages(SDR);
    expect(sent).toHaveLength(1);
    dm = sent[0]!;
    expect(dm.text).toBe('Action item for you: Rewrite the pricing FAQ &lt;before&gt; the webinar');
    expect(dm.blocks).toEqual([
      {
        type: 'section',
        block_id: expect.any(String),
        text: {
          type: 'mrkdwn',
          text: `*Action item* from the <${permalink(parentTs)}|2026-W48 retro>, added by <@${MGR}>:\n>Rewrite the pricing FAQ &lt;before&gt; the webinar`,
        },
      },
      {
        type: 'context',
        block_id: expect.any(String),
        elements: [{ type: 'mrkdwn', text: 'due 2026-11-27' }],
      },
      {
        type: 'actions',
        block_id: `retro_action:${itemId}`,
        elements: [
          {
            type: 'button',
            text: { type: 'plain_text', text: 'Done' },
            action_id: 'retro_action_done',
            value: String(itemId),
            style: 'primary',
          },
          {
            type: 'button',
            text: { type: 'plain_text', text: 'Drop' },
            action_id: 'retro_action_drop',
            value: String(itemId),
          },
        ],
      },
    ]);
  });

  it('refuses Drop from a stranger and from a teammate who neither owns nor added it', async () => {
    const stranger = await clickDm(STRANGER, dm, 'retro_action_drop', SDR);
    expect(await ephemeralText(t, stranger.responseUrl)).toBe(
      `Only the item’s owner (<@${SDR}>), the person who added it, or a manager or admin can answer it.`,
    );
    const teammate = await clickDm(AE, dm, 'retro_action_done', SDR);
    expect(await ephemeralText(t, teammate.responseUrl)).toBe(
      `Only the item’s owner (<@${SDR}>), the person who added it, or a manager or admin can answer it.`,
    );
    expect((await items())[0]).toMatchObject({ status: 'open', closedBy: null, closedAt: null });
    expect(await takeParentRefreshes()).toEqual([]);
  });

  it('Done by the owner closes the item, edits the DM in place and refreshes the parent', async () => {
    t.clock.advanceMinutes(30);
    const answeredAt = t.clock.now();
    await clickDm(SDR, dm, 'retro_action_done', SDR);
    await vi.waitFor(async () => expect((await items())[0]!.status).toBe('done'));
    expect((await items())[0]).toMatchObject({ closedBy: SDR, closedAt: answeredAt });
    expect(await takeParentRefreshes()).toEqual([retroId]);

    await t.flushOutbox();
    const update = await t.slack.waitForCall('chat.update', { ts: dm.ts });
    expect(update.args.channel).toBe(t.slack.dmChannel(SDR));
    const edited = t.slack.messages(SDR);
    expect(edited).toHaveLength(1);
    expect(edited[0]!.text).toBe(
      `✅ Marked done by <@${SDR}>. Action item for you: Rewrite the pricing FAQ &lt;before&gt; the webinar`,
    );
    expect(edited[0]!.blocks?.map((b) => b.type)).toEqual(['section', 'context']);
    expect(JSON.stringify(edited[0]!.blocks)).toContain(`"✅ Marked done by <@${SDR}>."`);
  });

  it('an item answered already says so, and changes nothing', async () => {
    // The edited DM has no buttons left; a click from a stale client still carries the item id.
    const again = await t.driver.blockActions({
      userId: SDR,
      channelId: t.slack.dmChannel(SDR),
      messageTs: dm.ts,
      actions: [{ action_id: 'retro_action_drop', value: String(itemId) }],
    });
    expect(await ephemeralText(t, again.responseUrl)).toBe(`This item was already marked done by <@${SDR}>.`);
    expect((await items())[0]).toMatchObject({ status: 'done', closedBy: SDR });
    expect(await takeParentRefreshes()).toEqual([]);
  });
});

describe('Make retro action item (message shortcut)', () => {
  it('on a reply in the retro thread opens the modal prefilled with the reply; closed retros take items too', async () => {
    // The retro has closed for the week: items can still be added and answered.
    await t.database.db.update(retros).set({ closedAt: t.clock.now() }).where(eq(retros.id, retroId));
    const reply = t.slack.addMessage(RETRO_CHANNEL, {
      user: AE,
      text: 'Demo no-shows doubled: we should text a reminder the morning before',
      thread_ts: parentTs,
    });
    const sc = await t.driver.messageShortcut({
      userId: AE,
      callbackId: 'retro_action_item',
      channelId: RETRO_CHANNEL,
      message: { ts: reply.ts, thread_ts: parentTs, text: reply.text, user: AE },
    });
    const view = await openedView(t, sc.triggerId);
    expect(JSON.parse(view.private_metadata)).toEqual({
      retro: retroId,
      source: { channel: RETRO_CHANNEL, ts: reply.ts },
    });
    expect(view.blocks[1]).toMatchObject({
      block_id: 'action_text',
      element: { initial_value: 'Demo no-shows doubled: we should text a reminder the morning before' },
    });
    expect(view.blocks[2]).toMatchObject({ element: { initial_user: AE } });

    const res = await t.driver.viewSubmission({
      userId: AE,
      viewId: view.id,
      values: values('Text a reminder the morning before each demo', AE, null),
    });
    expect(res.json).toBeUndefined();
    const added = (await items()).at(-1)!;
    expect(added).toMatchObject({
      retroId,
      text: 'Text a reminder the morning before each demo',
      ownerId: AE,
      dueOn: null,
      createdBy: AE,
      sourceChannel: RETRO_CHANNEL,
      sourceTs: reply.ts,
      status: 'open',
    });
    expect(await takeParentRefreshes()).toEqual([retroId]);
    await t.flushOutbox();
    const dm = t.slack.messages(AE).at(-1)!;
    expect(dm.blocks?.map((b) => b.type)).toEqual(['section', 'actions']);

    // A manager may answer anyone's item.
    await clickDm(MGR, dm, 'retro_action_drop', AE);
    await vi.waitFor(async () => expect((await items()).at(-1)!.status).toBe('dropped'));
    expect(await takeParentRefreshes()).toEqual([retroId]);
    await t.flushOutbox();
    const edited = t.slack.messages(AE).at(-1)!;
    expect(edited.ts).toBe(dm.ts);
    expect(edited.text).toBe(
      `Dropped by <@${MGR}>. Action item for you: Text a reminder the morning before each demo`,
    );
  });

  it('on anything but a reply in a weekly retro thread says where it works', async () => {
    const notAReply =
      '*Make retro action item* works on replies in a weekly retro’s thread. On the retro message itself, use its *Add action item* button.';
    const shortcut = async (channelId: string, message: { ts: string; thread_ts?: string }) => {
      const sc = await t.driver.messageShortcut({
        userId: MKT,
        callbackId: 'retro_action_item',
        channelId,
        message,
      });
      return ephemeralText(t, sc.responseUrl);
    };
    // The parent message itself.
    expect(await shortcut(RETRO_CHANNEL, { ts: parentTs })).toBe(notAReply);
    // A message in another channel, and a reply in another thread.
    const other = t.slack.addMessage('C0GENERAL', { user: MKT, text: 'lunch?' });
    expect(await shortcut('C0GENERAL', { ts: other.ts })).toBe(notAReply);
    const otherReply = t.slack.addMessage('C0GENERAL', { user: MKT, text: 'yes', thread_ts: other.ts });
    expect(await shortcut('C0GENERAL', { ts: otherReply.ts, thread_ts: other.ts })).toBe(notAReply);
    // The same thread ts in a different channel is not the retro.
    expect(await shortcut('C0ELSEWHERE', { ts: otherReply.ts, thread_ts: parentTs })).toBe(notAReply);
    // A reply in a monthly review's thread.
    const monthly = await seedRetro('2026-11', 'monthly');
    const inReview = t.slack.addMessage(RETRO_CHANNEL, {
      user: MKT,
      text: 'more steps',
      thread_ts: monthly.parentTs,
    });
    expect(await shortcut(RETRO_CHANNEL, { ts: inReview.ts, thread_ts: monthly.parentTs })).toBe(notAReply);
    expect(t.slack.callsTo('views.open')).toHaveLength(2);
  });

  it('tells someone not on the roster how to be added', async () => {
    const reply = t.slack.addMessage(RETRO_CHANNEL, { user: STRANGER, text: 'hi', thread_ts: parentTs });
    const sc = await t.driver.messageShortcut({
      userId: STRANGER,
      callbackId: 'retro_action_item',
      channelId: RETRO_CHANNEL,
      message: { ts: reply.ts, thread_ts: parentTs },
    });
    expect(await ephemeralText(t, sc.responseUrl)).toContain('add your Slack user ID `U0STRANGER`');
    const click = await t.driver.blockActions({
      userId: STRANGER,
      channelId: RETRO_CHANNEL,
      messageTs: parentTs,
      actions: [{ action_id: 'retro_add_action_item', value: String(retroId) }],
    });
    expect(await ephemeralText(t, click.responseUrl)).toContain('add your Slack user ID `U0STRANGER`');
  });
});

describe('bad input', () => {
  it('puts an error under each field and stores nothing', async () => {
    const before = (await items()).length;
    const { view } = await openAddModal(MKT);
    const submit = (v: ReturnType<typeof values>, userId = MKT) =>
      t.driver.viewSubmission({ userId, viewId: view.id, values: v });

    // Now is Monday 2026-11-23 10:30 in Seoul (01:30 UTC): the 22nd has passed there.
    expect((await submit(values('   ', null, '2026-11-22'))).json).toEqual({
      response_action: 'errors',
      errors: {
        action_text: 'Write what needs doing.',
        action_owner: 'Choose who owns this item.',
        action_due: 'The due date cannot be before today (2026-11-23).',
      },
    });
    expect((await submit(values('x'.repeat(301), SDR, '2026-11-23'))).json).toEqual({
      response_action: 'errors',
      errors: { action_text: 'Keep it to 300 characters or fewer.' },
    });
    expect((await submit(values('ok', SDR, null), STRANGER)).json).toEqual({
      response_action: 'errors',
      errors: {
        action_text: 'Only people on the Baton roster can add action items. Ask a Baton admin to add you.',
      },
    });
    const forged = await t.driver.viewSubmission({
      userId: MKT,
      callbackId: 'retro_action_item_modal',
      privateMetadata: JSON.stringify({ retro: 999_999 }),
      values: values('ok', SDR, null),
    });
    expect(forged.json).toEqual({
      response_action: 'errors',
      errors: { action_text: 'That retro no longer exists.' },
    });
    expect(await items()).toHaveLength(before);
    expect(await takeParentRefreshes()).toEqual([]);
  });

  it('the Add button of a retro that no longer exists answers privately', async () => {
    const click = await t.driver.blockActions({
      userId: MKT,
      channelId: RETRO_CHANNEL,
      messageTs: parentTs,
      actions: [{ action_id: 'retro_add_action_item', value: '999999' }],
    });
    expect(await ephemeralText(t, click.responseUrl)).toBe('That retro no longer exists.');
  });
});

describe('carrying open items over', () => {
  it('moves only open items, raising the carry count each opening; three carries flag the item', async () => {
    const { db } = t.database;
    const now = t.clock.now();
    const add = async (text: string) => {
      const added = await insertActionItem(
        db,
        {
          teamId: TEAM_ID,
          retroId,
          text,
          ownerId: SDR,
          dueOn: null,
          createdBy: MGR,
          sourceChannel: null,
          sourceTs: null,
        },
        now,
      );
      if (!added) throw new Error(`"${text}" was not inserted`);
      return added;
    };
    const [a, b, c] = [
      await add('Call back Acme'),
      await add('Fix the demo form'),
      await add('Already done'),
    ];
    await closeActionItem(db, TEAM_ID, c.id, { status: 'done', by: SDR }, now);
    const w49 = await seedRetro('2026-W49');
    const w50 = await seedRetro('2026-W50');
    const w51 = await seedRetro('2026-W51');
    const row = async (id: number) => (await items()).find((i) => i.id === id)!;
    const state = async (id: number) => {
      const i = await row(id);
      return [i.retroId, i.firstRetroId, i.status, i.carryCount];
    };

    expect(await carryOverOpenItems(db, TEAM_ID, w49.id, now)).toBe(2);
    expect(await state(a.id)).toEqual([w49.id, retroId, 'open', 1]);
    expect(await state(b.id)).toEqual([w49.id, retroId, 'open', 1]);
    expect(await state(c.id)).toEqual([retroId, retroId, 'done', 0]);
    // The earlier items of this file (done, dropped) stay where they were.
    expect((await listItemsForRetro(db, TEAM_ID, retroId)).map((i) => i.status)).toEqual([
      'done',
      'dropped',
      'done',
    ]);
    // Opening the same retro again carries nothing twice.
    expect(await carryOverOpenItems(db, TEAM_ID, w49.id, now)).toBe(0);

    expect(await carryOverOpenItems(db, TEAM_ID, w50.id, now)).toBe(2);
    expect(await state(a.id)).toEqual([w50.id, retroId, 'open', 2]);
    await closeActionItem(db, TEAM_ID, b.id, { status: 'dropped', by: MGR }, now);

    expect(await carryOverOpenItems(db, TEAM_ID, w51.id, now)).toBe(1);
    expect(await state(a.id)).toEqual([w51.id, retroId, 'open', 3]);
    expect(await state(b.id)).toEqual([w50.id, retroId, 'dropped', 2]);
    expect((await listItemsForRetro(db, TEAM_ID, w51.id)).map((i) => i.id)).toEqual([a.id]);

    const en = messages('en');
    expect(actionItemLine(en, await row(a.id))).toBe(`• Call back Acme · <@${SDR}> · :warning: carried 3×`);
    expect(actionItemLine(en, await row(b.id))).toBe(
      `• ~Fix the demo form~ · <@${SDR}> · dropped · carried 2×`,
    );
  });
});
