import type { WorkspaceConfig } from '../config/workspace-schema.js';

/** A channel the config names, and what it is used for (`leads:smb`, `escalations`, `retro`, `voc:bug`). */
export interface ConfiguredChannel {
  channel: string;
  uses: string[];
}

/** Every channel Baton posts to by config, once each, with all its uses, in config order. */
export function configuredChannels(config: WorkspaceConfig): ConfiguredChannel[] {
  const byChannel = new Map<string, string[]>();
  const add = (channel: string | undefined, use: string) => {
    if (!channel) return;
    const uses = byChannel.get(channel) ?? [];
    if (!uses.includes(use)) uses.push(use);
    byChannel.set(channel, uses);
  };
  for (const segment of config.segments) add(config.channels.leads[segment], `leads:${segment}`);
  add(config.channels.escalations, 'escalations');
  add(config.channels.retro, 'retro');
  for (const [category, channel] of Object.entries(config.channels.voc)) add(channel, `voc:${category}`);
  return [...byChannel].map(([channel, uses]) => ({ channel, uses }));
}

/** The admins on the roster, who are told about channel problems. */
export function adminIds(config: WorkspaceConfig): string[] {
  return config.roster.filter((m) => m.roles.includes('admin')).map((m) => m.user);
}
