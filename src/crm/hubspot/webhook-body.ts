/** HubSpot's webhook body (an array of events, up to 100), checked field by field. Pure. */

export interface HubspotWebhookEvent {
  eventId: number;
  subscriptionType: string;
  objectId: number;
  occurredAt: number;
  portalId: number | null;
  appId: number | null;
  propertyName: string | null;
  propertyValue: string | null;
  changeSource: string | null;
  sourceId: string | null;
}

export interface FieldProblem {
  field: string;
  message: string;
}

export type ParsedWebhook =
  | { ok: true; events: HubspotWebhookEvent[] }
  | { ok: false; errors: FieldProblem[] };

const MAX_EVENTS = 100;
const isId = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;
const optText = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);

export function parseHubspotWebhook(body: unknown): ParsedWebhook {
  if (!Array.isArray(body))
    return { ok: false, errors: [{ field: '(body)', message: 'must be a JSON array of HubSpot events' }] };
  if (body.length > MAX_EVENTS)
    return { ok: false, errors: [{ field: '(body)', message: `holds more than ${MAX_EVENTS} events` }] };
  const errors: FieldProblem[] = [];
  const events: HubspotWebhookEvent[] = [];
  body.forEach((raw, i) => {
    const at = (name: string) => `[${i}].${name}`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      errors.push({ field: `[${i}]`, message: 'must be an event object' });
      return;
    }
    const e = raw as Record<string, unknown>;
    const before = errors.length;
    if (!isId(e.eventId)) errors.push({ field: at('eventId'), message: 'must be a positive whole number' });
    if (typeof e.subscriptionType !== 'string' || !/^[a-z_]+\.[A-Za-z_]+$/.test(e.subscriptionType))
      errors.push({ field: at('subscriptionType'), message: 'must be like "contact.creation"' });
    if (!isId(e.objectId)) errors.push({ field: at('objectId'), message: 'must be a positive whole number' });
    if (typeof e.occurredAt !== 'number' || !Number.isFinite(e.occurredAt))
      errors.push({ field: at('occurredAt'), message: 'must be the time in milliseconds' });
    const propertyChange =
      typeof e.subscriptionType === 'string' && e.subscriptionType.endsWith('.propertyChange');
    if (propertyChange && (typeof e.propertyName !== 'string' || e.propertyName === ''))
      errors.push({ field: at('propertyName'), message: 'is required for a propertyChange event' });
    if (propertyChange && typeof e.propertyValue !== 'string')
      errors.push({ field: at('propertyValue'), message: 'is required for a propertyChange event' });
    if (errors.length > before) return;
    events.push({
      eventId: e.eventId as number,
      subscriptionType: e.subscriptionType as string,
      objectId: e.objectId as number,
      occurredAt: e.occurredAt as number,
      portalId: isId(e.portalId) ? e.portalId : null,
      appId: isId(e.appId) ? e.appId : null,
      propertyName: optText(e.propertyName),
      propertyValue: optText(e.propertyValue),
      changeSource: optText(e.changeSource),
      sourceId: optText(e.sourceId),
    });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, events };
}
