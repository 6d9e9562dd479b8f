/** The lead id a modal carries in its private_metadata (`{"lead": 42}`), if any. */
export function leadIdFrom(privateMetadata: string | undefined): number | undefined {
  try {
    const lead = (JSON.parse(privateMetadata || '{}') as { lead?: unknown }).lead;
    return typeof lead === 'number' && Number.isSafeInteger(lead) && lead > 0 ? lead : undefined;
  } catch {
    return undefined;
  }
}
