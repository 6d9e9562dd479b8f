/**
 * What the Settings section "Webhooks and CRM" writes into the YAML-shaped config document (pure).
 * An endpoint added there signs with a secret Baton stored (`secret: stored`); an edit keeps the
 * endpoint's name and its secret setting, whatever they are.
 */
type Doc = Record<string, unknown>;
type Endpoint = Record<string, unknown> & { name?: unknown };

export interface WebhookForm {
  url: string;
  /** Empty: every event type ('*'). */
  events: string[];
  enabled: boolean;
}

const endpoints = (doc: Doc): Endpoint[] =>
  (Array.isArray(doc.webhooks) ? structuredClone(doc.webhooks) : []) as Endpoint[];

const fields = (form: WebhookForm) => ({
  url: form.url,
  events: form.events.length > 0 ? [...new Set(form.events)] : '*',
  enabled: form.enabled,
});

export const hasEndpoint = (doc: Doc, name: string) => endpoints(doc).some((e) => e.name === name);

export function addWebhook(doc: Doc, name: string, form: WebhookForm): void {
  doc.webhooks = [...endpoints(doc), { name, ...fields(form), secret: 'stored' }];
}

/** False when no endpoint has that name any more. */
export function editWebhook(doc: Doc, name: string, form: WebhookForm): boolean {
  const list = endpoints(doc);
  const at = list.findIndex((e) => e.name === name);
  if (at < 0) return false;
  list[at] = { ...list[at], ...fields(form) };
  doc.webhooks = list;
  return true;
}

export function removeWebhook(doc: Doc, name: string): boolean {
  const list = endpoints(doc);
  const kept = list.filter((e) => e.name !== name);
  if (kept.length === list.length) return false;
  doc.webhooks = kept;
  return true;
}
