/**
 * The stages-and-labels modal: per kind of key (working stages, lost and disqualify reasons,
 * segments, sources, forms) and per language, one `key: label` per line.
 */
import type { types } from '@slack/bolt';
import type { WorkspaceConfig } from '../../config/workspace-schema.js';
import type { LabelKind, LocalLabel } from '../../domain/labels.js';
import { LABEL_SECTIONS, type LabelSection, type LabelsForm } from '../../domain/setup-edits.js';
import type { Catalog, Locale } from '../../i18n/index.js';
import { LOCALES } from '../../i18n/index.js';
import type { Block } from './common.js';
import {
  type FieldFor,
  input,
  MAX_TEXT,
  multilineText,
  readLines,
  SETUP_VIEWS,
  setupModal,
  text,
  type ViewValues,
} from './setup-common.js';

export const labelsBlock = (section: LabelSection, locale: Locale) => `lb_${section}_${locale}`;

const KIND: Record<LabelSection, LabelKind> = {
  stages: 'stages',
  lost_reasons: 'lostReasons',
  disqualify_reasons: 'disqualifyReasons',
  segments: 'segments',
  sources: 'sources',
  forms: 'forms',
};

/** The keys each field lists: every one the config knows, labelled or not (sources and forms: labelled ones). */
function keysOf(config: WorkspaceConfig, section: LabelSection): string[] {
  const labelled = Object.keys(config.labels[KIND[section]]);
  switch (section) {
    case 'stages':
      return config.stages.working.map((s) => s.key);
    case 'lost_reasons':
      return config.stages.lostReasons;
    case 'disqualify_reasons':
      return config.stages.disqualifyReasons;
    case 'segments':
      return config.segments;
    default:
      return labelled;
  }
}

const lines = (keys: readonly string[], labels: Record<string, LocalLabel>, locale: Locale) =>
  keys
    .map((key) => {
      const label = labels[key]?.[locale];
      return label ? `${key}: ${label}` : `${key}:`;
    })
    .join('\n');

/** Built from the config in force: its keys and their labels (file's inline ones merged in). */
export function stagesModal(t: Catalog, config: WorkspaceConfig, readOnly: boolean): types.ModalView {
  const m = t.admin.modal.stages;
  const fields = LABEL_SECTIONS.flatMap((section) =>
    LOCALES.map((locale) => ({
      section,
      locale,
      initial: lines(keysOf(config, section), config.labels[KIND[section]], locale),
    })),
  );
  const tooLong = fields.some((f) => f.initial.length > MAX_TEXT);
  const blocks: Block[] = [{ type: 'section', text: { type: 'mrkdwn', text: m.intro } }];
  for (const { section, locale, initial } of fields) {
    blocks.push(
      input(
        labelsBlock(section, locale),
        m.field(m.kinds[section], t.admin.modal.calendar.localeNames[locale]),
        multilineText(initial),
        { optional: true },
      ),
    );
  }
  return setupModal(t, SETUP_VIEWS.stages, m.title, blocks, readOnly || (tooLong && 'tooLong'));
}

/** `key` or `key: label`; the key has no spaces. */
const LINE = /^([^\s:]+)\s*(?::\s*(.*))?$/;

/** The form, and the lines that are neither (under their field, before any change). */
export function readLabelsForm(
  t: Catalog,
  values: ViewValues,
): { form: LabelsForm; problems: Record<string, string> } {
  const form = Object.fromEntries(LABEL_SECTIONS.map((s) => [s, {}])) as LabelsForm;
  const problems: Record<string, string> = {};
  for (const section of LABEL_SECTIONS) {
    for (const locale of LOCALES) {
      const block = labelsBlock(section, locale);
      const read = readLines(text(values, block), LINE, t.admin.modal.stages.badLine);
      if (read.problem) problems[block] ??= read.problem;
      const entries = read.matches.map((match): [string, string] => [match[1]!, (match[2] ?? '').trim()]);
      form[section][locale] = entries;
    }
  }
  return { form, problems };
}

const isLocale = (v: unknown): v is Locale => (LOCALES as readonly unknown[]).includes(v);

/** The field a key was first written in (the reason lists' order), or the first language's. */
function writtenIn(form: LabelsForm, section: LabelSection, key: unknown): Locale {
  const first = LOCALES[0];
  return LOCALES.find((l) => form[section][l]?.some(([k]) => k === key)) ?? first;
}

/** The keys in the order `applyLabels` writes the reason lists: first written, any language. */
function writtenKeys(form: LabelsForm, section: LabelSection): string[] {
  const keys: string[] = [];
  for (const l of LOCALES) for (const [k] of form[section][l] ?? []) if (!keys.includes(k)) keys.push(k);
  return keys;
}

/**
 * `labels.segments.smb.ko` → the Korean segments field; `labels.segments.mid` and
 * `stages.lost_reasons[2]` → the field that key was written in.
 */
export const labelsFieldFor =
  (form: LabelsForm): FieldFor =>
  (path) => {
    const [top, section, at, locale] = path;
    if (top === 'labels' && (LABEL_SECTIONS as readonly unknown[]).includes(section)) {
      const kind = section as LabelSection;
      return labelsBlock(kind, isLocale(locale) ? locale : writtenIn(form, kind, at));
    }
    if (top !== 'stages') return null;
    if (section === 'working') return labelsBlock('stages', LOCALES[0]);
    if (section === 'lost_reasons' || section === 'disqualify_reasons') {
      const key = typeof at === 'number' ? writtenKeys(form, section)[at] : undefined;
      return labelsBlock(section, writtenIn(form, section, key));
    }
    return null;
  };
