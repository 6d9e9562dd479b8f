import { randomBytes, randomInt } from 'node:crypto';

/** Credentials shaped like Slack's (src/config/slack-credentials.ts accepts them), made fresh per run. */
export interface SandboxCredentials {
  botToken: string;
  signingSecret: string;
  leadWebhookSecret: string;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join('');
const alnum = (n: number) => Array.from({ length: n }, () => ALNUM[randomInt(ALNUM.length)]).join('');

export function generateCredentials(): SandboxCredentials {
  return {
    botToken: `xoxb-${digits(13)}-${digits(13)}-${alnum(24)}`,
    signingSecret: randomBytes(16).toString('hex'),
    leadWebhookSecret: randomBytes(32).toString('hex'),
  };
}
