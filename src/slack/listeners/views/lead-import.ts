import { createHash } from 'node:crypto';
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { AppContext } from '../../../context.js';
import { importKey, MAX_IMPORT_BYTES, readCsvImport } from '../../../domain/lead-import-file.js';
import { parseLeadField } from '../../../domain/lead-input.js';
import { mayImportLeads } from '../../../domain/roles.js';
import { type Catalog, messages } from '../../../i18n/index.js';
import { workspaceKeyLabels } from '../../blocks/key-labels.js';
import {
  fileProblemText,
  IMPORT_FILE_BLOCK,
  IMPORT_INPUT_ACTION,
  IMPORT_SOURCE_BLOCK,
  importDoneModal,
  importMessageModal,
  importPreviewModal,
} from '../../blocks/lead-import-modal.js';
import { downloadSlackFile } from '../../file-download.js';
import { requestConfig } from '../request-config.js';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

interface SlackFile {
  id: string;
  name: string;
  url: string;
}

/** What the preview carries to "Import": the file to fetch again and the hash it must still have. */
interface PreviewMetadata {
  file: SlackFile;
  sha: string;
  source: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

type Values = Record<
  string,
  Record<string, { value?: string | null; files?: Array<Record<string, unknown>> }>
>;

function pickedFile(values: Values): SlackFile | undefined {
  const file = values[IMPORT_FILE_BLOCK]?.[IMPORT_INPUT_ACTION]?.files?.[0];
  const url = file?.url_private_download ?? file?.url_private;
  if (!file || typeof file.id !== 'string' || typeof url !== 'string') return undefined;
  return { id: file.id, name: String(file.name ?? file.id), url };
}

async function mayImport(ctx: AppContext, teamId: string, userId: string): Promise<boolean> {
  const member = await ctx.services.leadDesk.member(teamId, userId);
  return member !== undefined && member !== null && mayImportLeads(member.roles);
}

/** Downloads and decodes the file; a string is the error to show under the file input. */
async function fetchText(
  t: Catalog,
  file: SlackFile,
  token: string,
): Promise<{ bytes: Buffer; text: string } | string> {
  const download = await downloadSlackFile(file.url, token, MAX_IMPORT_BYTES);
  if (!download.ok)
    return download.reason === 'too_large' ? t.leadImport.tooLarge : t.leadImport.unreadable(file.name);
  try {
    return { bytes: download.bytes, text: utf8.decode(download.bytes) };
  } catch {
    return t.leadImport.notUtf8;
  }
}

/**
 * The pick modal submitted: fetch the CSV, read it as POST /api/leads/bulk would, and answer with
 * the preview (column mapping, each row's qualification). Nothing is stored yet.
 */
export const submitImportPick =
  (ctx: AppContext) =>
  async ({ ack, view, body, context }: Args): Promise<void> => {
    const { teamId, config } = requestConfig(ctx, context, body);
    const t = messages(config.locale);
    const errors = (block: string, text: string) =>
      ack({ response_action: 'errors', errors: { [block]: text } });
    if (!(await mayImport(ctx, teamId, body.user.id)))
      return errors(IMPORT_FILE_BLOCK, t.leadImport.notAllowed);
    const values = view.state.values as Values;
    const file = pickedFile(values);
    if (!file) return errors(IMPORT_FILE_BLOCK, t.leadImport.noFile);
    if (!/\.csv$/i.test(file.name)) return errors(IMPORT_FILE_BLOCK, t.leadImport.notCsv(file.name));
    const typed = values[IMPORT_SOURCE_BLOCK]?.[IMPORT_INPUT_ACTION]?.value?.trim() || 'import';
    const source = parseLeadField('source', typed);
    if (!source.ok || typeof source.value !== 'string')
      return errors(IMPORT_SOURCE_BLOCK, t.leadImport.badSource(typed));
    const fetched = await fetchText(t, file, context.botToken ?? '');
    if (typeof fetched === 'string') return errors(IMPORT_FILE_BLOCK, fetched);
    const read = readCsvImport(fetched.text, { source: source.value });
    if (!read.ok) return errors(IMPORT_FILE_BLOCK, fileProblemText(t, read.problem));
    const metadata: PreviewMetadata = { file, sha: sha256(fetched.bytes), source: source.value };
    const preview = {
      fileName: file.name,
      columns: read.file.columns,
      rows: ctx.services.leadImport.preview(teamId, read.file.rows),
    };
    await ack({
      response_action: 'update',
      view: importPreviewModal(t, workspaceKeyLabels(t, config), preview, JSON.stringify(metadata)),
    });
  };

/** "Import" on the preview: the same file (checked by hash) goes through the bulk import. */
export const submitImportConfirm =
  (ctx: AppContext) =>
  async ({ ack, view, body, context, client }: Args): Promise<void> => {
    const { teamId, config } = requestConfig(ctx, context, body);
    const t = messages(config.locale);
    let metadata: PreviewMetadata;
    try {
      metadata = JSON.parse(view.private_metadata) as PreviewMetadata;
    } catch {
      await ack({ response_action: 'update', view: importMessageModal(t, t.leadImport.changed) });
      return;
    }
    if (!(await mayImport(ctx, teamId, body.user.id))) {
      await ack({ response_action: 'update', view: importMessageModal(t, t.leadImport.notAllowed) });
      return;
    }
    await ack({ response_action: 'update', view: importMessageModal(t, t.leadImport.importing) });
    const show = (modal: ReturnType<typeof importMessageModal>) =>
      client.views.update({ view_id: view.id, view: modal }).catch((error: unknown) => {
        ctx.logger.warn('/lead import: could not show the result', { error });
      });
    try {
      const fetched = await fetchText(t, metadata.file, context.botToken ?? '');
      if (typeof fetched === 'string') return void (await show(importMessageModal(t, fetched)));
      if (sha256(fetched.bytes) !== metadata.sha)
        return void (await show(importMessageModal(t, t.leadImport.changed)));
      const read = readCsvImport(fetched.text, { source: metadata.source });
      if (!read.ok) return void (await show(importMessageModal(t, fileProblemText(t, read.problem))));
      const outcome = await ctx.services.leadImport.run(
        teamId,
        {
          key: importKey(fetched.bytes, metadata.source, null),
          source: metadata.source,
          via: 'slack',
          importedBy: body.user.id,
          rows: read.file.rows,
        },
        ctx.clock.now(),
      );
      ctx.outbox.wake();
      await show(importDoneModal(t, outcome));
    } catch (error) {
      ctx.logger.error('/lead import failed', { error, team_id: teamId });
      await show(importMessageModal(t, t.leadImport.failed));
    }
  };
