/**
 * The sandbox's pretend workspace: a small team with one workspace admin (who sees the set-up
 * checklist on Home) and the channels Baton's checklist asks for.
 */
import type { Role } from './page/types.js';
import type { FakeChannel, FakeSlackOptions, FakeUser } from './slack-emulator/index.js';

export const SANDBOX_ADMIN = 'U0SBADMIN';

export const DEMO_USERS: FakeUser[] = [
  { id: SANDBOX_ADMIN, realName: 'Dana Park', tz: 'Asia/Seoul', locale: 'en-US', isAdmin: true },
  { id: 'U0SBSELL1', realName: 'Sam Rivera', tz: 'Asia/Seoul', locale: 'en-US' },
  { id: 'U0SBSELL2', realName: '김민지', tz: 'Asia/Seoul', locale: 'ko-KR' },
  { id: 'U0SBMKT', realName: 'Mia Chen', tz: 'Asia/Seoul', locale: 'en-US' },
  { id: 'U0SBMGR', realName: '이준호', tz: 'Asia/Seoul', locale: 'ko-KR' },
  { id: 'U0SBCS', realName: 'Casey Lee', tz: 'Asia/Seoul', locale: 'en-US' },
  // In the workspace but never on Baton's roster: what Baton tells someone it does not know.
  { id: 'U0SBGUEST', realName: 'Alex Stranger', tz: 'Asia/Seoul', locale: 'en-US' },
];

/** What each demo person does on the team; the page's "act as" switcher groups by it. */
export const DEMO_ROLES: Record<string, Role> = {
  [SANDBOX_ADMIN]: 'admin',
  U0SBSELL1: 'seller',
  U0SBSELL2: 'seller',
  U0SBMKT: 'marketer',
  U0SBMGR: 'manager',
  U0SBCS: 'cs',
  U0SBGUEST: 'stranger',
};

export const DEMO_CHANNELS: FakeChannel[] = [
  { id: 'C0SBLEADS', name: 'leads' },
  { id: 'C0SBESCAL', name: 'lead-escalations' },
  { id: 'C0SBRETRO', name: 'growth-retro' },
  { id: 'C0SBVOC', name: 'voc' },
];

/** Emulator options for the demo team; the token is the one Baton is given. */
export function demoWorkspace(token: string, port: number): FakeSlackOptions {
  return {
    teamId: 'T0SANDBOX',
    teamName: 'Baton Sandbox',
    teamDomain: 'baton-sandbox',
    token,
    port,
    users: DEMO_USERS,
    channels: DEMO_CHANNELS,
    // The sandbox runs for hours; its call log is for debugging, not for tests' waits.
    keepCalls: 1000,
  };
}
