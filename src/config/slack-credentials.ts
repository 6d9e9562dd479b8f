/**
 * Shapes of Slack's credentials, so a placeholder or a pasted wrong value stops Baton at start
 * with where to get the real one, instead of a 401 from Slack (or no request ever verifying).
 * Shapes as Slack issues them (docs.slack.dev/authentication/tokens, and secret scanners' rules):
 * bot token xoxb-<team digits>-<bot digits>-<24 letters/digits>, app-level token
 * xapp-<n>-<app id>-<digits>-<64 hex>, signing secret 32 hex characters. The last part of each
 * token is only checked for letters and digits, so a longer or shorter one still passes.
 */

export type SlackCredential = 'bot' | 'app' | 'signing';

const SHAPE: Record<SlackCredential, RegExp> = {
  bot: /^xoxb-\d+-\d+-[A-Za-z0-9]+$/,
  app: /^xapp-\d+-[A-Z0-9]+-\d+-[A-Za-z0-9]+$/,
  signing: /^[0-9a-f]{32}$/i,
};

const APPS = 'https://api.slack.com/apps → your app';
export const WHERE: Record<SlackCredential, string> = {
  bot: `copy the Bot User OAuth Token (xoxb-…) from ${APPS} → OAuth & Permissions (install the app to the workspace first)`,
  app: `create an App-Level Token (xapp-…) with the connections:write scope at ${APPS} → Basic Information → App-Level Tokens, or leave SLACK_APP_TOKEN empty for HTTP mode`,
  signing: `copy the Signing Secret from ${APPS} → Basic Information → App Credentials`,
};

const EXPECTED: Record<SlackCredential, string> = {
  bot: 'a bot token looks like xoxb-<digits>-<digits>-<letters and digits>',
  app: 'an app-level token looks like xapp-<n>-<app id>-<digits>-<hex>',
  signing: 'a Signing Secret is 32 hexadecimal characters',
};

// The .env.example values and the usual "fill me in" words.
const PLACEHOLDER = /replace|change[-_ ]?me|your[-_ ]|example|placeholder|todo|x{4,}|\.{3}|…|[<>]/i;

/** What is wrong with `value` as this credential (without echoing the value), or null when it fits. */
export function credentialProblem(kind: SlackCredential, value: string): string | null {
  if (SHAPE[kind].test(value)) return null;
  if (PLACEHOLDER.test(value)) return `is still a placeholder: ${WHERE[kind]}`;
  if (kind === 'bot' && value.startsWith('xoxp-')) {
    return `is a user token (xoxp-), not the bot token: ${WHERE.bot}`;
  }
  if (kind === 'bot' && value.startsWith('xapp-')) {
    return `is an app-level token (xapp-); put it in SLACK_APP_TOKEN and ${WHERE.bot}`;
  }
  if (kind === 'app' && value.startsWith('xox')) {
    return `is not an app-level token (${EXPECTED.app}): ${WHERE.app}`;
  }
  return `is not a real ${kind === 'signing' ? 'Signing Secret' : 'token'} (${EXPECTED[kind]}): ${WHERE[kind]}`;
}
