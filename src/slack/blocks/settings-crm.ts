/**
 * Settings → "Webhooks and CRM" on the admins' Home: the endpoints (host only, never the URL's
 * token or any secret) with Add, Edit, Remove, Send test and Rotate secret; whether HubSpot is
 * connected and its stage mapping (read-only); the endpoint modal and the view that shows a new
 * secret once.
 */
import type { types } from '@slack/bolt';
import type { HubspotConfig } from '../../config/workspace/types.js';
import type { WebhookEndpoint } from '../../config/workspace-schema.js';
import { BATON_EVENT_TYPES } from '../../crm/events.js';
import type { Catalog } from '../../i18n/index.js';
import type { EndpointView } from '../../services/webhooks.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import { type Block, context, header, section } from './common.js';
import { input, option, plain, SETUP_INPUT, type ViewValues } from './setup-common.js';
import { hostOf } from './webhooks.js';

export const CRM_ADD_ACTION = 'crm_webhook_add';
export const CRM_MENU_ACTION = 'crm_webhook_menu';
export const CRM_WEBHOOK_VIEW = 'crm_webhook';
export const CRM_NAME = 'crm_name';
export const CRM_URL = 'crm_url';
export const CRM_EVENTS = 'crm_events';
export const CRM_ENABLED = 'crm_enabled';

export type CrmMenuChoice = 'edit' | 'test' | 'rotate' | 'remove';
const CHOICES: readonly CrmMenuChoice[] = ['edit', 'test', 'rotate', 'remove'];

/** The overflow's value: `<choice>:<endpoint name>` (names are slugs, so the colon is unambiguous). */
export function readMenuValue(value: string | undefined): { choice: CrmMenuChoice; name: string } | null {
  const at = (value ?? '').indexOf(':');
  if (at < 0) return null;
  const choice = value!.slice(0, at) as CrmMenuChoice;
  return CHOICES.includes(choice) ? { choice, name: value!.slice(at + 1) } : null;
}

export interface CrmSettings {
  endpoints: EndpointView[];
  /** The file manages `webhooks`: listed read-only, only Send test offered. */
  managed: boolean;
  /** The HubSpot mapping when HUBSPOT_TOKEN is set, else null. */
  hubspot: HubspotConfig | null;
}

export function crmSettingsBlocks(t: Catalog, s: CrmSettings): Block[] {
  const c = t.crmSettings;
  const blocks: Block[] = [header(c.title), context(s.managed ? c.managed : c.intro)];
  if (s.endpoints.length === 0) blocks.push(section(c.none));
  for (const v of s.endpoints) {
    const e = v.endpoint;
    const events = e.events === '*' ? c.allEvents : e.events.join(', ');
    const state = v.paused ? c.paused : e.enabled ? c.enabled : c.disabled;
    const choices: CrmMenuChoice[] = s.managed
      ? ['test']
      : e.secretEnv === null
        ? ['edit', 'test', 'rotate', 'remove']
        : ['edit', 'test', 'remove'];
    blocks.push({
      ...section(c.line(escapeMrkdwn(e.name), `\`${escapeMrkdwn(hostOf(e.url))}\``, events, state)),
      block_id: `crm_endpoint_${e.name}`,
      accessory: {
        type: 'overflow',
        action_id: CRM_MENU_ACTION,
        options: choices.map((choice) => option(menuLabel(t, choice), `${choice}:${e.name}`)),
      },
    } as Block);
  }
  if (!s.managed)
    blocks.push({
      type: 'actions',
      block_id: 'crm_actions',
      elements: [{ type: 'button', action_id: CRM_ADD_ACTION, text: plain(c.add), value: 'add' }],
    });
  blocks.push(section(s.hubspot ? c.hubspotOn(mappingText(t, s.hubspot)) : c.hubspotOff));
  return blocks;
}

function menuLabel(t: Catalog, choice: CrmMenuChoice): string {
  const c = t.crmSettings;
  return { edit: c.edit, test: c.sendTest, rotate: c.rotate, remove: c.remove }[choice];
}

function mappingText(t: Catalog, hubspot: HubspotConfig): string {
  const pairs = Object.entries(hubspot.lifecycleStages).map(
    ([stage, value]) => `${escapeMrkdwn(stage)} → \`${escapeMrkdwn(value)}\``,
  );
  return pairs.length > 0 ? pairs.join(', ') : t.crmSettings.noMapping;
}

/** Add (endpoint null) or edit; the private metadata names the endpoint edited ('' when adding). */
export function webhookModal(t: Catalog, endpoint: WebhookEndpoint | null): types.ModalView {
  const c = t.crmSettings;
  const options = BATON_EVENT_TYPES.map((type) => option(type, type));
  const chosen =
    endpoint && endpoint.events !== '*'
      ? options.filter((o) => endpoint.events.includes(o.value as never))
      : [];
  const active = option(c.active, 'on');
  const blocks: Block[] = [
    ...(endpoint
      ? [section(`*${escapeMrkdwn(endpoint.name)}*`)]
      : [
          input(
            CRM_NAME,
            c.name,
            { type: 'plain_text_input', action_id: SETUP_INPUT, max_length: 40 },
            {
              hint: c.nameHint,
            },
          ),
        ]),
    input(
      CRM_URL,
      c.url,
      {
        type: 'url_text_input',
        action_id: SETUP_INPUT,
        ...(endpoint ? { initial_value: endpoint.url } : {}),
      } as types.InputBlock['element'],
      { hint: c.urlHint },
    ),
    input(
      CRM_EVENTS,
      c.events,
      {
        type: 'multi_static_select',
        action_id: SETUP_INPUT,
        options,
        ...(chosen.length > 0 ? { initial_options: chosen } : {}),
      },
      { optional: true, hint: c.eventsHint },
    ),
    input(
      CRM_ENABLED,
      c.active,
      {
        type: 'checkboxes',
        action_id: SETUP_INPUT,
        options: [active],
        ...(endpoint && !endpoint.enabled ? {} : { initial_options: [active] }),
      },
      { optional: true },
    ),
  ];
  return {
    type: 'modal',
    callback_id: CRM_WEBHOOK_VIEW,
    private_metadata: endpoint?.name ?? '',
    title: plain(endpoint ? c.modalEdit : c.modalAdd),
    submit: plain(t.admin.modal.save),
    close: plain(t.admin.modal.cancel),
    blocks,
  };
}

export interface WebhookModalValues {
  name: string | null;
  url: string;
  events: string[];
  enabled: boolean;
}

export function readWebhookModal(values: ViewValues): WebhookModalValues {
  const get = (block: string) => values[block]?.[SETUP_INPUT];
  return {
    name: get(CRM_NAME)?.value?.trim() || null,
    url: get(CRM_URL)?.value?.trim() ?? '',
    events: (get(CRM_EVENTS)?.selected_options ?? []).map((o) => o.value),
    enabled: (get(CRM_ENABLED)?.selected_options ?? []).some((o) => o.value === 'on'),
  };
}

/** Shown once, to the admin who added the endpoint or rotated its secret; never stored elsewhere. */
export function secretView(t: Catalog, name: string, secret: string): types.ModalView {
  const c = t.crmSettings;
  return {
    type: 'modal',
    title: plain(c.secretTitle),
    close: plain(c.done),
    blocks: [section(c.secretOnce(escapeMrkdwn(name))), section(`\`\`\`${secret}\`\`\``), context(c.scheme)],
  };
}

/** Which field a config problem about the webhooks section is under. */
export function crmFieldFor(path: readonly (string | number)[], adding: boolean): string {
  const key = path[2];
  if (key === 'name') return adding ? CRM_NAME : CRM_URL;
  if (key === 'events') return CRM_EVENTS;
  if (key === 'enabled') return CRM_ENABLED;
  return CRM_URL;
}
