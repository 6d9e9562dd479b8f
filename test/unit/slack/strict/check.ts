/**
 * Runs what a builder made through the emulator's strict checks, the way Slack would take it:
 * a message through chat.postMessage's (50 blocks, text 40,000), a view through views.open's or
 * views.publish's (100 blocks, title/submit/close 24, private_metadata 3000 …). Returns Slack's
 * first complaint, or 'ok'.
 */
import { ApiError } from '../../../../src/sandbox/slack-emulator/api-error.js';
import { checkBlocks, messageContent } from '../../../../src/sandbox/slack-emulator/blocks.js';
import type { SlackObject } from '../../../../src/sandbox/slack-emulator/types.js';
import { checkViewLimits } from '../../../../src/sandbox/slack-emulator/view-limits.js';

/** What a builder returns, by where it goes. */
export type Kind =
  /** `{ text, blocks }` posted or updated as a message. */
  | 'message'
  /** Blocks of a message (or a part of one). */
  | 'blocks'
  /** Blocks of App Home (or a part of it). */
  | 'home-blocks'
  | 'modal'
  | 'home'
  /** One block of a message. */
  | 'block'
  /** An element placed in a message's actions block. */
  | 'element'
  /** Elements placed together in one actions block. */
  | 'elements'
  /** Options of an external select (the options listener's answer). */
  | 'options'
  /** Text posted as a message's `text` (thread notes, DMs, ephemeral answers). */
  | 'text'
  /** Text placed in a section (or a context, or an input's error): 1–3000 characters. */
  | 'section-text';

const MESSAGE_BLOCKS = 50;
const VIEW_BLOCKS = 100;
const SECTION_TEXT = 3000;

function slackSays(run: () => void): string {
  try {
    run();
    return 'ok';
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const messages = (error.extra.response_metadata as { messages?: string[] } | undefined)?.messages;
    return `${error.code}: ${messages?.[0] ?? ''}`;
  }
}

const asMessage =
  (blocks: unknown, text = 'fallback') =>
  () =>
    messageContent({ text, blocks } as SlackObject, { maxBlocks: MESSAGE_BLOCKS });

function asView(view: unknown, type: 'modal' | 'home') {
  return () => {
    const v = view as SlackObject;
    if (v.type !== type)
      throw new ApiError('invalid_arguments', {
        response_metadata: { messages: [`type ${String(v.type)}`] },
      });
    if (type === 'modal' && !v.title)
      throw new ApiError('invalid_arguments', { response_metadata: { messages: ['no title'] } });
    checkViewLimits(v);
    checkBlocks(v.blocks ?? [], VIEW_BLOCKS, 'view/blocks');
  };
}

function textProblem(text: unknown, max: number): string {
  if (typeof text !== 'string') return `not text: ${typeof text}`;
  if (text.length === 0) return 'empty text';
  return text.length > max ? `text of ${text.length} characters, over ${max}` : 'ok';
}

/** 'ok', or what Slack would answer for `output` sent where `kind` says. */
export function strictProblem(kind: Kind, output: unknown): string {
  switch (kind) {
    case 'message': {
      const m = output as { text: unknown; blocks: unknown };
      const text = textProblem(m.text, 40_000);
      return text === 'ok' ? slackSays(asMessage(m.blocks, m.text as string)) : text;
    }
    case 'blocks':
      return slackSays(asMessage(output));
    case 'home-blocks':
      return slackSays(asView({ type: 'home', blocks: output }, 'home'));
    case 'modal':
    case 'home':
      return slackSays(asView(output, kind));
    case 'block':
      return slackSays(asMessage([output]));
    case 'element':
      return slackSays(asMessage([{ type: 'actions', elements: [output] }]));
    case 'elements':
      return slackSays(asMessage([{ type: 'actions', elements: output }]));
    case 'options':
      // An external select's options take the same limits as a static select's.
      return slackSays(
        asMessage([
          { type: 'actions', elements: [{ type: 'static_select', action_id: 'a', options: output }] },
        ]),
      );
    case 'text':
      return textProblem(output, 40_000);
    case 'section-text': {
      const text = textProblem(output, SECTION_TEXT);
      return text === 'ok'
        ? slackSays(asMessage([{ type: 'section', text: { type: 'mrkdwn', text: output } }]))
        : text;
    }
  }
}
