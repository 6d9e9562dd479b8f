/** The kind of a Slack request, as a low-cardinality metrics label. */
export function requestKind(body: Record<string, unknown>): string {
  if (body.type === 'event_callback') return 'event';
  if (typeof body.command === 'string') return 'command';
  if (typeof body.type === 'string') return body.type;
  return 'other';
}
