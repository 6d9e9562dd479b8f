import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, missing } from '../api-error.js';
import { sendText, uploadedBytes } from '../http.js';
import type { SlackState } from '../state.js';
import type { FakeFile, SlackArgs, SlackObject } from '../types.js';
import { isObject, str } from '../values.js';
import type { MethodTable } from './method.js';

function getUploadUrl(state: SlackState, args: SlackArgs): SlackObject {
  const filename = str(args.filename);
  if (!filename) throw missing('filename');
  const length = Number(args.length);
  if (!Number.isInteger(length) || length <= 0) throw new ApiError('missing_argument');
  const id = state.id('F');
  state.files.set(id, {
    id,
    filename,
    title: filename,
    length,
    altText: str(args.alt_txt),
    snippetType: str(args.snippet_type),
    completed: false,
    shares: [],
  });
  return { upload_url: `${state.workspace.baseUrl}/upload/v1/${id}`, file_id: id };
}

/** POST to an upload URL from files.getUploadURLExternal. */
export async function receiveUpload(
  state: SlackState,
  id: string,
  req: IncomingMessage,
  raw: Buffer,
  res: ServerResponse,
): Promise<void> {
  const file = state.files.get(id);
  if (!file) return sendText(res, 404, 'file_not_found');
  file.bytes = await uploadedBytes(String(req.headers['content-type'] ?? ''), raw);
  sendText(res, 200, `OK - ${file.bytes.length}`);
}

/**
 * A file a person uploaded in Slack (e.g. picked in a modal's file input): stored as uploaded and
 * returned as Slack describes it in a view's state or a file_shared event.
 */
export function userFile(state: SlackState, userId: string, filename: string, bytes: Buffer): SlackObject {
  const id = state.id('F');
  const file: FakeFile = {
    id,
    filename,
    title: filename,
    length: bytes.length,
    bytes,
    completed: true,
    shares: [],
    userId,
  };
  state.files.set(id, file);
  return fileJson(state, file);
}

/**
 * GET of a file's url_private. Like Slack, a person's file needs the bot token in Authorization
 * (without it Slack answers its sign-in page, not the file).
 */
export function serveFile(
  state: SlackState,
  id: string,
  req: IncomingMessage,
  res: ServerResponse,
  /** The only bot token accepted; otherwise any `xoxb-` token, as for API calls. */
  acceptedToken: string | undefined,
): void {
  const file = state.files.get(id);
  const token = /^Bearer (\S+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
  const authed = token !== undefined && (acceptedToken ? token === acceptedToken : token.startsWith('xoxb-'));
  if (file?.userId !== undefined && !authed) {
    res.writeHead(302, {
      location: `https://${state.workspace.teamDomain}.slack.com/?redir=%2Ffiles-pri%2F${id}`,
    });
    res.end();
    return;
  }
  const bytes = file?.bytes;
  if (!bytes) {
    sendText(res, 404, 'file_not_found');
    return;
  }
  res.writeHead(200, { 'content-type': 'application/octet-stream' });
  res.end(bytes);
}

function completeUpload(state: SlackState, args: SlackArgs): SlackObject {
  const entries = Array.isArray(args.files) ? args.files.filter(isObject) : [];
  if (entries.length === 0) throw missing('files');
  const files = entries.map((entry) => {
    const file = state.files.get(str(entry.id) ?? '');
    if (!file?.bytes) throw new ApiError('file_not_found');
    return { file, title: str(entry.title) };
  });
  const targets = [str(args.channel_id), ...(str(args.channels)?.split(',') ?? [])]
    .map((c) => c?.trim())
    .filter((c): c is string => Boolean(c))
    .map((c) => state.conversation(c, { allowUser: true }));
  const threadTs = str(args.thread_ts);
  const initialComment = str(args.initial_comment);
  for (const { file, title } of files) {
    file.completed = true;
    if (title) file.title = title;
  }
  // Sharing posts one message, from the uploader, carrying the files.
  for (const channel of targets) {
    const message = state.botMessage({
      text: initialComment ?? '',
      upload: true,
      display_as_bot: false,
      files: files.map(({ file }) => fileJson(state, file)),
      ...(threadTs ? { thread_ts: threadTs } : {}),
      ...(!initialComment && Array.isArray(args.blocks) ? { blocks: args.blocks } : {}),
    });
    state.store(channel, message);
    for (const { file } of files) {
      file.shares.push({ channel, ts: message.ts, threadTs, initialComment });
    }
  }
  return { files: files.map(({ file }) => ({ id: file.id, title: file.title })) };
}

function fileJson(state: SlackState, file: FakeFile): SlackObject {
  const { baseUrl, botUserId, teamDomain } = state.workspace;
  const url = `${baseUrl}/files/${file.id}/${encodeURIComponent(file.filename)}`;
  return {
    id: file.id,
    name: file.filename,
    title: file.title,
    mimetype: mimeType(file.filename),
    filetype: file.filename.split('.').at(-1) ?? 'binary',
    user: file.userId ?? botUserId,
    size: file.bytes?.length ?? file.length,
    url_private: url,
    url_private_download: url,
    permalink: `https://${teamDomain}.slack.com/files/${file.userId ?? botUserId}/${file.id}/${file.filename}`,
    ...(file.altText ? { alt_txt: file.altText } : {}),
  };
}

function mimeType(filename: string): string {
  const ext = filename.split('.').at(-1)?.toLowerCase() ?? '';
  const types: Record<string, string> = {
    csv: 'text/csv',
    txt: 'text/plain',
    json: 'application/json',
    pdf: 'application/pdf',
    png: 'image/png',
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
  };
  return types[ext] ?? 'application/octet-stream';
}

export const filesMethods: MethodTable = {
  'files.getUploadURLExternal': getUploadUrl,
  'files.completeUploadExternal': completeUpload,
};
