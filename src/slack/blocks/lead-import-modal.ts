/** `/lead import`: pick a CSV, see the column mapping and each row's qualification, then import or cancel. */
import type { types } from '@slack/bolt';
import type { ImportColumn, ImportFileProblem } from '../../domain/lead-import-file.js';
import type { Catalog } from '../../i18n/index.js';
import type { ImportOutcome, RowPreview } from '../../services/lead-import.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import { context, section } from './common.js';
import { escapedWithin, joinWithin } from './fit.js';
import type { KeyLabels } from './key-labels.js';
import { lineSections, packedSections } from './sections.js';

export const IMPORT_PICK_VIEW = 'lead_import';
export const IMPORT_CONFIRM_VIEW = 'lead_import_confirm';
/** Block and action ids of the pick modal's inputs. */
export const IMPORT_FILE_BLOCK = 'file';
export const IMPORT_SOURCE_BLOCK = 'source';
export const IMPORT_INPUT_ACTION = 'value';
export const DEFAULT_IMPORT_SOURCE = 'import';

/** Rows listed in the preview and in the answer; the rest are counted. */
const LISTED_ROWS = 30;
/** User text (file name, headers, names) is cut to this many characters once escaped. */
const CLIP = 60;
/** A row's problems quote the file's values: each and all of them are cut. */
const PROBLEM_CHARS = 200;
const PROBLEMS_CHARS = 1000;
/** The per-segment counts: 20 segments with long labels would overflow a context. */
const COUNTS_CHARS = 2000;

const plain = (text: string) => ({ type: 'plain_text' as const, text });
const clip = (text: string) => escapedWithin(text, CLIP);

export function importPickModal(t: Catalog, privateMetadata: string): types.ModalView {
  const m = t.leadImport;
  return {
    type: 'modal',
    callback_id: IMPORT_PICK_VIEW,
    private_metadata: privateMetadata,
    title: plain(m.modalTitle),
    submit: plain(m.next),
    close: plain(m.cancel),
    blocks: [
      context(m.modalIntro),
      {
        type: 'input',
        block_id: IMPORT_FILE_BLOCK,
        label: plain(m.fileLabel),
        element: { type: 'file_input', action_id: IMPORT_INPUT_ACTION, filetypes: ['csv'], max_files: 1 },
      },
      {
        type: 'input',
        block_id: IMPORT_SOURCE_BLOCK,
        optional: true,
        label: plain(m.sourceLabel),
        hint: plain(m.sourceHint),
        element: {
          type: 'plain_text_input',
          action_id: IMPORT_INPUT_ACTION,
          max_length: 64,
          initial_value: DEFAULT_IMPORT_SOURCE,
        },
      },
    ],
  };
}

export function fileProblemText(t: Catalog, problem: ImportFileProblem): string {
  const p = t.leadImport.problems;
  switch (problem.kind) {
    case 'no_email_column':
      return p.no_email_column(problem.headers);
    case 'same_field_twice':
      return p.same_field_twice(problem.first, problem.second, problem.field);
    case 'too_many_rows':
      return p.too_many_rows(problem.count);
    default:
      return p[problem.kind](problem.line);
  }
}

const problemsText = (errors: { field: string; message: string }[]) =>
  joinWithin(
    errors.map((e) => `${clip(e.field)} ${escapedWithin(e.message, PROBLEM_CHARS)}`),
    '; ',
    PROBLEMS_CHARS,
    (n) => `(+${n})`,
  );

export interface ImportPreview {
  fileName: string;
  columns: ImportColumn[];
  rows: RowPreview[];
}

export function importPreviewModal(
  t: Catalog,
  labels: KeyLabels,
  preview: ImportPreview,
  privateMetadata: string,
): types.ModalView {
  const m = t.leadImport;
  const valid = preview.rows.filter((r) => r.ok);
  const bySegment = new Map<string, { routed: number; below: number }>();
  for (const r of valid) {
    const counts = bySegment.get(r.segment) ?? { routed: 0, below: 0 };
    if (r.routed) counts.routed++;
    else counts.below++;
    bySegment.set(r.segment, counts);
  }
  const columns = preview.columns
    .filter((c) => c.header !== '')
    .map((c) => (c.field ? m.mapsTo(clip(c.header), c.field) : m.keptAsExtra(clip(c.header))));
  const lines = preview.rows
    .slice(0, LISTED_ROWS)
    .map((r) =>
      r.ok
        ? m.rowReady(
            r.row,
            clip(r.who),
            escapeMrkdwn(labels.segment(r.segment)),
            escapeMrkdwn(r.stage),
            r.score,
          )
        : m.rowInvalid(r.row, problemsText(r.errors)),
    );
  const rest = preview.rows.length - lines.length;
  return {
    type: 'modal',
    callback_id: IMPORT_CONFIRM_VIEW,
    private_metadata: privateMetadata,
    title: plain(m.previewTitle),
    submit: plain(m.importButton),
    close: plain(m.cancel),
    blocks: [
      section(m.previewHead(clip(preview.fileName), preview.rows.length)),
      ...packedSections(m.mappingTitle, columns.slice(0, 40)),
      section(m.resultTitle(valid.length, preview.rows.length - valid.length)),
      ...(bySegment.size > 0
        ? [
            context(
              joinWithin(
                [...bySegment].map(([segment, c]) =>
                  m.routedCount(escapeMrkdwn(labels.segment(segment)), c.routed, c.below),
                ),
                '\n',
                COUNTS_CHARS,
                (n) => `(+${n})`,
              ),
            ),
          ]
        : []),
      ...lineSections(lines),
      ...(rest > 0 ? [context(m.previewMore(rest))] : []),
    ],
  };
}

export function importMessageModal(t: Catalog, text: string): types.ModalView {
  return {
    type: 'modal',
    title: plain(t.leadImport.modalTitle),
    close: plain(t.leadImport.close),
    blocks: [section(text)],
  };
}

export function importDoneModal(t: Catalog, outcome: ImportOutcome): types.ModalView {
  const m = t.leadImport;
  const { stored, duplicate, invalid } = outcome.counts;
  const notStored = outcome.rows.filter((r) => r.status !== 'stored').slice(0, LISTED_ROWS);
  const lines = notStored.map((r) =>
    r.status === 'invalid' ? m.rowInvalid(r.row, problemsText(r.errors)) : m.duplicateOf(r.row, r.lead_id),
  );
  return {
    type: 'modal',
    title: plain(m.doneTitle),
    close: plain(m.close),
    blocks: [
      section(m.done(outcome.importId, stored, duplicate, invalid)),
      ...(outcome.replayed ? [context(m.alreadyImported(outcome.importId))] : []),
      ...lineSections(lines),
    ],
  };
}
