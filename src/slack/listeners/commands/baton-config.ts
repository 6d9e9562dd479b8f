/**
 * `/baton config history | restore <version> | export`: the configuration's versions. Restore and
 * export are for admins (BATON_ADMINS, else Slack's owners and admins, else the roster's admin
 * role: src/admin/admins.ts): restore changes every setting; export holds the whole roster.
 */
import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { ConfigChangeResult } from '../../../admin/config-service.js';
import { problemLine } from '../../../config/workspace.js';
import type { WorkspaceConfig } from '../../../config/workspace-schema.js';
import type { AppContext } from '../../../context.js';
import type { Catalog } from '../../../i18n/index.js';
import { configHistoryBlocks } from '../../blocks/config-history.js';
import { openDm, slackErrorCode, uploadFiles } from '../../file-upload.js';
import { escapeMrkdwn } from '../../mrkdwn.js';

export interface ConfigRequest {
  arg: string;
  teamId: string;
  userId: string;
  config: WorkspaceConfig;
}

const HISTORY_SHOWN = 10;

export async function answerConfig(
  ctx: AppContext,
  t: Catalog,
  req: ConfigRequest,
  respond: RespondFn,
  client: WebClient,
): Promise<void> {
  const reply = (text: string) => respond({ response_type: 'ephemeral', text });
  const [word = '', version = ''] = req.arg.trim().split(/\s+/);
  switch (word.toLowerCase()) {
    case 'history': {
      const versions = await ctx.services.config.history(req.teamId, HISTORY_SHOWN);
      await respond({
        response_type: 'ephemeral',
        text: t.config.historyTitle,
        blocks: configHistoryBlocks(t, versions),
      });
      return;
    }
    case 'restore': {
      if (!(await ctx.services.admins.isAdmin(req.teamId, req.userId)))
        return void (await reply(t.config.adminsOnly));
      if (!/^\d{1,9}$/.test(version)) return void (await reply(t.config.restoreUsage));
      const n = Number(version);
      const result = await ctx.services.config.restore(req.teamId, n, req.userId);
      await reply(restoreText(t, n, result));
      return;
    }
    case 'export':
      if (!(await ctx.services.admins.isAdmin(req.teamId, req.userId)))
        return void (await reply(t.config.adminsOnly));
      await reply(await exportToDm(ctx, t, req, client));
      return;
    default:
      await reply(t.config.usage);
  }
}

function restoreText(t: Catalog, version: number, result: ConfigChangeResult): string {
  if (result.ok) return t.config.restored(version, result.version, result.changes.length);
  switch (result.reason) {
    case 'unchanged':
      return t.config.restoreUnchanged(version);
    case 'managed_by_file':
      return t.config.managedInFile(result.keys.map((k) => `\`${escapeMrkdwn(k)}\``).join(', '));
    case 'invalid':
      // A version that never existed comes back as a problem with no key path.
      if (result.problems.length === 1 && result.problems[0]!.path.length === 0) {
        return t.config.noSuchVersion(version);
      }
      return t.config.invalid(result.problems.map((p) => `• ${escapeMrkdwn(problemLine(p))}`).join('\n'));
  }
}

async function exportToDm(
  ctx: AppContext,
  t: Catalog,
  req: ConfigRequest,
  client: WebClient,
): Promise<string> {
  const version = ctx.services.config.version(req.teamId);
  if (version === null) return t.config.exportEmpty;
  const yaml = ctx.services.config.exportYaml(req.teamId);
  try {
    const dm = await openDm(client, req.userId);
    await uploadFiles(client, { channel: dm, comment: t.config.exportComment(version) }, [
      { filename: `baton-config-v${version}.yaml`, bytes: Buffer.from(yaml, 'utf8'), title: 'baton.yaml' },
    ]);
  } catch (error) {
    ctx.logger.warn('/baton config export upload failed', { error, team_id: req.teamId });
    return t.config.exportDmFailed(slackErrorCode(error));
  }
  return t.config.exportSent(version);
}
