import type { SlackState } from './state.js';
import type { FakeEphemeral, FakeMessage, FakeView, SlackObject } from './types.js';

/** What the emulator's read-only view (GET /) shows; the sandbox page reads this shape. */
export interface EmulatorSnapshot extends SlackObject {
  team: { id: string; name: string; domain: string };
  users: { id: string; name: string; realName: string; isAdmin: boolean; isBot: boolean }[];
  channels: { id: string; name: string; isPrivate: boolean; isDm: boolean; messages: FakeMessage[] }[];
  ephemerals: FakeEphemeral[];
  homeViews: Record<string, FakeView>;
}

/** A copy of the workspace's state: changing it does not change the emulator. */
export function snapshot(state: SlackState): EmulatorSnapshot {
  const { teamId, teamName, teamDomain } = state.workspace;
  const users = [...state.users.keys()].flatMap((id) => {
    const u = state.user(id);
    return u ? [{ id, name: u.name, realName: u.realName, isAdmin: u.isAdmin, isBot: u.isBot }] : [];
  });
  const ids = new Set([...state.channels.keys(), ...state.messages.keys()]);
  const channels = [...ids].map((id) => ({
    id,
    name: state.channelName(id),
    isPrivate: state.channels.get(id)?.isPrivate ?? false,
    isDm: id.startsWith('D'),
    messages: (state.messages.get(id) ?? []).map((m) => state.present(id, m, true)),
  }));
  const homeViews: Record<string, FakeView> = {};
  for (const [user, viewId] of state.homeViews) {
    const view = state.view(viewId);
    if (view) homeViews[user] = view;
  }
  return structuredClone({
    team: { id: teamId, name: teamName, domain: teamDomain },
    users,
    channels,
    ephemerals: state.ephemerals,
    homeViews,
  });
}
