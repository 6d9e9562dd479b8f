/** The workspace as one person sees it: the emulator's snapshot cut down to what Slack would show them. */
import type { FakeSlack } from '../slack-emulator/index.js';
import type { ModalStacks } from './modals.js';
import type { PageChannel, PageMessage, PageState, PageUser, PageView, Role } from './types.js';

export function viewState(
  slack: FakeSlack,
  modals: ModalStacks,
  as: string,
  version: number,
  roles: Record<string, Role>,
): PageState {
  const snap = slack.snapshot();
  const users: PageUser[] = snap.users.map((u) => {
    const full = slack.user(u.id);
    const role = roles[u.id];
    return {
      id: u.id,
      name: u.name,
      realName: u.realName,
      locale: full?.locale ?? 'en-US',
      tz: full?.tz ?? 'UTC',
      isAdmin: u.isAdmin,
      isBot: u.isBot,
      ...(role ? { role } : {}),
    };
  });
  const dm = slack.dmChannel(as);
  const channels: PageChannel[] = snap.channels
    .filter((c) => !c.isDm || c.id === dm)
    .map((c) => ({ id: c.id, name: c.name, isDm: c.isDm, messages: c.messages as PageMessage[] }));
  if (!channels.some((c) => c.id === dm))
    channels.push({ id: dm, name: 'directmessage', isDm: true, messages: [] });
  return {
    version,
    team: snap.team,
    botUserId: slack.botUserId,
    as,
    users,
    channels,
    ephemerals: snap.ephemerals
      .filter((e) => e.user === as)
      .map((e) => ({ channel: e.channel, message: e.message as PageMessage })),
    ...(snap.homeViews[as] ? { home: snap.homeViews[as] as unknown as PageView } : {}),
    modals: modals.stack(as),
  };
}
