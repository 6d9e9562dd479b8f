import type { ServerResponse } from 'node:http';
import type { CustomRoute } from '@slack/bolt';
import type { AppContext } from '../context.js';

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** Operational routes served next to /slack/events. They carry no Slack signature by design. */
export function operationalRoutes(ctx: AppContext, isShuttingDown: () => boolean): CustomRoute[] {
  return [
    {
      path: '/healthz',
      method: 'GET',
      handler: (_req, res) => sendJson(res, 200, { status: 'ok' }),
    },
    {
      path: '/readyz',
      method: 'GET',
      handler: async (_req, res) => {
        if (isShuttingDown()) return sendJson(res, 503, { status: 'shutting_down' });
        try {
          const migrated = await ctx.database.isMigrated();
          sendJson(res, migrated ? 200 : 503, {
            status: migrated ? 'ready' : 'migrations_pending',
            database: ctx.database.kind,
          });
        } catch (error) {
          ctx.logger.warn('readiness check failed', { error });
          sendJson(res, 503, { status: 'database_unreachable', database: ctx.database.kind });
        }
      },
    },
    {
      path: '/metrics',
      method: 'GET',
      handler: async (_req, res) => {
        try {
          const text = await ctx.metrics.registry.render();
          res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
          res.end(text);
        } catch (error) {
          ctx.logger.warn('metrics collection failed', { error });
          sendJson(res, 503, { error: 'metrics_unavailable' });
        }
      },
    },
  ];
}
