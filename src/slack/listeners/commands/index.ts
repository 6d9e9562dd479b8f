import type { App } from '@slack/bolt';
import type { AppContext } from '../../../context.js';
import { batonCommand } from './baton-command.js';
import { funnelCommand } from './funnel-command.js';
import { leadCommand } from './lead-command.js';
import { slaCommand } from './sla-command.js';
import { vocCommand } from './voc-command.js';

export function registerCommands(app: App, ctx: AppContext): void {
  app.command('/baton', batonCommand(ctx));
  app.command('/lead', leadCommand(ctx));
  app.command('/sla', slaCommand(ctx));
  app.command('/funnel', funnelCommand(ctx));
  app.command('/voc', vocCommand(ctx));
}
