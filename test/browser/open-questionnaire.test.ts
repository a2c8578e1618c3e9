// Someone opens the open (pilot) questionnaire in a real browser, answers it, submits, and
// the response is in the database.
import type { Browser } from 'playwright-core';
import { ResponseDoc } from '../../server/responses/response.model';
import { launchBrowser } from '../helpers/browser';
import { dropTestDatabase, startTestApp, type TestApp } from '../helpers/test-app';

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  app = await startTestApp();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await dropTestDatabase();
});

describe('When someone fills the open pilot questionnaire in Chromium', () => {
  it('then the submitted answers are stored', async () => {
    const page = await browser.newPage();
    const consoleErrors: string[] = [];
    page.on('pageerror', (err) => consoleErrors.push(err.message));

    await page.goto(`${app.baseUrl}/r/a1-pilot?lang=en`);
    await page.waitForSelector('body[data-ready="true"]');

    const choose = (question: string, label: string) =>
      page.locator(`[data-name="${question}"]`).getByText(label, { exact: true }).click();
    await choose('a1_1', '3 — In place and applied');
    await choose('a1_2', '2 — Partly in place');
    await choose('a1_3', 'Not applicable');
    await choose('a1_4', '1 — Planned or ad hoc');
    await page.locator('[data-name="a1_4_evidence"] input').fill('Labour force survey 2023, annex B');
    await choose('a1_5', "Don't know");
    await page.getByRole('button', { name: 'Next' }).click();

    await choose('a1_importance', '5');
    await choose('a1_share', 'Yes');
    await page.getByRole('button', { name: 'Complete' }).click();

    await page.waitForSelector('body[data-response-id]');
    expect(await page.locator('#status').textContent()).toMatch(/received/);
    const id = await page.locator('body').getAttribute('data-response-id');

    const stored = await ResponseDoc.findById(id).lean();
    expect(stored).toMatchObject({
      formId: 'a1-pilot',
      locale: 'en',
      answers: {
        a1_1: 3,
        a1_2: 2,
        a1_3: 'na',
        a1_4: 1,
        a1_4_evidence: 'Labour force survey 2023, annex B',
        a1_5: 'dk',
        a1_importance: 5,
        a1_target: 4,
        a1_share: 'yes',
      },
    });
    expect(consoleErrors).toEqual([]);
  });
});
