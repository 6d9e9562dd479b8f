/**
 * Display labels for keys (segments, sources, forms, reasons, stages): the configured label in the
 * workspace's language, else the built-in one, else the other language's, else the key made readable.
 * Pure. Exports and webhooks keep the raw keys; only what people read goes through here.
 */
import type { Locale } from '../i18n/index.js';

export const LABEL_KINDS = [
  'segments',
  'sources',
  'forms',
  'lostReasons',
  'disqualifyReasons',
  'stages',
] as const;
export type LabelKind = (typeof LABEL_KINDS)[number];

/** One key's label per locale; a label given as one text has it for every locale. */
export type LocalLabel = Partial<Record<Locale, string>>;
export type LabelTable = Record<LabelKind, Record<string, LocalLabel>>;

export const emptyLabels = (): LabelTable => ({
  segments: {},
  sources: {},
  forms: {},
  lostReasons: {},
  disqualifyReasons: {},
  stages: {},
});

/** `demo_request` → `demo request`; the key's own letters and case stay (`smb`, `MQL`). */
export function humaniseKey(key: string): string {
  return key.replace(/[_-]+/g, ' ').trim() || key;
}

/** A label written in the config (a text or a map per locale) as a `LocalLabel`. */
export function localLabel(value: string | LocalLabel, locales: readonly Locale[]): LocalLabel {
  if (typeof value !== 'string') return { ...value };
  return Object.fromEntries(locales.map((l) => [l, value]));
}

/**
 * The text people see for `key`. `builtIn` is Baton's own wording for keys it ships with (the
 * default forms and reasons) in `locale`; a configured label in that locale wins over it.
 */
export function labelFor(
  table: LabelTable | undefined,
  kind: LabelKind,
  key: string,
  locale: Locale,
  builtIn?: string,
): string {
  const own = table?.[kind][key];
  return own?.[locale] ?? builtIn ?? Object.values(own ?? {}).find(Boolean) ?? humaniseKey(key);
}
