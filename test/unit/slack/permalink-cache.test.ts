import type { WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import type { LeadRow } from '../../../src/db/queries/leads.js';
import { createLogger } from '../../../src/observability/logger.js';
import { CardLinkCache } from '../../../src/slack/permalink-cache.js';

const logger = createLogger('error', {}, () => {});

const card = (id: number, ts = `1700000000.00010${id}`) =>
  ({ id, cardChannel: 'C0LEADS', cardTs: ts }) as LeadRow;

/** A Web API client whose chat.getPermalink answers after `delayMs`, or fails for the given ts. */
function fakeClient(opts: { delayMs?: number; failTs?: string } = {}) {
  const asked: string[] = [];
  const client = {
    chat: {
      getPermalink: async ({ channel, message_ts }: { channel: string; message_ts: string }) => {
        asked.push(message_ts);
        await new Promise((resolve) => setTimeout(resolve, opts.delayMs ?? 0));
        if (message_ts === opts.failTs) throw new Error('message_not_found');
        return {
          ok: true,
          permalink: `https://acme.slack.com/archives/${channel}/p${message_ts.replace('.', '')}`,
        };
      },
    },
  };
  return { client: client as unknown as WebClient, asked };
}

describe('CardLinkCache', () => {
  it('asks Slack once per card and answers later opens from memory', async () => {
    const cache = new CardLinkCache();
    const { client, asked } = fakeClient();
    const first = await cache.links(client, [card(1), card(2)], logger);
    expect(first).toEqual(
      new Map([
        [1, 'https://acme.slack.com/archives/C0LEADS/p1700000000000101'],
        [2, 'https://acme.slack.com/archives/C0LEADS/p1700000000000102'],
      ]),
    );
    const again = await cache.links(client, [card(2), card(3)], logger);
    expect([...again.keys()]).toEqual([2, 3]);
    expect(asked).toEqual(['1700000000.000101', '1700000000.000102', '1700000000.000103']);
  });

  it('leaves out leads without a card, and asks again for a link Slack would not give', async () => {
    const cache = new CardLinkCache();
    const { client, asked } = fakeClient({ failTs: '1700000000.000101' });
    const noCard = { id: 9, cardChannel: null, cardTs: null } as LeadRow;
    expect(await cache.links(client, [card(1), noCard], logger)).toEqual(new Map());
    await cache.links(client, [card(1)], logger);
    expect(asked).toEqual(['1700000000.000101', '1700000000.000101']);
  });

  it('publishes without links Slack is slow to give, and has them for the next open', async () => {
    const cache = new CardLinkCache();
    const { client } = fakeClient({ delayMs: 200 });
    const started = performance.now();
    expect(await cache.links(client, [card(1)], logger, 20)).toEqual(new Map());
    expect(performance.now() - started).toBeLessThan(150);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect([...(await cache.links(client, [card(1)], logger, 20)).keys()]).toEqual([1]);
  });

  it('forgets the oldest links past its size', async () => {
    const cache = new CardLinkCache(2);
    const { client, asked } = fakeClient();
    await cache.links(client, [card(1), card(2)], logger);
    await cache.links(client, [card(3)], logger);
    await cache.links(client, [card(2), card(3), card(1)], logger);
    // 1 was the oldest when 3 came in, so only 1 is asked for again.
    expect(asked.slice(3)).toEqual(['1700000000.000101']);
  });
});
