import type { App } from '@slack/bolt';
import type { AppContext } from '../../context.js';
import { registerActions } from './actions/index.js';
import { registerCommands } from './commands/index.js';
import { registerEvents } from './events/index.js';
import { registerOptions } from './options/index.js';
import { registerShortcuts } from './shortcuts/index.js';
import { registerViews } from './views/index.js';

/** One folder per Slack surface, each registering its own listeners (as in Slack's starter template). */
export function registerListeners(app: App, ctx: AppContext): void {
  registerActions(app, ctx);
  registerCommands(app, ctx);
  registerEvents(app, ctx);
  registerOptions(app, ctx);
  registerShortcuts(app, ctx);
  registerViews(app, ctx);
}
