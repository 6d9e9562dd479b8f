/**
 * Doing something as a person: each kind becomes the signed request Slack would send Baton (through
 * the SlackDriver), after the emulator has stored what Slack stores first (a person's message or
 * reaction exists before its event fires).
 */
import type { FakeSlack } from '../slack-emulator/index.js';
import type { SlackDriver } from '../slack-emulator/slack-driver.js';
import type { ActInput } from './act-input.js';
import type { ModalStacks } from './modals.js';
import type { ActResult, Json } from './types.js';

/** A request the page can answer with a 4xx: the field and why. */
export class ActRefusal extends Error {
  constructor(
    readonly status: number,
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

interface Parts {
  slack: FakeSlack;
  driver: SlackDriver;
  modals: ModalStacks;
}

const json = (value: unknown): Json | undefined =>
  value && typeof value === 'object' ? (value as Json) : undefined;

export async function act(parts: Parts, input: ActInput): Promise<ActResult> {
  const { slack, driver, modals } = parts;
  const user = slack.user(input.as);
  if (!user || user.isBot) throw new ActRefusal(400, 'as', `no person ${input.as} in this workspace`);
  const knownView = (id: string) => {
    if (!modals.stack(input.as).some((v) => v.id === id) && slack.homeView(input.as)?.id !== id)
      throw new ActRefusal(404, 'view', `${id} is not open for ${input.as}`);
  };
  const knownMessage = (channel: string, ts: string) => {
    if (!slack.findMessage((m) => m.ts === ts, channel))
      throw new ActRefusal(404, 'ts', `no message ${ts} in ${channel}`);
  };
  const outcome = (res: { status: number; json?: unknown; body: string }): ActResult => ({
    status: res.status,
    ...(res.body ? { body: res.json ?? res.body } : {}),
  });

  switch (input.kind) {
    case 'command': {
      const res = await driver.command(input.command, input.text, {
        userId: input.as,
        channelId: input.channel,
      });
      modals.trigger(res.triggerId, input.as);
      await showImmediateAnswer(res);
      return outcome(res);
    }
    case 'action': {
      if (input.view) knownView(input.view);
      else if (input.channel && input.ts && !input.ephemeral) knownMessage(input.channel, input.ts);
      else if (!input.channel || !input.ts)
        throw new ActRefusal(400, 'view', 'give a view, or a channel and ts');
      const res = await driver.blockActions({
        userId: input.as,
        actions: [input.action],
        ...(input.view
          ? { view: modals.stack(input.as).find((v) => v.id === input.view) ?? input.view }
          : { channelId: input.channel, messageTs: input.ts, ephemeral: input.ephemeral ?? false }),
        ...(input.ephemeral && input.ts ? { message: ephemeralMessage(slack, input.as, input.ts) } : {}),
        ...(input.state ? { state: input.state } : {}),
      });
      modals.trigger(res.triggerId, input.as);
      return outcome(res);
    }
    case 'suggestion': {
      knownView(input.view);
      const res = await driver.blockSuggestion({
        userId: input.as,
        actionId: input.action_id,
        value: input.value,
        view: modals.stack(input.as).find((v) => v.id === input.view) ?? input.view,
      });
      const options = json(res.json)?.options;
      return { ...outcome(res), options: Array.isArray(options) ? (options as Json[]) : [] };
    }
    case 'submit': {
      const view = modals.stack(input.as).find((v) => v.id === input.view);
      if (!view) throw new ActRefusal(404, 'view', `${input.view} is not open for ${input.as}`);
      const res = await driver.viewSubmission({
        userId: input.as,
        viewId: input.view,
        callbackId: view.callback_id,
        values: input.values,
      });
      modals.trigger(res.triggerId, input.as);
      const ack = json(res.json);
      modals.afterSubmit(input.as, input.view, ack);
      const errors =
        ack?.response_action === 'errors' ? (json(ack.errors) as Record<string, string>) : undefined;
      return { ...outcome(res), ...(errors ? { errors } : {}) };
    }
    case 'close': {
      const view = modals.stack(input.as).find((v) => v.id === input.view);
      if (!view) throw new ActRefusal(404, 'view', `${input.view} is not open for ${input.as}`);
      modals.close(input.as, input.view);
      // Slack tells the app only when the modal asked for it.
      if (!view.notify_on_close) return { status: 200 };
      return outcome(
        await driver.viewClosed({ userId: input.as, viewId: input.view, callbackId: view.callback_id }),
      );
    }
    case 'message': {
      // Baton subscribes to channel messages only (manifest: message.channels, message.groups).
      if (input.channel.startsWith('D'))
        throw new ActRefusal(
          400,
          'channel',
          'Baton reads channel messages only: use a slash command in its DM',
        );
      if (input.thread_ts) knownMessage(input.channel, input.thread_ts);
      const res = await driver.event({
        type: 'message',
        channel: input.channel,
        user: input.as,
        text: input.text,
        ...(input.thread_ts ? { thread_ts: input.thread_ts } : {}),
      });
      return outcome(res);
    }
    case 'reaction': {
      knownMessage(input.channel, input.ts);
      const name = input.name.replace(/^:|:$/g, '');
      const item = slack.findMessage((m) => m.ts === input.ts, input.channel)?.message;
      try {
        slack.addReaction(input.channel, input.ts, name, input.as);
      } catch (error) {
        throw new ActRefusal(409, 'name', error instanceof Error ? error.message : String(error));
      }
      const res = await driver.event({
        type: 'reaction_added',
        user: input.as,
        reaction: name,
        ...(item?.user ? { item_user: item.user } : {}),
        item: { type: 'message', channel: input.channel, ts: input.ts },
      });
      return outcome(res);
    }
    case 'shortcut': {
      knownMessage(input.channel, input.ts);
      const res = await driver.messageShortcut({
        userId: input.as,
        callbackId: input.callback_id,
        channelId: input.channel,
        message: { ts: input.ts },
      });
      modals.trigger(res.triggerId, input.as);
      return outcome(res);
    }
    case 'open_home': {
      const res = await driver.event({
        type: 'app_home_opened',
        user: input.as,
        channel: slack.dmChannel(input.as),
        tab: 'home',
      });
      return outcome(res);
    }
  }
}

/**
 * A command's HTTP answer with a body is shown by Slack like a response_url message (ephemeral unless
 * `response_type: in_channel`): hand it to the emulator through the command's own response_url.
 */
async function showImmediateAnswer(res: {
  status: number;
  body: string;
  json?: unknown;
  responseUrl: string;
}): Promise<void> {
  if (res.status !== 200 || res.body.trim() === '') return;
  const answer = json(res.json) ?? { text: res.body };
  if (answer.text === undefined && answer.blocks === undefined) return;
  await fetch(res.responseUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(answer),
  });
}

/** Slack leaves an ephemeral's message out of block_actions; the driver still needs its blocks. */
function ephemeralMessage(slack: FakeSlack, user: string, ts: string): Json | undefined {
  const found = slack.ephemerals().find((e) => e.user === user && e.message.ts === ts);
  if (!found) throw new ActRefusal(404, 'ts', `no ephemeral message ${ts} for ${user}`);
  return found.message;
}
