// Printing the respondent page (or saving it as PDF) in Spanish: only the content prints. The
// bar, the language choice and the navigation buttons are hidden; the answers, and after
// submission the profile, are on the paper.
import type { Browser, BrowserContext, Page } from 'playwright-core';
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
  context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

const choose = (page: Page, question: string, value: string) =>
  page.locator(`[data-name="${question}"] label:has(input[value="${value}"])`).first().click();

/** What a printout shows of the page's controls, and of one question's chosen answer. */
async function printed(page: Page, question: string, value: string) {
  await page.emulateMedia({ media: 'print' });
  try {
    return {
      bar: await page.locator('header.bar').isVisible(),
      language: await page.locator('#language').isVisible(),
      buttons: await page.locator('#survey input[type="button"], #survey button').filter({ visible: true }).count(),
      question: await page.locator(`[data-name="${question}"]`).isVisible(),
      answer: await page.locator(`[data-name="${question}"] label:has(input[value="${value}"])`).first().isVisible(),
    };
  } finally {
    await page.emulateMedia({ media: 'screen' });
  }
}

describe('When a focal point prints the questionnaire in Spanish', () => {
  it('then the bar, the language choice and the navigation buttons are left out, and the answers print', async () => {
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/respond/${round.kenya}?lang=es`);
    await page.waitForSelector('body[data-ready="true"]');
    await choose(page, 'a1_1', '3');
    // On screen, the controls are there.
    expect(await page.getByRole('button', { name: 'Siguiente' }).isVisible()).toBe(true);
    expect(await page.locator('#language').isVisible()).toBe(true);

    expect(await printed(page, 'a1_1', '3')).toEqual({
      bar: false,
      language: false,
      buttons: 0,
      question: true,
      answer: true,
    });

    // Submitted: the read-only summary and the profile print, without the controls.
    for (const [question, value] of [
      ['a1_2', '2'],
      ['a1_3', 'na'],
      ['a1_4', '1'],
      ['a1_5', 'dk'],
    ])
      await choose(page, question, value);
    await page.getByRole('button', { name: 'Siguiente' }).click();
    await page.locator('[data-name="a1_importance"]').getByText('4', { exact: true }).click();
    await page.getByRole('button', { name: 'Completar' }).click();
    await page.waitForSelector('#status[data-message="sent"]');
    // Opened again later, as one would to print it for a meeting.
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await page.waitForSelector('#profile table');
    await page.waitForSelector('[data-name="a1_3"]');

    expect(await printed(page, 'a1_3', 'na')).toEqual({
      bar: false,
      language: false,
      buttons: 0,
      question: true,
      answer: true,
    });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#profile table').isVisible()).toBe(true);
    expect(await page.locator('#status').isVisible()).toBe(true);
  });
});
