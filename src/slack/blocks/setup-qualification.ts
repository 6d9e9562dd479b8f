/**
 * The qualification modal: the rules are a small expression language (tests per field, ordered
 * rules), so the modal takes them as the file writes them, in YAML, checked by the same schema.
 */
import type { types } from '@slack/bolt';
import { LineCounter, parseDocument, stringify } from 'yaml';
import type { Catalog } from '../../i18n/index.js';
import type { Block } from './common.js';
import {
  type FieldFor,
  input,
  MAX_TEXT,
  multilineText,
  SETUP_VIEWS,
  setupModal,
  text,
  type ViewValues,
} from './setup-common.js';

export const QUALIFICATION_RULES = 'ql_rules';

/** Built from the document's own section (empty when Baton's default rules apply). */
export function qualificationModal(t: Catalog, section: unknown, readOnly: boolean): types.ModalView {
  const m = t.admin.modal.qualification;
  const initial = section === undefined ? '' : stringify(section).trimEnd();
  const tooLong = initial.length > MAX_TEXT;
  const blocks: Block[] = [
    { type: 'section', text: { type: 'mrkdwn', text: m.intro } },
    input(QUALIFICATION_RULES, m.rules, multilineText(tooLong ? null : initial), {
      optional: true,
      hint: m.rulesHint,
    }),
  ];
  return setupModal(t, SETUP_VIEWS.qualification, m.title, blocks, readOnly || (tooLong && 'tooLong'));
}

/** The section as written (null when empty), or where the YAML could not be read. */
export function readQualificationForm(
  t: Catalog,
  values: ViewValues,
): { section: unknown; problems: Record<string, string> } {
  const raw = text(values, QUALIFICATION_RULES);
  if (raw === null) return { section: null, problems: {} };
  const lineCounter = new LineCounter();
  const doc = parseDocument(raw, { lineCounter, prettyErrors: false });
  const error = doc.errors[0];
  if (error) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    const message = error.message.split('\n')[0] ?? '';
    return {
      section: null,
      problems: { [QUALIFICATION_RULES]: t.admin.modal.qualification.badYaml(line, col, message) },
    };
  }
  try {
    return { section: doc.toJS(), problems: {} };
  } catch (e) {
    // e.g. an alias to an anchor that does not exist
    return { section: null, problems: { [QUALIFICATION_RULES]: (e as Error).message } };
  }
}

export const qualificationFieldFor: FieldFor = (path) =>
  path[0] === 'qualification' ? QUALIFICATION_RULES : null;
