/**
 * The sandbox page in headless Chromium, as a person uses it: a lead arrives from the scenario panel,
 * one seller claims it while another (on a page that had not refreshed yet) is told it is already
 * claimed, the first touch is logged in the card's modal, the lead moves to Opportunity, `/funnel`
 * shows its chart, a customer quote is saved as VOC with `:voc:`, and next Monday's retro thread opens.
 * Waits are Playwright's (locators wait for what they name). With SCREENSHOTS=1 it saves each
 * surface to docs/screenshots/.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE } from '../../src/sandbox/demo-workspace.js';
import { type BrowserSandbox, startBrowserSandbox } from './support.js';

const WAIT = { timeout: 15_000 };
let t: BrowserSandbox;

beforeAll(async () => {
  t = await startBrowserSandbox({ mode: 'demo', lang: 'en' });
}, 180_000);
afterAll(async () => {
  await t?.stop();
});

const channel = (page: Page, name: string) => page.locator(`.sidebar [data-channel="${name}"]`).click();
/**
 * The newest message in the open conversation whose text matches, ephemerals left out: a private
 * answer that quotes a post (the :voc: prompt quotes the message it saved) would otherwise become
 * "the newest match" while the test is still waiting on the post itself.
 */
const message = (page: Page, text: string | RegExp) =>
  page
    .locator('[data-testid=conversation] [data-testid=message]:not(.ephemeral)')
    .filter({ hasText: text })
    .last();

describe('the sandbox page', () => {
  let sam: Page;
  let jordan: Page;
  const company = 'Northwind Dental';

  it('shows the demo team: channels, the act-as switcher with roles, and the page in English', async () => {
    ({ page: sam } = await t.open(PEOPLE.sdr, { channel: 'leads' }));
    await sam.locator('.sidebar [data-channel="growth-retro"]').waitFor(WAIT);
    const people = await sam.locator('[data-testid=act-as] option').allTextContents();
    expect(people).toEqual([
      'Dana Brooks — admin',
      'Sam Rivera — seller',
      'Jordan Ellis — seller',
      'Mia Chen — marketer',
      'Morgan Hale — manager',
      'Casey Lee — CS',
      'Alex Stranger — not on the roster',
    ]);
    expect(await sam.locator('html').getAttribute('lang')).toBe('en');
    expect(await sam.locator('[data-testid=channel-title]').textContent()).toBe('# leads');
  });

  it('sends a lead from the scenario panel; both sellers see its card, and the first to claim gets it', async () => {
    ({ page: jordan } = await t.open(PEOPLE.ae, { channel: 'leads' }));
    // Leads wait for working hours: start on the next working morning.
    const clock = await sam.locator('[data-testid=clock]').textContent();
    await sam.locator('[data-advance=next-morning]').click();
    await sam
      .locator('[data-testid=clock]')
      .filter({ hasNotText: clock ?? '' })
      .waitFor(WAIT);
    await sam.locator('.lead-form input[name=name]').fill('Ana Souza');
    await sam.locator('.lead-form input[name=email]').fill('ana@northwind-dental.example');
    await sam.locator('.lead-form input[name=company]').fill(company);
    await sam.locator('.lead-form button[type=submit]').click();
    await sam.locator('.toast', { hasText: 'Intake webhook answered 202' }).waitFor(WAIT);

    const card = message(sam, company);
    await card.locator('[data-action-id=lead_claim]').waitFor(WAIT);
    const stale = message(jordan, company).locator('[data-action-id=lead_claim]');
    await stale.waitFor(WAIT);
    await t.shot(sam, 'channel-card');

    // Jordan's page stops hearing about changes, like a Slack client that has not refreshed yet.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await jordan.route('**/sandbox/api/updates**', async (route) => {
      await held;
      await route.continue();
    });

    await card.locator('[data-action-id=lead_claim]').click();
    await message(sam, company)
      .filter({ hasText: 'Sam Rivera' })
      .locator('[data-action-id=lead_claim]')
      .waitFor({ state: 'detached', ...WAIT });

    await stale.click();
    release();
    await jordan
      .locator('[data-testid=message].ephemeral', { hasText: /Already claimed by @?Sam Rivera/ })
      .waitFor(WAIT);
  });

  it('logs the first touch in the card’s modal, with the error under the field when the note is too long', async () => {
    const card = message(sam, company);
    await card.locator('[data-action-id=lead_touch]').click();
    const modal = sam.locator('[data-testid=modal][data-callback-id=lead_touch_modal]');
    await modal.waitFor(WAIT);
    await modal.locator('select[data-action-id=kind]').selectOption({ label: 'Call' });
    await modal.locator('[data-action-id=text]').fill('x'.repeat(3001));
    await t.shot(sam, 'modal');
    await modal.locator('[data-testid=modal-submit]').click();
    await modal
      .locator('.field-error', { hasText: /Keep the note to \d+ characters or fewer/ })
      .waitFor(WAIT);
    await t.shot(sam, 'modal-error');
    await modal.locator('[data-action-id=text]').fill('Called Ana: a demo on Thursday.');
    await modal.locator('[data-testid=modal-submit]').click();
    await modal.waitFor({ state: 'detached', ...WAIT });
    await card.locator('.field', { hasText: /met \(\d+ working min\)/ }).waitFor(WAIT);
    await card.locator('.thread-link').click();
    const thread = sam.locator('[data-testid=thread]');
    await thread
      .locator('[data-testid=message]', { hasText: 'Note: Called Ana: a demo on Thursday.' })
      .waitFor(WAIT);
    await t.shot(sam, 'thread');
  });

  it('moves the lead to Opportunity from the card’s stage menu', async () => {
    const card = message(sam, company);
    await card.locator('select[data-action-id=lead_stage]').selectOption({ label: 'Opportunity' });
    const modal = sam.locator('[data-testid=modal]');
    const moved = sam.locator('[data-testid=thread] [data-testid=message]', {
      hasText: /Sam Rivera moved .* → Opportunity/,
    });
    // A deal stage asks for the amount first, in a modal.
    await modal.or(moved).first().waitFor(WAIT);
    if (await modal.isVisible()) {
      const amount = modal.locator('.block.input', { hasText: 'Deal amount' }).locator('input');
      if (await amount.count()) await amount.fill('12000');
      await modal.locator('[data-testid=modal-submit]').click();
      await modal.waitFor({ state: 'detached', ...WAIT });
    }
    // The lead's thread says who moved it; the card's menu no longer offers the stage it is at.
    await sam
      .locator('[data-testid=thread] [data-testid=message]', { hasText: /Sam Rivera moved .* → Opportunity/ })
      .waitFor(WAIT);
    await card
      .locator('select[data-action-id=lead_stage] option', { hasText: /^Opportunity$/ })
      .waitFor({ state: 'detached', ...WAIT });
  });

  it('answers /funnel with the funnel and its chart', async () => {
    await sam.locator('[data-testid=thread] .modal-x').click();
    // Last week holds the demo's seeded cohort.
    await sam.locator('[data-testid=composer]').fill('/funnel last-week chart');
    await sam.locator('[data-testid=composer]').press('Enter');
    const funnel = sam.locator('[data-testid=message]', { hasText: /Funnel — / }).last();
    await funnel.waitFor(WAIT);
    const chart = sam.locator('[data-testid=conversation] img[src^="/files/"]').last();
    await chart.waitFor(WAIT);
    await expect
      .poll(() => chart.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth), WAIT)
      .toBeGreaterThan(100);
    await t.shot(sam, 'funnel');
  });

  it('saves a customer’s words as VOC with a :voc: reaction', async () => {
    const { page: casey } = await t.open(PEOPLE.cs, { channel: 'voc' });
    await casey
      .locator('[data-testid=composer]')
      .fill('Customer said: the pricing page does not show the annual discount.');
    await casey.locator('[data-testid=composer]').press('Enter');
    const quote = message(casey, 'annual discount');
    await quote.waitFor(WAIT);
    await quote.hover();
    await quote.locator('[data-testid=react-voc]').click();
    await quote.locator('.reaction', { hasText: '1' }).waitFor(WAIT);
    const prompt = casey.locator('[data-testid=message].ephemeral').last();
    await prompt.waitFor(WAIT);
    await t.shot(casey, 'voc');
  });

  it('opens next Monday’s retro thread when the clock moves to Monday 10:00', {
    timeout: 60_000,
  }, async () => {
    await channel(sam, 'growth-retro');
    await sam.locator('[data-advance=next-monday]').click();
    const retro = message(sam, /Weekly growth retro/);
    await retro.waitFor({ timeout: 45_000 });
    await retro.locator('.thread-link').click();
    await sam.locator('[data-testid=thread] [data-testid=message]').nth(1).waitFor(WAIT);
    await t.shot(sam, 'retro-thread');
  });

  it('shows Home for the admin, and the page in Korean for a Korean reader', async () => {
    const { page: dana } = await t.open(PEOPLE.admin);
    await channel(dana, 'home');
    await dana.locator('[data-testid=home] .block').first().waitFor(WAIT);
    await t.shot(dana, 'app-home');
    await dana.locator('[data-testid=lang]').selectOption('ko');
    await dana.locator('.sidebar h2', { hasText: '채널' }).waitFor(WAIT);
    expect(await dana.locator('html').getAttribute('lang')).toBe('ko');
    await channel(dana, 'leads');
    await t.shot(dana, 'korean-page');
  });

  it('copies a message as Block Kit Builder JSON', async () => {
    await channel(sam, 'leads');
    const card = message(sam, company);
    await card.hover();
    await card.locator('[data-testid=copy-json]').click();
    const json = JSON.parse(await sam.locator('[data-testid=json] textarea').inputValue()) as {
      blocks: unknown[];
    };
    const stored = t.sandbox.slack.findMessage((m) => JSON.stringify(m.blocks ?? []).includes(company));
    expect(json).toEqual({ blocks: stored?.message.blocks });
    await sam.locator('[data-testid=json] button').click();
    await sam.locator('[data-testid=json]').waitFor({ state: 'detached', ...WAIT });
  });

  it('starts over as the Korean demo team: open pages reload with the new team, and Baton speaks Korean', {
    timeout: 120_000,
  }, async () => {
    await sam.locator('[data-reset=demo-ko]').click();
    // The reset answers once the new Baton is up.
    await sam.locator('.toast', { hasText: /Started over|처음부터 새로/ }).waitFor({ timeout: 100_000 });
    // The same ids, now the Korean team: Sam's page follows Kim Minji's locale.
    await sam
      .locator('[data-testid=act-as] option', { hasText: '김민지 — 세일즈' })
      .waitFor({ state: 'attached', timeout: 100_000 });
    await sam.locator('.sidebar h2', { hasText: '채널' }).waitFor(WAIT);
    expect(await sam.locator('html').getAttribute('lang')).toBe('ko');
    // Baton itself now speaks Korean: Kim Minji's App Home.
    await channel(sam, 'home');
    await sam
      .locator('[data-testid=home] .block', { hasText: /[가-힣]/ })
      .first()
      .waitFor({ timeout: 30_000 });
    await t.shot(sam, 'korean');
  });
});
