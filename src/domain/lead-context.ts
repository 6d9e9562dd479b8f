/** Marketer context on a lead: what brought it in and what it has seen, as the marketer tells it. */
export interface ContextFields {
  campaign: string | null;
  content: string | null;
  nurture: string | null;
  note: string | null;
}

export const CONTEXT_FIELDS = ['campaign', 'content', 'nurture', 'note'] as const;
export type ContextField = (typeof CONTEXT_FIELDS)[number];

/** Longest accepted text per field, in characters (the modal enforces the same limits). */
export const CONTEXT_LIMITS: Record<ContextField, number> = {
  campaign: 200,
  content: 500,
  nurture: 1000,
  note: 2000,
};

export type ContextProblem =
  | { field: ContextField; problem: 'too_long'; max: number }
  | { field: null; problem: 'empty' };

export type ContextCheck = { ok: true; fields: ContextFields } | { ok: false; problems: ContextProblem[] };

/** Trims each field (blank means absent), checks the limits and that at least one field is filled. */
export function checkContext(input: Partial<Record<ContextField, string | null | undefined>>): ContextCheck {
  const fields: ContextFields = { campaign: null, content: null, nurture: null, note: null };
  const problems: ContextProblem[] = [];
  for (const key of CONTEXT_FIELDS) {
    const value = input[key]?.trim() ?? '';
    if (value === '') continue;
    if (value.length > CONTEXT_LIMITS[key])
      problems.push({ field: key, problem: 'too_long', max: CONTEXT_LIMITS[key] });
    fields[key] = value;
  }
  if (CONTEXT_FIELDS.every((key) => fields[key] === null)) problems.push({ field: null, problem: 'empty' });
  return problems.length ? { ok: false, problems } : { ok: true, fields };
}

/** How someone names a lead in a form: its number (`42`, `#42`) or its email. */
export type LeadRef = { kind: 'id'; id: number } | { kind: 'email'; email: string } | { kind: 'invalid' };

export function parseLeadRef(input: string): LeadRef {
  const text = input.trim();
  const id = /^#?(\d{1,15})$/.exec(text);
  if (id) return { kind: 'id', id: Number(id[1]) };
  if (/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(text)) return { kind: 'email', email: text.toLowerCase() };
  return { kind: 'invalid' };
}
