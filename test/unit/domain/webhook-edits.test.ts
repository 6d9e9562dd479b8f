import { describe, expect, it } from 'vitest';
import { addWebhook, editWebhook, hasEndpoint, removeWebhook } from '../../../src/domain/webhook-edits.js';

const FORM = { url: 'https://hooks.example/in', events: [] as string[], enabled: true };

describe('webhook edits from Settings', () => {
  it('adds an endpoint signed with a stored secret, after the ones already there', () => {
    const doc: Record<string, unknown> = {
      webhooks: [{ name: 'file', url: 'https://a.example/', events: '*', secret_env: 'A_SECRET' }],
    };
    addWebhook(doc, 'zap', { ...FORM, events: ['lead.created', 'lead.created'] });
    expect(doc.webhooks).toEqual([
      { name: 'file', url: 'https://a.example/', events: '*', secret_env: 'A_SECRET' },
      {
        name: 'zap',
        url: 'https://hooks.example/in',
        events: ['lead.created'],
        enabled: true,
        secret: 'stored',
      },
    ]);
    expect(hasEndpoint(doc, 'zap')).toBe(true);
    expect(hasEndpoint({}, 'zap')).toBe(false);
  });

  it("edits URL, events and enabled, keeping the endpoint's name and secret setting", () => {
    const doc: Record<string, unknown> = {
      webhooks: [
        { name: 'file', url: 'https://a.example/', events: ['lead.created'], secret_env: 'A_SECRET' },
      ],
    };
    expect(editWebhook(doc, 'file', { ...FORM, enabled: false })).toBe(true);
    expect(doc.webhooks).toEqual([
      { name: 'file', url: 'https://hooks.example/in', events: '*', enabled: false, secret_env: 'A_SECRET' },
    ]);
    expect(editWebhook(doc, 'gone', FORM)).toBe(false);
  });

  it('removes only the named endpoint, and says when there was none', () => {
    const doc: Record<string, unknown> = { webhooks: [{ name: 'a' }, { name: 'b' }] };
    expect(removeWebhook(doc, 'a')).toBe(true);
    expect(doc.webhooks).toEqual([{ name: 'b' }]);
    expect(removeWebhook(doc, 'a')).toBe(false);
  });
});
