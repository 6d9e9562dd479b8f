/** Turns the file's labels (the labels: section, inline stage and reason labels) into a LabelTable. */
import { emptyLabels, type LabelTable, type LocalLabel, localLabel } from '../../domain/labels.js';
import { LOCALES, type Locale } from '../../i18n/index.js';
import type { WorkspaceFile } from './file-shape.js';

type Written = string | LocalLabel;
type Reason = string | { key: string; label: Written };

const table = (entries: Record<string, Written>) =>
  Object.fromEntries(Object.entries(entries).map(([key, value]) => [key, localLabel(value, LOCALES)]));

function withInline(into: Record<string, LocalLabel>, reasons: readonly Reason[] | undefined) {
  for (const r of reasons ?? []) {
    // An inline label fills in what the labels: section does not say.
    if (typeof r !== 'string') into[r.key] = { ...localLabel(r.label, LOCALES), ...into[r.key] };
  }
}

export function normalizeLabels(file: WorkspaceFile): LabelTable {
  const { labels, stages } = file;
  const out: LabelTable = {
    ...emptyLabels(),
    segments: table(labels.segments),
    sources: table(labels.sources),
    forms: table(labels.forms),
    lostReasons: table(labels.lost_reasons),
    disqualifyReasons: table(labels.disqualify_reasons),
    stages: table(labels.stages),
  };
  withInline(out.lostReasons, stages.lost_reasons);
  withInline(out.disqualifyReasons, stages.disqualify_reasons);
  for (const s of stages.working ?? []) {
    if (typeof s !== 'string' && s.label !== undefined)
      out.stages[s.key] = { ...localLabel(s.label, LOCALES), ...out.stages[s.key] };
  }
  return out;
}

export const reasonKey = (r: Reason): string => (typeof r === 'string' ? r : r.key);

/** A working stage's label in `locale`: configured, else another language's, else its key. */
export function workingStageLabel(labels: LabelTable, key: string, locale: Locale): string {
  const own = labels.stages[key];
  return own?.[locale] ?? Object.values(own ?? {}).find(Boolean) ?? key;
}
