/**
 * The sandbox's canned leads, as a web form would send them to Baton's intake webhook. Each team
 * gets its own names; the duplicate reuses the SMB request's email, and one name carries mrkdwn
 * that Baton must show as text (`<!channel>` must not notify anyone).
 */
import { type Catalog, messages } from '../i18n/index.js';
import type { SandboxLang } from './demo-workspace.js';

export const CANNED_IDS = ['smb-demo', 'enterprise-trial', 'duplicate', 'escaping'] as const;
export type CannedId = (typeof CANNED_IDS)[number];

export const isCannedId = (value: unknown): value is CannedId =>
  typeof value === 'string' && (CANNED_IDS as readonly string[]).includes(value);

const LABEL: Record<CannedId, keyof Catalog['scenarios']['canned']> = {
  'smb-demo': 'smbDemo',
  'enterprise-trial': 'enterpriseTrial',
  duplicate: 'duplicate',
  escaping: 'escaping',
};

const PEOPLE: Record<SandboxLang, { smb: [string, string]; ent: [string, string]; esc: string }> = {
  en: { smb: ['Riley Stone', 'Brightside Bakery'], ent: ['Avery Quinn', 'Northwind Logistics'], esc: 'Acme' },
  ko: { smb: ['윤하늘', '한빛 베이커리'], ent: ['서지호', '대한물류'], esc: '에이크미' },
};

export const SMB_EMAIL = 'riley@brightside.example';

/** The lead body Baton's intake webhook receives for `id`. */
export function cannedLead(id: CannedId, lang: SandboxLang): Record<string, unknown> {
  const p = PEOPLE[lang];
  const smb = {
    source: 'website',
    email: SMB_EMAIL,
    name: p.smb[0],
    company: p.smb[1],
    company_size: 25,
    form: 'demo_request',
    message: lang === 'ko' ? '데모를 보고 싶습니다.' : 'We would like to see a demo.',
  };
  switch (id) {
    case 'smb-demo':
      return smb;
    case 'duplicate':
      return { ...smb, message: lang === 'ko' ? '다시 문의드립니다.' : 'Following up on my request.' };
    case 'enterprise-trial':
      return {
        source: 'website',
        email: 'avery@northwind.example',
        name: p.ent[0],
        company: p.ent[1],
        company_size: 1200,
        form: 'trial',
        title: 'VP Sales',
      };
    case 'escaping':
      return {
        source: 'website',
        email: 'mallory@acme.example',
        name: '<!channel> *bold* Mallory',
        company: `${p.esc} <https://evil.example|click>`,
        company_size: 10,
        form: 'contact',
      };
  }
}

export function cannedList(lang: SandboxLang): { id: CannedId; label: string }[] {
  const labels = messages(lang).scenarios.canned;
  return CANNED_IDS.map((id) => ({ id, label: labels[LABEL[id]] }));
}
