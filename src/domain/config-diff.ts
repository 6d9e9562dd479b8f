/**
 * What changed between two versions of a workspace's config document, setting by setting, so a
 * version's history can say it in words ("roster[U0AAA].weight: 1 → 2").
 */

/** One setting that changed; `null` stands for "not written" on either side. */
export interface SettingChange {
  path: string;
  before: unknown;
  after: unknown;
}

type Json = Record<string, unknown>;

const isMap = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `sla.first_touch_minutes`, `routing.segments["odd key"]`: the file's own key-path spelling. */
function child(base: string, key: string): string {
  if (/^[A-Za-z_][\w-]*$/.test(key)) return base === '' ? key : `${base}.${key}`;
  return `${base}[${JSON.stringify(key)}]`;
}

/** A roster is keyed by user id, so removing one member is not read as every later one changing. */
function rosterByUser(value: unknown): Map<string, unknown> | null {
  if (!Array.isArray(value)) return null;
  const byUser = new Map<string, unknown>();
  for (const entry of value) {
    if (!isMap(entry) || typeof entry.user !== 'string' || byUser.has(entry.user)) return null;
    byUser.set(entry.user, entry);
  }
  return byUser;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function walk(path: string, before: unknown, after: unknown, out: SettingChange[]): void {
  if (same(before, after)) return;
  // A section written or removed whole is still told setting by setting (`sla.first_touch_minutes`).
  const was = before === null && isMap(after) ? {} : before;
  const now = after === null && isMap(before) ? {} : after;
  const keys = isMap(was) && isMap(now) ? [...new Set([...Object.keys(was), ...Object.keys(now)])] : [];
  if (isMap(was) && isMap(now) && keys.length > 0) {
    for (const key of keys) walk(child(path, key), was[key] ?? null, now[key] ?? null, out);
    return;
  }
  // Lists other than the roster keep their order's meaning (stages, cadence steps): compared whole.
  out.push({ path, before: before ?? null, after: after ?? null });
}

function walkRoster(before: unknown, after: unknown, out: SettingChange[]): boolean {
  const was = before === null ? new Map<string, unknown>() : rosterByUser(before);
  const now = after === null ? new Map<string, unknown>() : rosterByUser(after);
  if (!was || !now) return false;
  const users = [...new Set([...was.keys(), ...now.keys()])];
  for (const user of users) {
    const path = `roster[${user}]`;
    const [a, b] = [was.get(user) ?? null, now.get(user) ?? null];
    // A person joining or leaving is one change, told as such, not one per field.
    if (a === null || b === null) out.push({ path, before: a, after: b });
    else walk(path, a, b, out);
  }
  return true;
}

/** Every leaf that differs, in the order the keys appear (the earlier document's first). */
export function diffDocuments(before: Json, after: Json): SettingChange[] {
  const out: SettingChange[] = [];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  for (const key of keys) {
    const was = before[key] ?? null;
    const now = after[key] ?? null;
    if (key === 'roster' && !same(was, now) && walkRoster(was, now, out)) continue;
    walk(child('', key), was, now, out);
  }
  return out;
}

/** The top-level keys an edit touched (what `managed_by_file` is checked against). */
export function touchedKeys(changes: readonly SettingChange[]): string[] {
  const keys = changes.map((c) => /^[^.[]+/.exec(c.path)?.[0] ?? c.path);
  return [...new Set(keys)];
}
