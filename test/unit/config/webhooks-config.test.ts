import { describe, expect, it } from 'vitest';
import { parseWith as parse, problemsOf } from './file-problems.js';

const hook = (fields: string) => `webhooks:\n  - { ${fields} }`;
const OK = 'name: zapier, url: "https://hooks.zapier.com/hooks/catch/1/abc/", secret_env: ZAPIER_SECRET';

describe('webhooks', () => {
  it('has none by default', () => {
    expect(parse().webhooks).toEqual([]);
  });

  it('reads an endpoint; the secret stays in the environment', () => {
    expect(parse(hook(`${OK}, events: [lead.assigned, lead.first_touch]`)).webhooks).toEqual([
      {
        name: 'zapier',
        url: 'https://hooks.zapier.com/hooks/catch/1/abc/',
        events: ['lead.assigned', 'lead.first_touch'],
        secretEnv: 'ZAPIER_SECRET',
        enabled: true,
      },
    ]);
    expect(parse(hook(`${OK}, events: "*"`)).webhooks[0]?.events).toBe('*');
    expect(
      parse(hook('name: local, url: "http://localhost:8080/in", events: "*", secret_env: X')).webhooks,
    ).toHaveLength(1);
    // Added in Slack: Baton generated the secret and keeps it outside the config.
    expect(
      parse(hook('name: n8n, url: "https://n8n.example/w", events: "*", secret: stored')).webhooks[0],
    ).toMatchObject({
      name: 'n8n',
      secretEnv: null,
    });
  });

  it('names the key and the reason for what it refuses', () => {
    expect(problemsOf(hook('name: crm, url: "http://crm.example/in", events: "*", secret_env: S'))).toEqual([
      'baton.yaml: webhooks[0].url: must use https (plain http is allowed only for localhost)',
    ]);
    expect(problemsOf(hook(`${OK}, events: [lead.won]`))[0]).toMatch(
      /^baton\.yaml: webhooks\[0\]\.events: .*lead\.created, lead\.assigned/,
    );
    expect(problemsOf(hook(`${OK.replace('ZAPIER_SECRET', 'my secret')}, events: "*"`))).toEqual([
      'baton.yaml: webhooks[0].secret_env: "my secret" is not an environment variable name like BATON_WEBHOOK_ZAPIER_SECRET',
    ]);
    // A secret written into the file is refused, and the refusal does not repeat it.
    const plain = 'name: z, url: "https://z.example/in", events: "*"';
    expect(problemsOf(hook(`${plain}, secret: hunter2`))).toEqual([
      'baton.yaml: webhooks[0].secret: must be "stored" (a secret Baton generated in Slack); for your own, use secret_env',
    ]);
    expect(problemsOf(hook(`${OK}, events: "*", secret: stored`))).toEqual([
      'baton.yaml: webhooks[0].secret: give either secret_env or secret: stored, not both',
    ]);
    expect(problemsOf(hook(plain))).toEqual([
      'baton.yaml: webhooks[0].secret_env: is required (or `secret: stored` for a secret generated in Slack)',
    ]);
    expect(problemsOf(hook(`${OK}, events: "*", secrets: x`))).toEqual([
      'baton.yaml: webhooks[0].secrets: unknown key (allowed here: name, url, events, secret_env, secret, enabled)',
    ]);
    expect(problemsOf(`webhooks:\n  - { ${OK}, events: "*" }\n  - { ${OK}, events: "*" }`)).toEqual([
      'baton.yaml: webhooks[1].name: zapier is listed twice',
    ]);
  });
});
