/** `/baton config history`: recent versions, who made them, how, and what changed in words. */
import type { ConfigVersionSummary } from '../../admin/config-service.js';
import type { SettingChange } from '../../domain/config-diff.js';
import type { Catalog } from '../../i18n/index.js';
import { mention, slackDate } from '../mrkdwn.js';
import { type Block, header, section } from './common.js';
import { escapedWithin } from './fit.js';

/** Lines of changes shown per version; a section holds 3000 characters. */
const CHANGES_SHOWN = 8;
/** A value longer than this is cut: a whole roster entry is readable, a whole stage list is not. */
const VALUE_CHARS = 80;

/** A setting's value as one short line of mrkdwn-safe text. */
export function valueText(t: Catalog, value: unknown): string {
  if (value === null || value === undefined) return t.config.notSet;
  const json = typeof value === 'string' ? value : JSON.stringify(value);
  // Cut once escaped: a value of `&`s is five times longer in mrkdwn.
  return `\`${escapedWithin(json.replace(/`/g, "'"), VALUE_CHARS)}\``;
}

const ROSTER_ENTRY = /^roster\[([UW][A-Z0-9]+)\]$/;

/** One change in words: a person added or removed, or a setting from → to. */
export function changeText(t: Catalog, change: SettingChange): string {
  const member = ROSTER_ENTRY.exec(change.path)?.[1];
  if (member && change.before === null) return t.config.memberAdded(mention(member));
  if (member && change.after === null) return t.config.memberRemoved(mention(member));
  return t.config.changed(
    escapedWithin(change.path.replace(/`/g, "'"), VALUE_CHARS),
    valueText(t, change.before),
    valueText(t, change.after),
  );
}

function versionText(t: Catalog, v: ConfigVersionSummary): string {
  const who = v.actorId ? mention(v.actorId) : escapedWithin(v.source ?? t.config.byFile, VALUE_CHARS);
  const restoredFrom = v.via === 'restore' ? /^version (\d+)$/.exec(v.source ?? '')?.[1] : undefined;
  const how = restoredFrom ? t.config.restoredFrom(Number(restoredFrom)) : t.config.via[v.via];
  const lines = [t.config.versionLine(v.version, who, how, slackDate(v.createdAt))];
  const shown = v.changes.slice(0, CHANGES_SHOWN).map((c) => `• ${changeText(t, c)}`);
  lines.push(...(shown.length > 0 ? shown : [t.config.noChanges]));
  if (v.changes.length > CHANGES_SHOWN) lines.push(t.config.more(v.changes.length - CHANGES_SHOWN));
  return lines.join('\n');
}

export function configHistoryBlocks(t: Catalog, versions: readonly ConfigVersionSummary[]): Block[] {
  if (versions.length === 0) return [section(t.config.historyEmpty)];
  return [header(t.config.historyTitle), ...versions.map((v) => section(versionText(t, v)))];
}
