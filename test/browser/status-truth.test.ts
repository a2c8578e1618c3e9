// The status line and the notice say only what is true, in a real browser: a local copy the
// server already has is not announced as "restored" answers.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { findLatestResponse } from '../../server/responses/country-response-store';
import { launchBrowser } from '../helpers/browser';
import { createTestRound, type TestRound } from '../helpers/rounds';
import { setupTestApp, type TestApp } from '../helpers/test-app';

const testApp = setupTestApp();
let app: TestApp;
let browser: Browser;
let round: TestRound;
let context: BrowserContext;

beforeAll(async () => {
  app = testApp();
  browser = await launchBrowser();
  round = await createTestRound('a1-pilot');
  context = await browser.newContext();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

async function open(): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${app.baseUrl}/respond/${round.kenya}?lang=en`);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

describe('When a save reached the server but its answer never reached the page', () => {
  it('then reopening the link does not claim answers were restored', async () => {
    const page = await open();
    // The save goes through; the page only sees the connection drop on the way back.
    await page.route('**/draft', async (route) => {
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.locator('[data-name="a1_1"]').getByText('3 — In place and applied', { exact: true }).click();
    await page.evaluate(() => (window as unknown as { capgapSaveNow(): Promise<void> }).capgapSaveNow());
    await page.waitForSelector('#status[data-message="offline"], #status[data-message="unavailable"]');
    expect((await findLatestResponse(round.roundId, 'KEN'))?.answers).toMatchObject({ a1_1: 3 });
    await page.close();

    const reopened = await open();
    await reopened.waitForSelector('#status[data-message=""]', { state: 'attached' });
    await expect(reopened.locator('[data-name="a1_1"] input[value="3"]').isChecked()).resolves.toBe(true);
    expect(await reopened.locator('#notice').getAttribute('data-message')).not.toBe('restored');
    expect(await reopened.locator('#notice').textContent()).toBe('');
  });
});
