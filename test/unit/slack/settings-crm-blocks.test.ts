import { describe, expect, it } from 'vitest';
import type { HubspotConfig } from '../../../src/config/workspace/types.js';
import { messages } from '../../../src/i18n/index.js';
import type { EndpointView } from '../../../src/services/webhooks.js';
import { crmSettingsBlocks, readMenuValue } from '../../../src/slack/blocks/settings-crm.js';

const en = messages('en');
const ko = messages('ko');

const view = (over: Partial<EndpointView['endpoint']> = {}, paused = false): EndpointView => ({
  endpoint: {
    name: 'zap',
    url: 'https://hooks.zapier.com/hooks/catch/123/TOKEN/',
    events: ['lead.created', 'lead.assigned'],
    secretEnv: null,
    enabled: true,
    ...over,
  },
  state: null,
  pending: 0,
  paused: paused ? { kind: 'failures', count: 10, lastError: 'http_500' } : null,
});

const menuOf = (blocks: unknown[], name: string) =>
  (blocks as { block_id?: string; accessory?: { options: { value: string }[] } }[])
    .find((b) => b.block_id === `crm_endpoint_${name}`)
    ?.accessory?.options.map((o) => o.value);

describe('Settings → Webhooks and CRM blocks', () => {
  it('shows host, events and state, never the URL path that holds the token', () => {
    const blocks = crmSettingsBlocks(en, {
      endpoints: [view(), view({ name: 'n8n', events: '*', enabled: false })],
      managed: false,
      hubspot: null,
    });
    const text = JSON.stringify(blocks);
    expect(text).toContain('*zap* · `hooks.zapier.com` · lead.created, lead.assigned · enabled');
    expect(text).toContain('*n8n* · `hooks.zapier.com` · all events · disabled');
    expect(text).not.toContain('catch/123');
    expect(menuOf(blocks, 'zap')).toEqual(['edit:zap', 'test:zap', 'rotate:zap', 'remove:zap']);
    expect(text).toContain('crm_webhook_add');
    expect(text).toContain(JSON.stringify(en.crmSettings.hubspotOff).slice(1, -1));
  });

  it('offers no rotation for an env secret, and only Send test when the file manages webhooks', () => {
    const envBlocks = crmSettingsBlocks(en, {
      endpoints: [view({ secretEnv: 'ZAP_SECRET' }, true)],
      managed: false,
      hubspot: null,
    });
    expect(menuOf(envBlocks, 'zap')).toEqual(['edit:zap', 'test:zap', 'remove:zap']);
    expect(JSON.stringify(envBlocks)).toContain('paused');
    const managed = crmSettingsBlocks(ko, { endpoints: [view()], managed: true, hubspot: null });
    expect(menuOf(managed, 'zap')).toEqual(['test:zap']);
    expect(JSON.stringify(managed)).not.toContain('crm_webhook_add');
    expect(JSON.stringify(managed)).toContain(ko.crmSettings.managed);
  });

  it('shows the HubSpot lifecycle mapping, escaped', () => {
    const hubspot = {
      lifecycleStages: { SQL: 'salesqualifiedlead', 'a<b': 'x&y' },
    } as unknown as HubspotConfig;
    const text = JSON.stringify(crmSettingsBlocks(en, { endpoints: [], managed: false, hubspot }));
    expect(text).toContain('SQL → `salesqualifiedlead`, a&lt;b → `x&amp;y`');
    expect(text).toContain(en.crmSettings.none);
  });

  it('reads the menu value, refusing what it does not know', () => {
    expect(readMenuValue('rotate:zap')).toEqual({ choice: 'rotate', name: 'zap' });
    expect(readMenuValue('drop:zap')).toBeNull();
    expect(readMenuValue('zap')).toBeNull();
    expect(readMenuValue(undefined)).toBeNull();
  });
});
