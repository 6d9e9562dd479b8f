/**
 * The footprint bench's baseline: a bare Bolt app with one slash command and a /readyz route,
 * no database and no Baton code. Plain node, no loader, the way `node dist/main.js` runs Baton.
 * Env: SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_API_URL, PORT.
 */
import bolt from '@slack/bolt';

const app = new bolt.App({
  token: process.env.SLACK_BOT_TOKEN,
  signingSecret: process.env.SLACK_SIGNING_SECRET,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL, retryConfig: { retries: 0 } },
  customRoutes: [
    {
      path: '/readyz',
      method: ['GET'],
      handler: (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"ready":true}');
      },
    },
  ],
});
app.command('/baton', async ({ ack }) => {
  await ack({ response_type: 'ephemeral', text: 'help' });
});
await app.start(Number(process.env.PORT));
process.on('SIGTERM', () => app.stop().then(() => process.exit(0)));
