/** Downloading a file a person shared with Baton (url_private needs the bot token). */

export type Download = { ok: true; bytes: Buffer } | { ok: false; reason: 'unreachable' | 'too_large' };

export async function downloadSlackFile(url: string, token: string, limit: number): Promise<Download> {
  let res: Response;
  try {
    // Slack answers an unauthenticated request with its sign-in page: never follow a redirect.
    res = await fetch(url, { headers: { authorization: `Bearer ${token}` }, redirect: 'manual' });
  } catch {
    return { ok: false, reason: 'unreachable' };
  }
  if (res.status !== 200 || !res.body) return { ok: false, reason: 'unreachable' };
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) return { ok: false, reason: 'too_large' };
  const bytes = Buffer.from(await res.arrayBuffer());
  return bytes.length > limit ? { ok: false, reason: 'too_large' } : { ok: true, bytes };
}
