/**
 * `/baton roster add|remove|set …`: the words parsed into a command (pure), and the command applied
 * to the YAML-shaped config document. Validation of values (weight range, time zone names, a
 * segment left without a seller, a manager off the roster) is the config schema's job: the edited
 * document goes through the same checks as the file.
 */
import { ROLES, type Role } from './roles.js';

/** Fields `set` can change; `null` clears an optional one (`cap none`). */
export interface MemberFields {
  roles?: Role[];
  segments?: string[];
  weight?: number;
  cap?: number | null;
  manager?: string | null;
  timeZone?: string | null;
}

export type RosterCommand =
  | { kind: 'help' }
  | { kind: 'add'; users: string[]; fields: MemberFields }
  | { kind: 'remove'; users: string[] }
  | { kind: 'set'; users: string[]; fields: MemberFields };

export type RosterParseError =
  | { error: 'unknown_action'; word: string }
  | { error: 'no_users' }
  /** `@name` typed as plain text: Slack did not turn it into a mention. */
  | { error: 'plain_mention'; word: string }
  | { error: 'unknown_word'; word: string }
  | { error: 'missing_value'; keyword: string }
  | { error: 'bad_number'; keyword: string; value: string }
  | { error: 'nothing_to_set' }
  | { error: 'twice'; keyword: string };

export type RosterParse = { ok: true; command: RosterCommand } | ({ ok: false } & RosterParseError);

const KEYWORDS = ['weight', 'cap', 'segments', 'roles', 'manager', 'tz'] as const;
type Keyword = (typeof KEYWORDS)[number];
const CLEAR = ['none', '-', 'off'];

/** `<@U123|name>` or `<@U123>` as Slack sends mentions in slash-command text; a bare user id works too. */
export function mentionedUser(word: string): string | null {
  const match = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(word) ?? /^([UW][A-Z0-9]{2,})$/.exec(word);
  return match ? match[1]! : null;
}

const asRole = (word: string): Role | null => {
  const lower = word.toLowerCase();
  return (ROLES as readonly string[]).includes(lower) ? (lower as Role) : null;
};

/**
 * Parses the words after `/baton roster`. `segments` are the workspace's segment keys, so
 * `add` can recognise them by name. Slack keeps a mention's `|name` part free of spaces only
 * when the name has none, so the text is split on mentions first, then on spaces.
 */
export function parseRosterCommand(text: string, segments: readonly string[]): RosterParse {
  const words = text.match(/<[^>]*>|\S+/g) ?? [];
  const [action = '', ...rest] = words;
  switch (action.toLowerCase()) {
    case '':
    case 'help':
      return { ok: true, command: { kind: 'help' } };
    case 'add':
      return parseMembers('add', rest, segments);
    case 'set':
      return parseMembers('set', rest, segments);
    case 'remove':
    case 'rm': {
      const users: string[] = [];
      for (const word of rest) {
        const user = mentionedUser(word);
        if (!user)
          return word.startsWith('@')
            ? fail({ error: 'plain_mention', word })
            : fail({ error: 'unknown_word', word });
        if (!users.includes(user)) users.push(user);
      }
      if (users.length === 0) return fail({ error: 'no_users' });
      return { ok: true, command: { kind: 'remove', users } };
    }
    default:
      return fail({ error: 'unknown_action', word: action });
  }
}

const fail = (e: RosterParseError): RosterParse => ({ ok: false, ...e });

function parseMembers(kind: 'add' | 'set', words: string[], segments: readonly string[]): RosterParse {
  const users: string[] = [];
  let i = 0;
  for (; i < words.length; i++) {
    const user = mentionedUser(words[i]!);
    if (!user) break;
    if (!users.includes(user)) users.push(user);
  }
  if (users.length === 0) {
    const first = words[0];
    return first?.startsWith('@')
      ? fail({ error: 'plain_mention', word: first })
      : fail({ error: 'no_users' });
  }
  const fields: MemberFields = {};
  const seen = new Set<Keyword>();
  // `add` takes bare role and segment names; `set` needs `roles …` / `segments …` (a list).
  let list: 'roles' | 'segments' | null = null;
  while (i < words.length) {
    const word = words[i]!;
    const lower = word.toLowerCase();
    if ((KEYWORDS as readonly string[]).includes(lower)) {
      const keyword = lower as Keyword;
      if (seen.has(keyword)) return fail({ error: 'twice', keyword });
      seen.add(keyword);
      if (keyword === 'roles' || keyword === 'segments') {
        list = keyword;
        fields[keyword] = [];
        i++;
        if (i >= words.length || isKeyword(words[i]!)) return fail({ error: 'missing_value', keyword });
        continue;
      }
      list = null;
      const value = words[i + 1];
      if (value === undefined) return fail({ error: 'missing_value', keyword });
      const parsed = keywordValue(keyword, value);
      if ('error' in parsed) return fail(parsed);
      Object.assign(fields, parsed);
      i += 2;
      continue;
    }
    const role = asRole(word);
    const segment = segments.find((s) => s === lower) ?? null;
    if (list === 'roles' && role) {
      fields.roles!.push(role);
    } else if (list === 'segments' && segment) {
      fields.segments!.push(segment);
    } else if (kind === 'add' && list === null && role && !seen.has('roles')) {
      fields.roles = [...(fields.roles ?? []), role];
    } else if (kind === 'add' && list === null && segment && !seen.has('segments')) {
      fields.segments = [...(fields.segments ?? []), segment];
    } else {
      if (word.startsWith('@')) return fail({ error: 'plain_mention', word });
      return fail({ error: 'unknown_word', word });
    }
    i++;
  }
  fields.roles &&= [...new Set(fields.roles)];
  fields.segments &&= [...new Set(fields.segments)];
  if (kind === 'set' && Object.keys(fields).length === 0) return fail({ error: 'nothing_to_set' });
  return { ok: true, command: { kind, users, fields } };
}

const isKeyword = (word: string) => (KEYWORDS as readonly string[]).includes(word.toLowerCase());

function keywordValue(
  keyword: Exclude<Keyword, 'roles' | 'segments'>,
  value: string,
): MemberFields | RosterParseError {
  const clear = CLEAR.includes(value.toLowerCase());
  switch (keyword) {
    case 'weight':
    case 'cap': {
      if (keyword === 'cap' && clear) return { cap: null };
      if (!/^\d{1,6}$/.test(value)) return { error: 'bad_number', keyword, value };
      return keyword === 'cap' ? { cap: Number(value) } : { weight: Number(value) };
    }
    case 'manager': {
      if (clear) return { manager: null };
      const user = mentionedUser(value);
      if (!user)
        return value.startsWith('@')
          ? { error: 'plain_mention', word: value }
          : { error: 'missing_value', keyword };
      return { manager: user };
    }
    case 'tz':
      return { timeZone: clear ? null : value };
  }
}

export type RosterEditRefusal = { reason: 'already_on_roster' | 'not_on_roster'; users: string[] };

/** What Slack's profile adds to someone being added: their time zone and name. */
export interface NewMemberProfile {
  tz?: string;
  name?: string;
}

type Doc = Record<string, unknown>;
type Entry = Record<string, unknown> & { user: string };

const rosterOf = (doc: Doc): Entry[] => (Array.isArray(doc.roster) ? (doc.roster as Entry[]) : []);

/**
 * Applies the command to a copy of the document's roster (YAML keys: user, roles, segments, weight,
 * max_open_leads, time_zone, manager). `add` refuses people already on it and `remove`/`set`
 * people not on it, naming them. Fields not given are left out, so the file's defaults apply.
 */
export function editRoster(
  doc: Doc,
  command: Exclude<RosterCommand, { kind: 'help' }>,
  profiles: ReadonlyMap<string, NewMemberProfile> = new Map(),
): { ok: true; roster: Entry[] } | ({ ok: false } & RosterEditRefusal) {
  const roster = structuredClone(rosterOf(doc));
  const onRoster = new Set(roster.map((m) => m.user));
  if (command.kind === 'add') {
    const already = command.users.filter((u) => onRoster.has(u));
    if (already.length > 0) return { ok: false, reason: 'already_on_roster', users: already };
    for (const user of command.users) {
      const profile = profiles.get(user) ?? {};
      const entry: Entry = { user };
      if (profile.name) entry.name = profile.name;
      if (command.fields.timeZone === undefined && profile.tz) entry.time_zone = profile.tz;
      roster.push(withFields(entry, command.fields));
    }
    return { ok: true, roster };
  }
  const missing = command.users.filter((u) => !onRoster.has(u));
  if (missing.length > 0) return { ok: false, reason: 'not_on_roster', users: missing };
  if (command.kind === 'remove')
    return { ok: true, roster: roster.filter((m) => !command.users.includes(m.user)) };
  return {
    ok: true,
    roster: roster.map((m) => (command.users.includes(m.user) ? withFields(m, command.fields) : m)),
  };
}

/** The entry with the given fields written in (YAML keys); a null removes the key. */
export function withFields(entry: Entry, fields: MemberFields): Entry {
  const out: Entry = { ...entry };
  const put = (key: string, value: unknown) => {
    if (value === undefined) return;
    if (value === null) delete out[key];
    else out[key] = value;
  };
  put('roles', fields.roles);
  put('segments', fields.segments);
  put('weight', fields.weight);
  put('max_open_leads', fields.cap);
  put('manager', fields.manager);
  put('time_zone', fields.timeZone);
  return out;
}
