/**
 * Display labels for the keys people see: segments, sources, forms, reasons and stages. A label is
 * one text for every language or a map per locale (`{ en: SMB, ko: 중소기업 }`); Korean text is fine.
 */
import { z } from 'zod';
import { LOCALES } from '../../i18n/index.js';
import { slug, stageKey, strictMap, unlessMissing } from './primitives.js';

/** Slack caps select option and button text at 75 characters. */
const labelText = z.string().trim().min(1).max(75);

export const localLabel = z.union(
  [
    labelText,
    strictMap(
      Object.fromEntries(LOCALES.map((l) => [l, labelText.optional()])) as Record<
        (typeof LOCALES)[number],
        z.ZodOptional<typeof labelText>
      >,
    ),
  ],
  {
    error: unlessMissing(
      `must be a label like "SMB", or a map per language (${LOCALES.join(', ')}) like { en: SMB, ko: 중소기업 }`,
    ),
  },
);

/** Sources and forms are free keys from intake; anything without spaces that a webhook can send. */
const freeKey = z.string().trim().min(1).max(64);

export const labelsSchema = strictMap({
  segments: z.record(slug, localLabel).default({}),
  sources: z.record(freeKey, localLabel).default({}),
  forms: z.record(freeKey, localLabel).default({}),
  lost_reasons: z.record(slug, localLabel).default({}),
  disqualify_reasons: z.record(slug, localLabel).default({}),
  stages: z.record(stageKey, localLabel).default({}),
});

/** A reason in stages.lost_reasons / disqualify_reasons: a key, or a key with its label. */
export const reasonSchema = z.union([slug, strictMap({ key: slug, label: localLabel })], {
  error: unlessMissing('must be a lowercase key like "no_budget", or a map with key: and label:'),
});
