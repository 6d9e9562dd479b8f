/** The page's chrome in the reader's language: the acting person's Slack locale unless the toggle says otherwise. */
import { sandboxPageEn, sandboxPageKo } from '../../i18n/sections/sandbox-page.js';

export type PageLang = 'en' | 'ko';
export type PageText = typeof sandboxPageEn;

export const pageText = (lang: PageLang): PageText => (lang === 'ko' ? sandboxPageKo : sandboxPageEn);

export const langOf = (locale: string | undefined): PageLang =>
  locale?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
