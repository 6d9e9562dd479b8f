/** What `/lead <text>` looks for: a lead id, an email address, or a company or person's name. Pure. */
export type LeadQuery =
  | { kind: 'id'; id: number }
  | { kind: 'email'; email: string }
  | { kind: 'text'; text: string };

/** Longest search text taken; longer input is cut. */
export const MAX_QUERY_LENGTH = 200;

/** `12` or `#12` is an id; anything with an `@` an email; the rest is searched in company and name. */
export function parseLeadQuery(input: string): LeadQuery | undefined {
  const text = input.trim().replace(/\s+/g, ' ').slice(0, MAX_QUERY_LENGTH);
  if (text === '') return undefined;
  const id = /^#?(\d{1,15})$/.exec(text);
  if (id && Number.isSafeInteger(Number(id[1]))) return { kind: 'id', id: Number(id[1]) };
  if (text.includes('@') && !text.includes(' ')) {
    // Slack sends a typed address as `<mailto:a@b.io|a@b.io>` when it links it.
    const mailto = /^<mailto:([^|>]+)(?:\|[^>]*)?>$/.exec(text);
    return { kind: 'email', email: (mailto ? mailto[1]! : text).toLowerCase() };
  }
  return { kind: 'text', text };
}
