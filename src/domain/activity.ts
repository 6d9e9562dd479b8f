/** Sales activities on a lead (the first touch and what follows) and the activities API body. Pure. */

export const ACTIVITY_KINDS = ['call', 'email', 'meeting', 'other'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const ACTIVITY_NOTE_MAX = 1000;
/** How far ahead of our clock an `occurred_at` may be (senders' clocks drift); later is refused. */
export const FUTURE_SKEW_MS = 60_000;

export const isActivityKind = (value: unknown): value is ActivityKind =>
  typeof value === 'string' && (ACTIVITY_KINDS as readonly string[]).includes(value);

export interface ActivityBody {
  kind: ActivityKind;
  note: string | null;
  at: Date;
  actorId: string | null;
}

export interface FieldError {
  field: string;
  message: string;
}

const USER_ID = /^[UW][A-Z0-9]{2,20}$/;

/** An API body's optional `actor`: the Slack user the tool acts for, or null when it names nobody. */
export function parseActor(value: unknown, errors: FieldError[]): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' && USER_ID.test(value)) return value;
  errors.push({ field: 'actor', message: 'must be a Slack user id such as U0123ABCD' });
  return null;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Checks `POST /api/leads/{id}/activities`'s body; every bad field is reported. */
export function parseActivityBody(
  body: unknown,
  now: Date,
): { ok: true; activity: ActivityBody } | { ok: false; errors: FieldError[] } {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { ok: false, errors: [{ field: '(body)', message: 'must be a JSON object' }] };
  const b = body as Record<string, unknown>;
  const errors: FieldError[] = [];
  if (!isActivityKind(b.type))
    errors.push({ field: 'type', message: `must be one of ${ACTIVITY_KINDS.join(', ')}` });

  let note: string | null = null;
  if (b.note !== undefined && b.note !== null) {
    if (typeof b.note !== 'string') errors.push({ field: 'note', message: 'must be text' });
    else if (b.note.length > ACTIVITY_NOTE_MAX)
      errors.push({ field: 'note', message: `must be at most ${ACTIVITY_NOTE_MAX} characters` });
    else note = b.note.trim() || null;
  }

  let at = now;
  if (b.occurred_at !== undefined && b.occurred_at !== null) {
    const parsed =
      typeof b.occurred_at === 'string' && ISO_TIME.test(b.occurred_at) ? new Date(b.occurred_at) : null;
    if (!parsed || Number.isNaN(parsed.getTime()))
      errors.push({
        field: 'occurred_at',
        message: 'must be an ISO 8601 time with a zone, e.g. 2026-11-23T09:40:00Z',
      });
    else if (parsed.getTime() > now.getTime() + FUTURE_SKEW_MS)
      errors.push({ field: 'occurred_at', message: 'must not be in the future' });
    else at = parsed.getTime() > now.getTime() ? now : parsed;
  }

  const actorId = parseActor(b.actor, errors);
  if (errors.length) return { ok: false, errors };
  return { ok: true, activity: { kind: b.type as ActivityKind, note, at, actorId } };
}

/** `/lead touch <lead> [kind] [note]`: the lead reference, the kind (default call) and the note. */
export function parseTouchCommand(
  text: string,
): { ref: string; kind: ActivityKind; note: string | null } | undefined {
  const rest = text
    .trim()
    .replace(/^touch\b/i, '')
    .trim();
  if (rest === '') return undefined;
  const [ref, ...words] = rest.split(/\s+/);
  let kind: ActivityKind = 'call';
  const first = words[0]?.toLowerCase();
  if (isActivityKind(first)) {
    kind = first;
    words.shift();
  }
  const note = words.join(' ').trim();
  return { ref: ref!, kind, note: note ? note.slice(0, ACTIVITY_NOTE_MAX) : null };
}
