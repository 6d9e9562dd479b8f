import type { WebClient } from '@slack/web-api';

/** A file to share: its bytes and how Slack should name and describe it. */
export interface UploadFile {
  filename: string;
  bytes: Buffer;
  title?: string;
  /** Screen-reader description of an image (Slack allows 1,000 characters). */
  altText?: string;
}

export interface UploadTarget {
  channel: string;
  /** A message posted with the files (mrkdwn; escape user text). */
  comment?: string;
  /** Share into this message's thread instead of the channel. */
  threadTs?: string;
}

/** Slack's error code for a failed call (`not_in_channel`…), or a short code for transport failures. */
export function slackErrorCode(error: unknown): string {
  const e = error as { code?: string; data?: { error?: string }; statusCode?: number };
  if (e?.data?.error) return e.data.error;
  if (e?.statusCode) return `http_${e.statusCode}`;
  return e?.code === 'slack_webapi_request_error' ? 'network' : 'upload_failed';
}

/** Errors that mean Baton may not post in that conversation, so the person's DM is the place. */
export const CANNOT_POST_HERE = new Set(['not_in_channel', 'channel_not_found', 'is_archived']);

/**
 * Shares files in one message through Slack's external upload flow (files.getUploadURLExternal,
 * a POST of the bytes, files.completeUploadExternal). Throws the Web API error on failure.
 */
export async function uploadFiles(
  client: WebClient,
  target: UploadTarget,
  files: UploadFile[],
): Promise<void> {
  await client.files.uploadV2({
    channel_id: target.channel,
    ...(target.comment ? { initial_comment: target.comment } : {}),
    ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
    file_uploads: files.map((f) => ({
      file: f.bytes,
      filename: f.filename,
      ...(f.title ? { title: f.title } : {}),
      ...(f.altText ? { alt_text: f.altText.slice(0, 1000) } : {}),
    })),
  });
}

/** The id of Baton's DM with a person (conversations.open is idempotent). */
export async function openDm(client: WebClient, userId: string): Promise<string> {
  const opened = await client.conversations.open({ users: userId });
  const id = opened.channel?.id;
  if (!id) throw new Error('conversations.open returned no channel');
  return id;
}

export type Delivery = { where: 'channel' } | { where: 'dm'; because: string };

/**
 * Shares files in `channel`; when Baton cannot post there (not invited, a DM between other
 * people, archived), sends them to `userId`'s DM instead and says why. Other errors are thrown.
 */
export async function uploadHereOrDm(
  client: WebClient,
  target: UploadTarget & { userId: string },
  files: UploadFile[],
): Promise<Delivery> {
  try {
    await uploadFiles(client, target, files);
    return { where: 'channel' };
  } catch (error) {
    const code = slackErrorCode(error);
    if (!CANNOT_POST_HERE.has(code)) throw error;
    const dm = await openDm(client, target.userId);
    await uploadFiles(client, { ...target, channel: dm }, files);
    return { where: 'dm', because: code };
  }
}
