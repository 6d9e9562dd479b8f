/** The `/baton webhooks` answer: each endpoint's health with Send test and, when paused, Resume. */
import type { Catalog } from '../../i18n/index.js';
import type { EndpointView } from '../../services/webhooks.js';
import { escapeMrkdwn, slackDate } from '../mrkdwn.js';
import { type Block, header, section } from './common.js';
import { escapedWithin } from './fit.js';
import { packedSections } from './sections.js';

export const WEBHOOK_TEST_ACTION = 'webhook_test';
export const WEBHOOK_RESUME_ACTION = 'webhook_resume';
/** The receiver's error text is not ours: cut, so a page of HTML cannot overflow a section. */
const ERROR_CHARS = 300;

/** Catch-hook URLs carry their token in the path: only the host is shown. */
export const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return '?';
  }
};

export function endpointState(t: Catalog, v: EndpointView): string {
  const w = t.webhooks;
  if (v.paused) return w.paused(w.reason(v.paused));
  if (!v.endpoint.enabled) return w.disabled;
  if (v.state && v.state.failures > 0)
    return w.failures(v.state.failures, escapedWithin(v.state.lastError ?? '?', ERROR_CHARS));
  return v.state?.lastDeliveredAt
    ? w.lastDelivery(slackDate(v.state.lastDeliveredAt), String(v.state.lastStatus ?? ''))
    : w.neverDelivered;
}

export function webhooksMessage(t: Catalog, views: EndpointView[]): { text: string; blocks: Block[] } {
  const w = t.webhooks;
  if (views.length === 0) return { text: w.none, blocks: [section(w.none)] };
  const blocks: Block[] = [header(w.title)];
  for (const v of views.slice(0, 20)) {
    const { name, url, events } = v.endpoint;
    const lines = [
      `*${name}* · \`${escapeMrkdwn(hostOf(url))}\``,
      endpointState(t, v),
      w.events(events === '*' ? w.allEvents : events.join(', ')),
      ...(v.pending > 0 ? [w.pending(v.pending)] : []),
    ];
    blocks.push(section(lines.join('\n')));
    blocks.push({
      type: 'actions',
      block_id: `webhook:${name}`,
      elements: [
        {
          type: 'button',
          action_id: WEBHOOK_TEST_ACTION,
          value: name,
          text: { type: 'plain_text', text: w.sendTest },
        },
        ...(v.paused
          ? [
              {
                type: 'button' as const,
                action_id: WEBHOOK_RESUME_ACTION,
                value: name,
                style: 'primary' as const,
                text: { type: 'plain_text' as const, text: w.resume },
              },
            ]
          : []),
      ],
    });
  }
  return { text: w.title, blocks };
}

/** Admins' Home: endpoints paused or failing now, and why (nothing when all are well). */
export function webhooksHome(t: Catalog, failing: EndpointView[]): Block[] {
  if (failing.length === 0) return [];
  const lines = failing.slice(0, 10).map((v) => t.webhooks.homeLine(v.endpoint.name, endpointState(t, v)));
  return packedSections(`*${t.webhooks.homeTitle}*`, lines);
}
