/**
 * Reads the `/lead new` modal into the body the intake webhook takes, and turns intake's field
 * errors into the modal's per-field messages. Pure, so the modal and the webhook share one
 * validation (`parseLeadInput`) and only the wording differs.
 */
import { LEAD_FIELD_MAX_LENGTH, type LeadFieldError } from '../domain/lead-input.js';
import type { Catalog } from '../i18n/index.js';
import { LEAD_INPUT_ACTION, MODAL_FIELDS, type ModalField } from './blocks/lead-modal.js';

interface StateValue {
  value?: string | null;
  selected_option?: { value: string } | null;
}
export type ModalState = Record<string, Record<string, StateValue>>;

/** The modal's answers as an intake body: Baton field → text, fields left empty omitted. */
export function readLeadForm(values: ModalState): Partial<Record<ModalField, string>> {
  const body: Partial<Record<ModalField, string>> = {};
  for (const field of MODAL_FIELDS) {
    const state = values[field]?.[LEAD_INPUT_ACTION];
    const value = state?.selected_option?.value ?? state?.value;
    if (typeof value === 'string' && value.trim() !== '') body[field] = value;
  }
  return body;
}

const isModalField = (field: string): field is ModalField =>
  (MODAL_FIELDS as readonly string[]).includes(field);

/**
 * `response_action: 'errors'` entries keyed by block id (the field), in the workspace language.
 * An error about anything the modal has no input for is shown on the email input.
 */
export function leadFormErrors(
  t: Catalog,
  body: Partial<Record<ModalField, string>>,
  errors: readonly LeadFieldError[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { field } of errors) {
    const block = isModalField(field) ? field : 'email';
    out[block] ??= message(t, block, body[block]?.trim() ?? '');
  }
  return out;
}

function message(t: Catalog, field: ModalField, value: string): string {
  const bad = t.lead.invalid;
  const max = LEAD_FIELD_MAX_LENGTH[field];
  if (value.length > max) return bad.tooLong(max);
  switch (field) {
    case 'email':
      return value === '' ? bad.emailRequired : bad.email;
    case 'source':
      return value === '' ? bad.sourceRequired : bad.source;
    case 'company_size':
      return bad.companySize;
    case 'website':
      return bad.website;
    case 'form':
      return bad.form;
    default:
      return bad.other;
  }
}
