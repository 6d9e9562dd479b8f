import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../harness/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.stop();
});

const ON =
  '*Retro reminder DMs: on.* If you have not replied in the weekly retro’s thread by the nudge time, Baton DMs you once.';
const OFF = '*Retro reminder DMs: off.* Baton will not DM you about replying to the weekly retro.';

const retroDms = async (userId: string) =>
  (
    await t.database.rows<{ retro_dms: boolean }>(
      sql`select retro_dms from members where user_id = ${userId}`,
    )
  ).map((r) => r.retro_dms);

type Reply = { text?: string; response_type?: string; replace_original?: boolean; blocks?: unknown[] };

async function settings(userId: string, text = 'settings'): Promise<Reply> {
  const res = await t.driver.command('/baton', text, { userId });
  return (await t.slack.waitForResponse(res.responseUrl)).body as Reply;
}

/** The toggle button in an answer: its label and the state it switches to. */
function toggle(reply: Reply) {
  type Section = { accessory?: { action_id: string; value: string; text: { text: string } } };
  const accessory = (reply.blocks?.[0] as Section | undefined)?.accessory;
  return { actionId: accessory?.action_id, value: accessory?.value, label: accessory?.text.text };
}

async function click(userId: string, reply: Reply): Promise<Reply> {
  const { actionId, value } = toggle(reply);
  const res = await t.driver.blockActions({
    userId,
    ephemeral: true,
    channelId: 'C0GENERAL',
    actions: [{ action_id: actionId!, value: value! }],
  });
  return (await t.slack.waitForResponse(res.responseUrl)).body as Reply;
}

describe('/baton settings', () => {
  it('shows retro DMs on by default, with a button to turn them off', async () => {
    const reply = await settings('U0SDR0001');
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toBe(`Your Baton settings: ${ON}`);
    expect(JSON.stringify(reply.blocks)).toContain(JSON.stringify(`*Your Baton settings*\n${ON}`));
    expect(toggle(reply)).toEqual({ actionId: 'settings_retro_dms', value: 'off', label: 'Turn off' });
    expect(await retroDms('U0SDR0001')).toEqual([true]);
  });

  it('the toggle turns them off and back on, redrawing the answer in place', async () => {
    const shown = await settings('U0SDR0001');
    const off = await click('U0SDR0001', shown);
    expect(off.replace_original).toBe(true);
    expect(off.text).toBe(`Your Baton settings: ${OFF}`);
    expect(toggle(off)).toEqual({ actionId: 'settings_retro_dms', value: 'on', label: 'Turn on' });
    expect(await retroDms('U0SDR0001')).toEqual([false]);
    // Stored, not remembered by the message: asking again shows it off.
    expect((await settings('U0SDR0001')).text).toBe(`Your Baton settings: ${OFF}`);

    const on = await click('U0SDR0001', off);
    expect(on.text).toBe(`Your Baton settings: ${ON}`);
    expect(await retroDms('U0SDR0001')).toEqual([true]);
    // Nobody else's setting moved.
    expect(await retroDms('U0AE00001')).toEqual([true]);
  });

  it('the text form sets them directly, in any case', async () => {
    expect((await settings('U0AE00001', 'settings retro-dms off')).text).toBe(`Your Baton settings: ${OFF}`);
    expect(await retroDms('U0AE00001')).toEqual([false]);
    expect((await settings('U0AE00001', 'Settings Retro-DMs ON')).text).toBe(`Your Baton settings: ${ON}`);
    expect(await retroDms('U0AE00001')).toEqual([true]);
  });

  it('explains the usage when the text form is wrong, changing nothing', async () => {
    await settings('U0MKT0001', 'settings retro-dms off');
    const reply = await settings('U0MKT0001', 'settings retro-dms <maybe>');
    expect(reply.text).toBe(
      'I did not understand `retro-dms &lt;maybe&gt;`. Type `/baton settings` to see your settings, or `/baton settings retro-dms on` / `off`.',
    );
    expect(await retroDms('U0MKT0001')).toEqual([false]);
  });

  it('tells someone not on the roster how to be added, from the command and the button', async () => {
    const reply = await settings('U0STRANGER');
    expect(reply.text).toContain('add your Slack user ID `U0STRANGER`');
    expect(reply.blocks).toBeUndefined();
    expect((await settings('U0STRANGER', 'settings retro-dms off')).text).toContain(
      'add your Slack user ID `U0STRANGER`',
    );
    const res = await t.driver.blockActions({
      userId: 'U0STRANGER',
      ephemeral: true,
      channelId: 'C0GENERAL',
      actions: [{ action_id: 'settings_retro_dms', value: 'off' }],
    });
    const answer = (await t.slack.waitForResponse(res.responseUrl)).body as Reply;
    expect(answer.replace_original).toBe(false);
    expect(answer.text).toContain('add your Slack user ID `U0STRANGER`');
    expect(await retroDms('U0STRANGER')).toEqual([]);
  });

  it('is listed in /baton help', async () => {
    const res = await t.driver.command('/baton', 'help', { userId: 'U0SDR0001' });
    expect(res.body).toContain(
      '`/baton settings [retro-dms on|off]` — Your settings: turn the weekly retro reminder DMs on or off.',
    );
  });
});
