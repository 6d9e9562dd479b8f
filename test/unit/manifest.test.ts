import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { App } from '@slack/bolt';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { AppContext } from '../../src/context.js';
import { registerListeners } from '../../src/slack/listeners/index.js';

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

interface Manifest {
  features?: {
    slash_commands?: Array<{ command: string }>;
    shortcuts?: Array<{ callback_id: string; type: 'global' | 'message' }>;
  };
  oauth_config?: { scopes?: { bot?: string[] } };
  settings?: {
    event_subscriptions?: { bot_events?: string[] };
    interactivity?: { is_enabled?: boolean };
  };
}

/** The scopes each Web API method Baton calls needs (Slack's method reference). */
const SCOPES_BY_METHOD: Record<string, string[]> = {
  'auth.test': [],
  'views.publish': [],
  'views.open': [],
  'views.update': [],
  'views.push': [],
  'chat.postMessage': ['chat:write'],
  'chat.update': ['chat:write'],
  'chat.postEphemeral': ['chat:write'],
  'chat.delete': ['chat:write'],
  'chat.getPermalink': [],
  'conversations.open': ['im:write'],
  // The start-up channel check: is Baton in each configured channel, and join the public ones.
  'conversations.info': ['channels:read', 'groups:read'],
  'conversations.join': ['channels:join'],
  // The outbox reads history to find a post it may already have made, in channels and DMs alike.
  'conversations.replies': ['channels:history', 'groups:history', 'im:history'],
  'conversations.history': ['channels:history', 'groups:history', 'im:history'],
  // The HubSpot connector matches a seller to a HubSpot owner by the email users.info returns.
  'users.info': ['users:read', 'users:read.email'],
  'users.lookupByEmail': ['users:read', 'users:read.email'],
  'reactions.add': ['reactions:write'],
  'files.getUploadURLExternal': ['files:write'],
  'files.completeUploadExternal': ['files:write'],
  'files.uploadV2': ['files:write'],
};

/** Bot events as registered (`app.event`, `app.message`) → as declared, and the scopes they need. */
const EVENT_SUBSCRIPTIONS: Record<string, { declared: string[]; scopes: string[] }> = {
  app_home_opened: { declared: ['app_home_opened'], scopes: [] },
  // Retro replies: public and private channels (the history scopes are asked for already).
  message: {
    declared: ['message.channels', 'message.groups'],
    scopes: ['channels:history', 'groups:history'],
  },
  reaction_added: { declared: ['reaction_added'], scopes: ['reactions:read'] },
  // Parked posts go out when the bot is invited to their channel (public or private).
  member_joined_channel: { declared: ['member_joined_channel'], scopes: ['channels:read', 'groups:read'] },
};

/** Registers the real listeners on a stand-in that only records what was registered. */
function registered() {
  const seen = {
    commands: [] as string[],
    events: [] as string[],
    shortcuts: [] as string[],
    interactive: 0,
  };
  const name = (c: unknown) =>
    typeof c === 'string' ? c : ((c as { callback_id?: string }).callback_id ?? String(c));
  const recorder = {
    command: (c: string) => seen.commands.push(c),
    event: (e: string) => seen.events.push(e),
    shortcut: (c: unknown) => seen.shortcuts.push(name(c)),
    action: () => seen.interactive++,
    view: () => seen.interactive++,
    options: () => seen.interactive++,
    message: () => seen.events.push('message'),
    use: () => {},
    error: () => {},
  };
  registerListeners(recorder as unknown as App, {} as AppContext);
  return seen;
}

/** Every `client.<a>.<b>(` call in src/, as the method name `a.b`. */
function webApiMethodsUsed(dir = 'src'): Set<string> {
  const methods = new Set<string>();
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      for (const m of webApiMethodsUsed(path)) methods.add(m);
    } else if (path.endsWith('.ts')) {
      const source = readFileSync(path, 'utf8');
      for (const match of source.matchAll(/client\.(\w+)\.(\w+)\(/g)) {
        methods.add(`${match[1]}.${match[2]}`);
      }
      // The SDK's flat spelling of files.uploadV2 (upload URL, POST, complete) needs the same scope.
      if (/client\.filesUploadV2\(/.test(source)) methods.add('files.uploadV2');
    }
  }
  return methods;
}

let manifest: Manifest;
beforeAll(() => {
  manifest = parse(readFileSync('manifest.yml', 'utf8')) as Manifest;
});

describe('manifest.yml', () => {
  it("validates against Slack's manifest JSON Schema", () => {
    const schema = JSON.parse(readFileSync('test/fixtures/slack-manifest.schema.json', 'utf8'));
    const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
    const validate = ajv.compile(schema);
    const valid = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // The validator really checks: a manifest with a misspelt key fails.
    expect(validate({ ...manifest, setings: {} })).toBe(false);
  });

  it('declares exactly the slash commands the code registers', () => {
    const declared = (manifest.features?.slash_commands ?? []).map((c) => c.command).sort();
    expect(declared).toEqual([...registered().commands].sort());
  });

  it('declares exactly the bot events the code listens to', () => {
    const declared = [...(manifest.settings?.event_subscriptions?.bot_events ?? [])].sort();
    const unknown = registered().events.filter((e) => !(e in EVENT_SUBSCRIPTIONS));
    expect(unknown, 'add these events to EVENT_SUBSCRIPTIONS').toEqual([]);
    const expected = new Set(registered().events.flatMap((e) => EVENT_SUBSCRIPTIONS[e]!.declared));
    expect(declared).toEqual([...expected].sort());
  });

  it('declares exactly the shortcuts the code handles', () => {
    const declared = (manifest.features?.shortcuts ?? []).map((s) => s.callback_id).sort();
    expect(declared).toEqual([...registered().shortcuts].sort());
  });

  it('enables interactivity (slash commands and Home need it for their buttons and responses)', () => {
    expect(manifest.settings?.interactivity?.is_enabled).toBe(true);
  });

  it('asks for exactly the bot scopes the code needs', () => {
    const used = webApiMethodsUsed();
    const unknown = [...used].filter((m) => !(m in SCOPES_BY_METHOD));
    expect(unknown, 'add these methods and their scopes to SCOPES_BY_METHOD').toEqual([]);
    const needed = new Set([...used].flatMap((m) => SCOPES_BY_METHOD[m] ?? []));
    if (registered().commands.length > 0) needed.add('commands');
    // Downloading a file a person shared (its url_private, not a Web API method) needs files:read.
    if (existsSync(new URL('../../src/slack/file-download.ts', import.meta.url))) needed.add('files:read');
    for (const e of registered().events)
      for (const scope of EVENT_SUBSCRIPTIONS[e]?.scopes ?? []) needed.add(scope);
    expect([...(manifest.oauth_config?.scopes?.bot ?? [])].sort()).toEqual([...needed].sort());
  });
});
