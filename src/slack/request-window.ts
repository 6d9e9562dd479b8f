import type { HTTPReceiver } from '@slack/bolt';
import { isWithinWindow } from '../domain/request-window.js';
import type { Logger } from '../observability/logger.js';

/**
 * Makes Bolt's HTTP receiver refuse Slack requests stamped more than 5 minutes from our clock in
 * EITHER direction with 401 (Bolt 5.1 refuses only stale ones, so a request stamped 10 minutes
 * ahead got through). The check runs before Bolt reads the body; Bolt's own signature and
 * staleness check stays in place after it. Requests without a numeric stamp are left to Bolt (it
 * refuses them, or passes Slack's unsigned ssl_check).
 */
export function enforceRequestWindow(
  receiver: HTTPReceiver,
  logger: Logger,
  options: { endpoints?: readonly string[]; now?: () => number } = {},
): HTTPReceiver {
  const endpoints = new Set(options.endpoints ?? ['/slack/events']);
  // Bolt compares with the wall clock (Date.now), so the future side must too.
  const now = options.now ?? Date.now;
  const boltListener = receiver.requestListener;
  receiver.requestListener = (req, res) => {
    const header = req.headers['x-slack-request-timestamp'];
    const stamp = Number(Array.isArray(header) ? header[0] : header);
    const path = (req.url ?? '/').split('?')[0]!;
    if (endpoints.has(path) && Number.isFinite(stamp) && !isWithinWindow(stamp, now())) {
      logger.warn('refused a Slack request stamped outside the 5-minute window', {
        skew_seconds: Math.round(stamp - now() / 1000),
      });
      // Drain the body so the connection can be reused, and answer as Bolt does for stale ones.
      req.resume();
      res.writeHead(401);
      res.end();
      return;
    }
    return boltListener(req, res);
  };
  return receiver;
}
