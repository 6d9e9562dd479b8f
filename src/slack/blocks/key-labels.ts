/**
 * How the Slack layer names configured keys: the workspace's labels first, then Baton's own words
 * for the keys it ships with (default forms and reasons), then the key made readable. Not escaped.
 */
import { type LabelTable, labelFor } from '../../domain/labels.js';
import type { Catalog, Locale } from '../../i18n/index.js';

export interface KeyLabels {
  segment(key: string): string;
  source(key: string): string;
  form(key: string): string;
  /** A lost or disqualify reason. */
  reason(key: string): string;
}

export function keyLabels(t: Catalog, labels?: LabelTable, locale: Locale = 'en'): KeyLabels {
  const forms = t.lead.forms as Record<string, string>;
  const reasons = t.stages.reasons as Record<string, string>;
  return {
    segment: (key) => labelFor(labels, 'segments', key, locale),
    source: (key) => labelFor(labels, 'sources', key, locale),
    form: (key) => labelFor(labels, 'forms', key, locale, forms[key]),
    reason: (key) =>
      labels?.disqualifyReasons[key] && !labels.lostReasons[key]
        ? labelFor(labels, 'disqualifyReasons', key, locale, reasons[key])
        : labelFor(labels, 'lostReasons', key, locale, reasons[key]),
  };
}

/** The workspace's key labels in its own language. */
export const workspaceKeyLabels = (t: Catalog, config: { labels: LabelTable; locale: Locale }): KeyLabels =>
  keyLabels(t, config.labels, config.locale);
