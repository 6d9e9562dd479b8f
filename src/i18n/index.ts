import { type Catalog, en } from './en.js';
import { ko } from './ko.js';

export const LOCALES = ['en', 'ko'] as const;
export type Locale = (typeof LOCALES)[number];
export type { Catalog };

const catalogs: Record<Locale, Catalog> = { en, ko };

export const messages = (locale: Locale): Catalog => catalogs[locale];
