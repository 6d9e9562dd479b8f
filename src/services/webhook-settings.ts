/**
 * Endpoints added, edited, removed in Settings → "Webhooks and CRM": each change is a config version
 * (ConfigService.change); a secret Baton generates is kept in webhook_secrets, outside the config,
 * and handed back once for the admin to copy.
 */
import { randomBytes } from 'node:crypto';
import type { ConfigActor, ConfigChangeResult, ConfigService } from '../admin/config-service.js';
import type { Database } from '../db/client.js';
import { deleteWebhookSecret, putWebhookSecret } from '../db/queries/webhook-secrets.js';
import {
  addWebhook,
  editWebhook,
  hasEndpoint,
  removeWebhook,
  type WebhookForm,
} from '../domain/webhook-edits.js';

/** 32 random bytes: as strong as the HMAC-SHA256 key it becomes. */
export const generateWebhookSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

export type WebhookSettingResult =
  | { ok: true; secret?: string }
  | { ok: false; reason: 'taken' }
  | { ok: false; reason: 'gone' }
  | { ok: false; reason: 'config'; result: Exclude<ConfigChangeResult, { ok: true }> };

export class WebhookSettings {
  constructor(
    private readonly database: Database,
    private readonly config: ConfigService,
  ) {}

  /**
   * Adds an endpoint signed with a new stored secret. The secret is stored first, so the endpoint
   * never exists without it; a refused change takes it away again.
   */
  async add(
    teamId: string,
    by: ConfigActor,
    name: string,
    form: WebhookForm,
    now: Date,
  ): Promise<WebhookSettingResult> {
    if (hasEndpoint(this.config.document(teamId), name)) return { ok: false, reason: 'taken' };
    const secret = generateWebhookSecret();
    await putWebhookSecret(this.database.db, teamId, name, secret, now);
    let taken = false;
    const result = await this.config.change(teamId, by, (doc) => {
      taken = hasEndpoint(doc, name);
      if (!taken) addWebhook(doc, name, form);
    });
    if (result.ok) return { ok: true, secret };
    if (!taken) await deleteWebhookSecret(this.database.db, teamId, name);
    return taken ? { ok: false, reason: 'taken' } : { ok: false, reason: 'config', result };
  }

  async edit(
    teamId: string,
    by: ConfigActor,
    name: string,
    form: WebhookForm,
  ): Promise<WebhookSettingResult> {
    let found = true;
    const result = await this.config.change(teamId, by, (doc) => {
      found = editWebhook(doc, name, form);
    });
    if (!found) return { ok: false, reason: 'gone' };
    return result.ok || result.reason === 'unchanged'
      ? { ok: true }
      : { ok: false, reason: 'config', result };
  }

  /** Removes the endpoint and its stored secret; its waiting deliveries are no longer sent. */
  async remove(teamId: string, by: ConfigActor, name: string): Promise<WebhookSettingResult> {
    let found = true;
    const result = await this.config.change(teamId, by, (doc) => {
      found = removeWebhook(doc, name);
    });
    if (!found) return { ok: false, reason: 'gone' };
    if (!result.ok) return { ok: false, reason: 'config', result };
    await deleteWebhookSecret(this.database.db, teamId, name);
    return { ok: true };
  }

  /** A new stored secret for an endpoint that signs with one; tries from now on use it. */
  async rotate(teamId: string, name: string, now: Date): Promise<WebhookSettingResult> {
    const endpoint = this.config.document(teamId).webhooks;
    const entry = (Array.isArray(endpoint) ? endpoint : []).find(
      (e) => (e as Record<string, unknown>).name === name,
    ) as Record<string, unknown> | undefined;
    if (entry?.secret !== 'stored') return { ok: false, reason: 'gone' };
    const secret = generateWebhookSecret();
    await putWebhookSecret(this.database.db, teamId, name, secret, now);
    return { ok: true, secret };
  }
}
