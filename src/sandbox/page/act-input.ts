/** What POST /sandbox/api/act takes, per kind; a bad body gets a 400 naming the field. */
import { z } from 'zod';
import { COMMANDS, MESSAGE_SHORTCUTS } from './types.js';

const id = (prefix: RegExp, what: string) => z.string().regex(prefix, `must be a Slack ${what} id`);
const userId = id(/^[UW][A-Z0-9]{2,}$/, 'user');
const channelId = id(/^[CGD][A-Z0-9]{2,}$/, 'conversation');
const ts = z.string().regex(/^\d+\.\d{6}$/, 'must be a Slack message ts (seconds.micros)');
const viewId = z.string().min(1).max(255);
/** A view's state: block id → action id → a text or a Slack state value. */
const values = z.record(
  z.string(),
  z.record(z.string(), z.union([z.string(), z.null(), z.record(z.string(), z.unknown())])),
);

const action = z
  .object({
    action_id: z.string().min(1).max(255),
    block_id: z.string().max(255).optional(),
    type: z.string().optional(),
    value: z.string().max(2000).optional(),
    selected_option: z
      .object({
        value: z.string(),
        text: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
      })
      .optional(),
    selected_user: z.string().optional(),
    selected_conversation: z.string().optional(),
    selected_channel: z.string().optional(),
    selected_date: z.string().optional(),
  })
  // Multi-selects, time pickers and the rest carry their own selected_* keys; the driver passes them on.
  .catchall(z.unknown());

export const actInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('command'),
    as: userId,
    command: z.enum(COMMANDS),
    text: z.string().max(4000).default(''),
    channel: channelId,
  }),
  z.object({
    kind: z.literal('action'),
    as: userId,
    action,
    /** A message's buttons: its channel and ts. */
    channel: channelId.optional(),
    ts: ts.optional(),
    ephemeral: z.boolean().optional(),
    /** A modal's or Home's buttons: the view. */
    view: viewId.optional(),
    state: values.optional(),
  }),
  z.object({
    kind: z.literal('suggestion'),
    as: userId,
    view: viewId,
    action_id: z.string().min(1).max(255),
    value: z.string().max(2000),
  }),
  z.object({ kind: z.literal('submit'), as: userId, view: viewId, values: values.default({}) }),
  z.object({ kind: z.literal('close'), as: userId, view: viewId }),
  z.object({
    kind: z.literal('message'),
    as: userId,
    channel: channelId,
    text: z.string().trim().min(1, 'must not be empty').max(40_000),
    thread_ts: ts.optional(),
  }),
  z.object({
    kind: z.literal('reaction'),
    as: userId,
    channel: channelId,
    ts,
    name: z.string().regex(/^:?[a-z0-9_+'-]+:?$/, 'must be an emoji name such as voc'),
  }),
  z.object({
    kind: z.literal('shortcut'),
    as: userId,
    callback_id: z.enum(MESSAGE_SHORTCUTS),
    channel: channelId,
    ts,
  }),
  z.object({ kind: z.literal('open_home'), as: userId }),
]);

export type ActInput = z.infer<typeof actInput>;

/** The first problem, as `{ field, message }`: the page shows it next to what was wrong. */
export function firstProblem(error: z.ZodError): { field: string; message: string } {
  const issue = error.issues[0];
  const field = issue?.path.join('.') || 'body';
  return { field, message: issue?.message ?? 'is not valid' };
}
