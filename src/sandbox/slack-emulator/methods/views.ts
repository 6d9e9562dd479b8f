import { ApiError, missing } from '../api-error.js';
import { checkBlocks } from '../blocks.js';
import type { SlackState } from '../state.js';
import type { FakeView, SlackArgs, SlackObject } from '../types.js';
import { bool, hex, isObject, str } from '../values.js';
import { checkViewLimits } from '../view-limits.js';
import type { MethodTable } from './method.js';

function useTrigger(state: SlackState, args: SlackArgs): void {
  const trigger = str(args.trigger_id) ?? str(args.interactivity_pointer);
  if (!trigger) throw missing('trigger_id');
  if (!/^\d+\.\d+\.[0-9a-f]+$/.test(trigger)) throw new ApiError('invalid_trigger_id');
  if (state.usedTriggers.has(trigger)) throw new ApiError('exchanged_trigger_id');
  state.usedTriggers.add(trigger);
}

function makeView(state: SlackState, input: unknown, type: 'modal' | 'home', existing?: FakeView): FakeView {
  if (!isObject(input)) throw missing('view');
  if (input.type !== type) {
    throw new ApiError('invalid_arguments', {
      response_metadata: { messages: [`[ERROR] must be '${type}' [json-pointer:/view/type]`] },
    });
  }
  if (type === 'modal' && !isObject(input.title)) throw missing('title [json-pointer:/view/title]');
  checkViewLimits(input);
  const blocks = checkBlocks(input.blocks ?? [], 100, 'view/blocks');
  const id = existing?.id ?? state.id('V');
  const { teamId, appId, botId } = state.workspace;
  return {
    ...input,
    id,
    team_id: teamId,
    type,
    blocks,
    private_metadata: str(input.private_metadata) ?? '',
    callback_id: str(input.callback_id) ?? '',
    external_id: str(input.external_id) ?? '',
    state: { values: {} },
    hash: `${Math.floor(state.now().getTime() / 1000)}.${hex(4)}`,
    title: input.title ?? null,
    close: input.close ?? null,
    submit: input.submit ?? null,
    clear_on_close: bool(input.clear_on_close),
    notify_on_close: bool(input.notify_on_close),
    previous_view_id: existing ? (existing.previous_view_id ?? null) : null,
    root_view_id: existing ? (existing.root_view_id ?? id) : id,
    app_id: appId,
    app_installed_team_id: teamId,
    bot_id: botId,
  };
}

function saveView(state: SlackState, view: FakeView): SlackObject {
  if (view.external_id) {
    const clash = [...state.views.values()].find(
      (v) => v.external_id === view.external_id && v.id !== view.id,
    );
    if (clash) throw new ApiError('duplicate_external_id');
  }
  state.views.set(view.id, view);
  return { view: structuredClone(view) };
}

/** A view_submission answered with `response_action: "update"`: the modal shows the new view, same id. */
export function replaceViewFromResponse(state: SlackState, id: string, view: unknown): void {
  const existing = state.views.get(id);
  if (!existing) return;
  saveView(state, makeView(state, view, 'modal', existing));
}

/** views.open and views.push: each takes a fresh trigger. */
function openModal(state: SlackState, args: SlackArgs): SlackObject {
  useTrigger(state, args);
  return saveView(state, makeView(state, args.view, 'modal'));
}

function publish(state: SlackState, args: SlackArgs): SlackObject {
  const userId = str(args.user_id);
  if (!userId) throw missing('user_id');
  if (!state.users.has(userId)) throw new ApiError('user_not_found');
  const existing = state.views.get(state.homeViews.get(userId) ?? '');
  if (existing && args.hash !== undefined && str(args.hash) !== existing.hash)
    throw new ApiError('hash_conflict');
  const view = makeView(state, args.view, 'home', existing);
  state.homeViews.set(userId, view.id);
  return saveView(state, view);
}

function update(state: SlackState, args: SlackArgs): SlackObject {
  const key = str(args.view_id) ?? str(args.external_id);
  if (!key) throw missing('view_id');
  const existing = state.view(key);
  if (!existing) throw new ApiError('not_found');
  if (args.hash !== undefined && str(args.hash) !== existing.hash) throw new ApiError('hash_conflict');
  const type = existing.type === 'home' ? 'home' : 'modal';
  return saveView(state, makeView(state, args.view, type, existing));
}

export const viewsMethods: MethodTable = {
  'views.open': openModal,
  'views.push': openModal,
  'views.publish': publish,
  'views.update': update,
};
