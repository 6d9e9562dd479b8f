/**
 * The sandbox's pretend workspaces: an English team (New York) and a Korean one (Seoul), with the
 * same user and channel ids so a reset can switch between them in the running emulator. One
 * workspace admin sees the set-up checklist on Home when Baton starts unconfigured; the demo
 * configures Baton with `demoConfigDocument` (a baton.yaml as a document) instead.
 */
import { VOC_CATEGORIES } from '../config/workspace/constants.js';
import type { Role } from './page/types.js';
import type { FakeChannel, FakeSlackOptions, FakeUser } from './slack-emulator/index.js';

export const SANDBOX_TEAM = 'T0SANDBOX';
export const SANDBOX_ADMIN = 'U0SBADMIN';
export const SANDBOX_LANGS = ['en', 'ko'] as const;
export type SandboxLang = (typeof SANDBOX_LANGS)[number];
export const SANDBOX_MODES = ['empty', 'demo'] as const;
export type SandboxMode = (typeof SANDBOX_MODES)[number];

export interface SandboxWorkspace {
  mode: SandboxMode;
  lang: SandboxLang;
}

/** Who is who in both teams (the demo's roster gives these roles). */
export const PEOPLE = {
  admin: SANDBOX_ADMIN,
  sdr: 'U0SBSELL1',
  ae: 'U0SBSELL2',
  marketer: 'U0SBMKT',
  manager: 'U0SBMGR',
  cs: 'U0SBCS',
} as const;

const NAMES: Record<SandboxLang, Record<keyof typeof PEOPLE, string>> = {
  en: {
    admin: 'Dana Brooks',
    sdr: 'Sam Rivera',
    ae: 'Jordan Ellis',
    marketer: 'Mia Chen',
    manager: 'Morgan Hale',
    cs: 'Casey Lee',
  },
  ko: {
    admin: '박다은',
    sdr: '김민지',
    ae: '정우성',
    marketer: '최서연',
    manager: '이준호',
    cs: '한지수',
  },
};

export const TEAM_ZONE: Record<SandboxLang, string> = { en: 'America/New_York', ko: 'Asia/Seoul' };
const TEAM_LOCALE: Record<SandboxLang, string> = { en: 'en-US', ko: 'ko-KR' };

/** In the workspace but never on Baton's roster: the page's "act as" shows what Baton tells a stranger. */
export const SANDBOX_STRANGER = 'U0SBGUEST';
const STRANGER_NAME: Record<SandboxLang, string> = { en: 'Alex Stranger', ko: '오지훈' };

export function demoUsers(lang: SandboxLang): FakeUser[] {
  const team: FakeUser[] = (Object.keys(PEOPLE) as (keyof typeof PEOPLE)[]).map((role) => ({
    id: PEOPLE[role],
    realName: NAMES[lang][role],
    tz: TEAM_ZONE[lang],
    locale: TEAM_LOCALE[lang],
    ...(role === 'admin' ? { isAdmin: true } : {}),
  }));
  const stranger = {
    id: SANDBOX_STRANGER,
    realName: STRANGER_NAME[lang],
    tz: TEAM_ZONE[lang],
    locale: TEAM_LOCALE[lang],
  };
  return [...team, stranger];
}

/** What each person does on the team (the demo roster's roles); the page's "act as" switcher shows it. */
export const DEMO_ROLES: Record<string, Role> = {
  [PEOPLE.admin]: 'admin',
  [PEOPLE.sdr]: 'seller',
  [PEOPLE.ae]: 'seller',
  [PEOPLE.marketer]: 'marketer',
  [PEOPLE.manager]: 'manager',
  [PEOPLE.cs]: 'cs',
  [SANDBOX_STRANGER]: 'stranger',
};

export const CHANNELS = {
  leads: 'C0SBLEADS',
  enterpriseLeads: 'C0SBENTER',
  escalations: 'C0SBESCAL',
  retro: 'C0SBRETRO',
  voc: 'C0SBVOC',
} as const;

export const DEMO_CHANNELS: FakeChannel[] = [
  { id: CHANNELS.leads, name: 'leads' },
  { id: CHANNELS.enterpriseLeads, name: 'leads-enterprise' },
  { id: CHANNELS.escalations, name: 'lead-escalations' },
  { id: CHANNELS.retro, name: 'growth-retro' },
  { id: CHANNELS.voc, name: 'voc' },
];

/** Emulator options for the team; the token is the one Baton is given. */
export function demoWorkspace(token: string, port: number, lang: SandboxLang): FakeSlackOptions {
  return {
    teamId: SANDBOX_TEAM,
    teamName: 'Baton Sandbox',
    teamDomain: 'baton-sandbox',
    token,
    port,
    users: demoUsers(lang),
    channels: DEMO_CHANNELS,
    // The sandbox runs for hours; its call log is for debugging, not for tests' waits.
    keepCalls: 1000,
  };
}

/** The demo's baton.yaml, as the document an admin's edits in Slack would have built. */
export function demoConfigDocument(lang: SandboxLang): Record<string, unknown> {
  const name = (role: keyof typeof PEOPLE) => NAMES[lang][role];
  return {
    locale: lang,
    segments: ['smb', 'enterprise'],
    channels: {
      leads: { smb: CHANNELS.leads, enterprise: CHANNELS.enterpriseLeads },
      escalations: CHANNELS.escalations,
      retro: CHANNELS.retro,
      voc: Object.fromEntries(VOC_CATEGORIES.map((category) => [category, CHANNELS.voc])),
    },
    roster: [
      { user: PEOPLE.sdr, name: name('sdr'), roles: ['sdr'], segments: ['smb'], manager: PEOPLE.manager },
      {
        user: PEOPLE.ae,
        name: name('ae'),
        roles: ['ae'],
        segments: ['smb', 'enterprise'],
        manager: PEOPLE.manager,
      },
      { user: PEOPLE.marketer, name: name('marketer'), roles: ['marketer'] },
      { user: PEOPLE.manager, name: name('manager'), roles: ['manager'] },
      { user: PEOPLE.admin, name: name('admin'), roles: ['admin'] },
      { user: PEOPLE.cs, name: name('cs'), roles: ['cs'] },
    ],
    calendar: {
      time_zone: TEAM_ZONE[lang],
      holidays_country: lang === 'ko' ? 'KR' : 'US',
    },
    qualification: {
      rules: [
        { when: { company_size: { gte: 200 } }, set: { segment: 'enterprise' } },
        { when: { form: ['demo_request', 'trial'] }, set: { stage: 'SQL', score: 80 } },
        { when: { form: 'contact' }, set: { stage: 'MQL', score: 50 } },
      ],
      defaults: { segment: 'smb', stage: 'Lead', score: 10 },
    },
    funnel: { currency: lang === 'ko' ? 'KRW' : 'USD' },
  };
}
