/**
 * The body of `POST /api/leads`, read into a `LeadInput`. Pure: the route reads and verifies the
 * request, this checks and normalizes what it says, and reports every bad field at once.
 *
 * A body uses Baton's own field names (below), or a per-source mapping (`intake.sources` in
 * baton.yaml) says where a form tool keeps each field in its own JSON.
 */
export const UTM_FIELDS = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content'] as const;

/** Baton's intake fields, as named in a request body, a mapping and a qualification rule. */
export const LEAD_FIELDS = [
  'external_id',
  'source',
  'email',
  'name',
  'company',
  'title',
  'phone',
  'company_size',
  'industry',
  'website',
  'message',
  'form',
  ...UTM_FIELDS,
] as const;

export type LeadField = (typeof LEAD_FIELDS)[number];

/** Where a form tool keeps each Baton field in its own JSON (`intake.sources` in baton.yaml). */
export interface SourceMapping {
  /** The source key (`intake.sources.<name>`); also the lead's source unless the body sends one. */
  name: string;
  /** Baton field → dotted path in the sender's JSON, e.g. `data.email`. */
  fields: Partial<Record<LeadField, string>>;
  /** Fixed values for fields the tool never sends (already checked like intake values). */
  defaults: Partial<Record<LeadField, string | number>>;
}

/** Longest accepted text per field, in characters (after trimming). */
export const LEAD_FIELD_MAX_LENGTH: Record<LeadField, number> = {
  external_id: 200,
  source: 64,
  email: 254,
  name: 200,
  company: 200,
  title: 200,
  phone: 50,
  company_size: 50,
  industry: 200,
  website: 500,
  message: 5000,
  form: 64,
  utm_source: 500,
  utm_medium: 500,
  utm_campaign: 500,
  utm_term: 500,
  utm_content: 500,
};

/** Largest accepted company size; anything bigger is a typo. */
export const MAX_COMPANY_SIZE = 10_000_000;

/** A lead as sent, checked and normalized. Optional fields are null when not sent. */
export interface LeadInput {
  externalId: string | null;
  /** Where the lead came from: a lowercase key like "webflow". */
  source: string;
  /** Trimmed and lower-cased, so it matches regardless of how it was typed. */
  email: string;
  /** The part after "@", lower-cased. */
  emailDomain: string;
  name: string | null;
  company: string | null;
  title: string | null;
  phone: string | null;
  /** Employees; a range such as "200-500" is stored as its lower bound. */
  companySize: number | null;
  industry: string | null;
  /** An http(s) URL; a bare domain gets "https://". */
  website: string | null;
  message: string | null;
  /** A lowercase key like "demo_request". */
  form: string | null;
  /** Every `utm_*` value sent, keyed by its full lower-case name (`utm_source`). */
  utm: Record<string, string>;
  /** Fields Baton has no place for, kept as sent. */
  extra: Record<string, unknown>;
}

export interface LeadFieldError {
  /** The Baton field name (`company_size`), or `body` when the body itself is wrong. */
  field: string;
  message: string;
}

export type ParseLeadResult = { ok: true; lead: LeadInput } | { ok: false; errors: LeadFieldError[] };

export interface ParseLeadOptions {
  /** The source the request names outside its body (e.g. `?source=webflow`). */
  source?: string | undefined;
  /** How to read a form tool's own JSON. */
  mapping?: SourceMapping | undefined;
}

type FieldValue = string | number | null;
type Parsed<T = FieldValue> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return JSON.stringify(value);
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Text, trimmed; a number is taken as its digits; empty means not sent. */
function text(value: unknown, max: number): Parsed<string | null> {
  if (value === undefined || value === null) return ok(null);
  let s: string;
  if (typeof value === 'string') s = value.trim();
  else if (typeof value === 'number' && Number.isFinite(value)) s = String(value);
  else return fail(`must be text, got ${describe(value)}`);
  if (s === '') return ok(null);
  if (s.length > max) return fail(`must be at most ${max} characters, got ${s.length}`);
  return ok(s);
}

/** "Demo Request" → "demo_request": lower-cased, spaces become "_". */
function key(value: unknown, max: number, example: string): Parsed<string | null> {
  const t = text(value, max);
  if (!t.ok || t.value === null) return t;
  const slug = t.value.toLowerCase().replace(/\s+/g, '_');
  if (!/^[a-z0-9][a-z0-9_-]*$/.test(slug)) {
    return fail(`${JSON.stringify(t.value)} is not a key like "${example}" (letters, digits, _ and -)`);
  }
  return ok(slug);
}

const EMAIL_LOCAL = /^[^\s@"(),:;<>[\]\\]{1,64}$/;
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;
const TOP_LEVEL_DOMAIN = /^\p{L}(?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;

function isEmail(value: string): boolean {
  const at = value.lastIndexOf('@');
  if (at < 0) return false;
  const local = value.slice(0, at);
  const labels = value.slice(at + 1).split('.');
  return (
    EMAIL_LOCAL.test(local) &&
    !local.startsWith('.') &&
    !local.endsWith('.') &&
    !local.includes('..') &&
    labels.length >= 2 &&
    labels.slice(0, -1).every((label) => DOMAIN_LABEL.test(label)) &&
    TOP_LEVEL_DOMAIN.test(labels.at(-1)!)
  );
}

function email(value: unknown): Parsed<string | null> {
  const t = text(value, LEAD_FIELD_MAX_LENGTH.email);
  if (!t.ok || t.value === null) return t;
  const lower = t.value.toLowerCase();
  return isEmail(lower) ? ok(lower) : fail(`${JSON.stringify(t.value)} is not an email address`);
}

const SIZE_EXPLAINED = 'send a number like 250, a range like "200-500" or a floor like "1000+"';
const SIZE_FORMS: RegExp[] = [/^(\d+)$/, /^(\d+)\s*\+$/, /^(\d+)\s*(?:-|–|—|~|to)\s*(\d+)$/];

function companySize(value: unknown): Parsed<number | null> {
  if (value === undefined || value === null) return ok(null);
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 0) {
      return fail(`must be a whole number of employees, got ${describe(value)}`);
    }
    // `+ 0` turns JSON's -0.0 into 0: toLocaleString would print "-0" on the card.
    return value > MAX_COMPANY_SIZE ? fail(`must be at most ${MAX_COMPANY_SIZE}`) : ok(value + 0);
  }
  const t = text(value, LEAD_FIELD_MAX_LENGTH.company_size);
  if (!t.ok) return t;
  if (t.value === null) return ok(null);
  const plain = t.value
    .toLowerCase()
    .replace(/(\d),(?=\d{3}(?!\d))/g, '$1') // thousands separators: "1,000"
    .replace(/\s*(?:employees|people|명)$/, '');
  for (const form of SIZE_FORMS) {
    const match = form.exec(plain);
    if (!match) continue;
    const low = Number(match[1]);
    const high = match[2] === undefined ? low : Number(match[2]);
    if (low > high) return fail(`${JSON.stringify(t.value)} is a range from high to low; ${SIZE_EXPLAINED}`);
    return low > MAX_COMPANY_SIZE ? fail(`must be at most ${MAX_COMPANY_SIZE}`) : ok(low);
  }
  return fail(`${JSON.stringify(t.value)} is not a company size; ${SIZE_EXPLAINED}`);
}

/** "https:", "javascript:"; not "acme.com:8080", a host with a port. */
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:(?!\d)/i;
const LOOKS_LIKE_DOMAIN = /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+(?::\d{1,5})?(?:[/?#]\S*)?$/u;

function website(value: unknown): Parsed<string | null> {
  const max = LEAD_FIELD_MAX_LENGTH.website;
  const t = text(value, max);
  if (!t.ok || t.value === null) return t;
  const notAWebsite = fail(`${JSON.stringify(t.value)} is not a website address like "acme.com"`);
  let candidate = t.value;
  if (!HAS_SCHEME.test(candidate)) {
    if (!LOOKS_LIKE_DOMAIN.test(candidate)) return notAWebsite;
    candidate = `https://${candidate}`;
  }
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return notAWebsite;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return fail(`${JSON.stringify(t.value)} is not an http or https address`);
  }
  if (!url.hostname.includes('.') || url.username !== '' || url.password !== '') return notAWebsite;
  const bare = url.pathname === '/' && url.search === '' && url.hash === '';
  const normalized = bare ? `${url.protocol}//${url.host}` : url.href;
  return normalized.length > max ? fail(`must be at most ${max} characters`) : ok(normalized);
}

const plainText = (field: LeadField) => (value: unknown) => text(value, LEAD_FIELD_MAX_LENGTH[field]);

const FIELD_PARSERS: Record<LeadField, (value: unknown) => Parsed> = {
  external_id: plainText('external_id'),
  source: (value) => key(value, LEAD_FIELD_MAX_LENGTH.source, 'webflow'),
  email,
  name: plainText('name'),
  company: plainText('company'),
  title: plainText('title'),
  phone: plainText('phone'),
  company_size: companySize,
  industry: plainText('industry'),
  website,
  message: plainText('message'),
  form: (value) => key(value, LEAD_FIELD_MAX_LENGTH.form, 'demo_request'),
  utm_source: plainText('utm_source'),
  utm_medium: plainText('utm_medium'),
  utm_campaign: plainText('utm_campaign'),
  utm_term: plainText('utm_term'),
  utm_content: plainText('utm_content'),
};

/**
 * Checks and normalizes one field's value as the intake would (null = not sent). The config
 * loader uses it to check a mapping's `defaults` up front.
 */
export function parseLeadField(field: LeadField, value: unknown): Parsed {
  return FIELD_PARSERS[field](value);
}

const UTM_KEY = /^utm_[a-z0-9_]{1,40}$/i;

/** Splits a mapping path; "a.b.0" reads key "b" of "a", then item 0 of a list. */
export const pathSegments = (path: string): string[] => path.split('.');

/** The value at a dotted path, or undefined. Only own keys count, so "__proto__" finds nothing. */
export function readPath(body: unknown, path: string): unknown {
  let current = body;
  for (const segment of pathSegments(path)) {
    if (Array.isArray(current) && /^\d+$/.test(segment)) current = current[Number(segment)];
    else if (isPlainObject(current) && Object.hasOwn(current, segment)) current = current[segment];
    else return undefined;
  }
  return current;
}

const isBlank = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** Where a value was found, for error messages: a path, a mapping's defaults, or the top level (null). */
interface Found {
  value: unknown;
  from: string | null;
}

/**
 * Reads a lead from a request body.
 *
 * Without a mapping the body uses Baton's field names. With one, a field the mapping names in
 * `fields` is read from its dotted path, falling back to the mapping's `defaults`; any other field
 * comes from `defaults`, then from a top-level key of the same name. The source is the body's
 * (or the mapping's) `source`, else `opts.source`, else the mapping's name.
 */
export function parseLeadInput(body: unknown, opts: ParseLeadOptions = {}): ParseLeadResult {
  if (!isPlainObject(body)) {
    return {
      ok: false,
      errors: [{ field: 'body', message: `must be a JSON object, got ${describe(body)}` }],
    };
  }
  const { mapping } = opts;
  /** Top-level keys read as Baton fields; the rest go to `extra`. */
  const consumed = new Set<string>();
  const topLevel = (field: string): Found | undefined => {
    if (!Object.hasOwn(body, field)) return undefined;
    consumed.add(field);
    return { value: body[field], from: null };
  };

  const find = (field: LeadField): Found | undefined => {
    if (!mapping) return topLevel(field);
    const path = mapping.fields[field];
    if (path !== undefined) {
      const value = readPath(body, path);
      if (pathSegments(path).length === 1) consumed.add(path);
      if (!isBlank(value)) return { value, from: path };
    }
    const fallback = mapping.defaults[field];
    if (fallback !== undefined) return { value: fallback, from: `the ${mapping.name} mapping's defaults` };
    return path === undefined ? topLevel(field) : { value: undefined, from: path };
  };

  const errors: LeadFieldError[] = [];
  const values = {} as Record<LeadField, FieldValue>;
  for (const field of LEAD_FIELDS) {
    let found = find(field);
    if (field === 'source' && isBlank(found?.value)) {
      if (opts.source !== undefined && opts.source.trim() !== '') {
        found = { value: opts.source, from: 'the request' };
      } else if (mapping) {
        found = { value: mapping.name, from: 'the mapping name' };
      }
    }
    const parsed = parseLeadField(field, found?.value);
    const note = found?.from ? ` (from ${found.from})` : '';
    if (!parsed.ok) {
      errors.push({ field, message: `${parsed.message}${note}` });
    } else if (parsed.value === null && (field === 'email' || field === 'source')) {
      errors.push({ field, message: missing(field, body, found?.from ?? null) });
    }
    values[field] = parsed.ok ? parsed.value : null;
  }

  // Every top-level utm_* key, in any case, lands in `utm` under its lower-case name; the five
  // Baton fields (possibly mapped) come first and win.
  const utm = new Map<string, string>();
  for (const field of UTM_FIELDS) {
    const value = values[field];
    if (typeof value === 'string') utm.set(field, value);
  }
  for (const [name, value] of Object.entries(body)) {
    if (!UTM_KEY.test(name) || consumed.has(name)) continue;
    consumed.add(name);
    const lower = name.toLowerCase();
    const parsed = text(value, LEAD_FIELD_MAX_LENGTH.utm_source);
    if (!parsed.ok) errors.push({ field: name, message: parsed.message });
    else if (parsed.value !== null && !utm.has(lower)) utm.set(lower, parsed.value);
  }
  const extra = Object.entries(body).filter(([name]) => !consumed.has(name));

  if (errors.length > 0) return { ok: false, errors };
  const str = (field: LeadField) => values[field] as string | null;
  const address = str('email')!;
  return {
    ok: true,
    lead: {
      externalId: str('external_id'),
      source: str('source')!,
      email: address,
      emailDomain: address.slice(address.lastIndexOf('@') + 1),
      name: str('name'),
      company: str('company'),
      title: str('title'),
      phone: str('phone'),
      companySize: values.company_size as number | null,
      industry: str('industry'),
      website: str('website'),
      message: str('message'),
      form: str('form'),
      // fromEntries defines own keys, so a "__proto__" key is kept as data, never as a prototype.
      utm: Object.fromEntries(utm),
      extra: Object.fromEntries(extra),
    },
  };
}

function missing(field: 'email' | 'source', body: Record<string, unknown>, from: string | null): string {
  if (from !== null) return `is required (nothing at ${from})`;
  const sameIgnoringCase = Object.keys(body).find((k) => k !== field && k.toLowerCase() === field);
  if (sameIgnoringCase) return `is required (the body has "${sameIgnoringCase}"; field names are lowercase)`;
  return field === 'source'
    ? 'is required: say where the lead comes from, like "webflow", in the body or as ?source='
    : 'is required';
}

/**
 * The mapping a request asks for: `?source=` first, then a top-level "source" in the body
 * (compared lower-cased). Own keys only, so "constructor" or "__proto__" find nothing.
 */
export function pickSourceMapping(
  body: unknown,
  querySource: string | undefined,
  sources: Readonly<Record<string, SourceMapping>>,
): SourceMapping | undefined {
  const named = [querySource, isPlainObject(body) ? body.source : undefined];
  for (const name of named) {
    if (typeof name !== 'string') continue;
    const normalized = name.trim().toLowerCase();
    if (Object.hasOwn(sources, normalized)) return sources[normalized];
  }
  return undefined;
}

/** A lead field's value, as qualification rules see it (null when not sent). */
export function leadFieldValue(lead: LeadInput, field: LeadField): string | number | null {
  switch (field) {
    case 'external_id':
      return lead.externalId;
    case 'company_size':
      return lead.companySize;
    case 'utm_source':
    case 'utm_medium':
    case 'utm_campaign':
    case 'utm_term':
    case 'utm_content':
      return lead.utm[field] ?? null;
    default:
      return lead[field];
  }
}
