// The respondent's profile in a real browser: right after submitting, the read-only summary
// and the profile (chart, explanation, review state, what happens next, the organizers'
// contact) appear without a reload, follow the language switch, fit a 390 px phone and pass axe.
import type { Browser, Page } from 'playwright-core';
import { Round } from '../../server/rounds/round.model';
import { seriousAxeViolations } from './console-axe';
import { launchBrowser } from '../helpers/browser';
import { createTestRound, type TestRound } from '../helpers/rounds';
import { setupTestApp, type TestApp } from '../helpers/test-app';

const testApp = setupTestApp();
let app: TestApp;
let browser: Browser;
let round: TestRound;

beforeAll(async () => {
  app = testApp();
  browser = await launchBrowser();
  round = await createTestRound('a1-pilot');
  await Round.updateOne(
    { _id: round.roundId },
    { $set: { contact: { name: 'Amina Diallo', email: 'survey-team@example.org' } } },
  );
});
afterAll(async () => {
  await browser?.close();
});

const choose = (page: Page, question: string, value: string) =>
  page.locator(`[data-name="${question}"] label:has(input[value="${value}"])`).first().click();

/** Fills the a1-pilot questionnaire and presses the complete button (its label in the page's language). */
async function answerAndSubmit(page: Page, next: string, complete: string): Promise<void> {
  for (const [question, value] of [
    ['a1_1', '2'],
    ['a1_2', '3'],
    ['a1_3', 'na'],
    ['a1_4', '1'],
    ['a1_5', '4'],
  ])
    await choose(page, question, value);
  await page.getByRole('button', { name: next }).click();
  await page.locator('[data-name="a1_importance"]').getByText('4', { exact: true }).click();
  await page.getByRole('button', { name: complete }).click();
  await page.waitForSelector('#status[data-message="sent"]');
}

const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('When a focal point submits in French on a 390 px phone', () => {
  it('then the summary and the profile appear at once, fit the screen, pass axe and follow the language switch', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    try {
      const page = await context.newPage();
      await page.goto(`${app.baseUrl}/respond/${round.niger}?lang=fr`);
      await page.waitForSelector('body[data-ready="true"]');
      await answerAndSubmit(page, 'Suivant', 'Terminer');

      // No reload: the read-only answers and the profile are on the page.
      await page.waitForSelector('#survey [data-name="a1_3"]');
      await expect(page.locator('#survey [data-name="a1_3"] input[value="na"]').isChecked()).resolves.toBe(true);
      const chart = page.locator('#profile [role="img"]');
      await expect(chart.isVisible()).resolves.toBe(true);
      expect(await chart.getAttribute('aria-label')).toMatch(/capacité/i);
      expect(await page.locator('#profile-title').textContent()).toMatch(/profil/i);
      expect(await page.locator('#profile [data-part="state"]').textContent()).toMatch(/soumise/i);
      expect(await page.locator('#profile [data-part="contact"]').textContent()).toContain('survey-team@example.org');
      expect(await page.locator('#profile table').count()).toBe(1);

      expect(await overflow(page)).toBeLessThanOrEqual(0);
      expect(await seriousAxeViolations(page)).toEqual([]);

      // Switched to English: the profile and the status line are said again in English.
      await page.locator('#language').selectOption('en');
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      expect(await page.locator('#profile-title').textContent()).toBe('Your country’s capacity-gap profile');
      expect(await page.locator('#profile [role="img"]').getAttribute('aria-label')).toMatch(/capacity/i);
      expect(await page.locator('#profile [data-part="state"]').textContent()).toMatch(/submitted/i);
      expect(await page.locator('#status').textContent()).toBe('Thank you. Your answers have been received.');
      expect(await overflow(page)).toBeLessThanOrEqual(0);

      // Reopened later, then switched to Spanish: the status line with its date and the profile follow.
      await page.reload();
      await page.waitForSelector('#status[data-message="submitted"]');
      await page.waitForSelector('#profile [role="img"]');
      await page.locator('#language').selectOption('es');
      await page.waitForFunction(() => document.documentElement.lang === 'es');
      expect(await page.locator('#status').textContent()).toMatch(/^Esta respuesta se envió el /);
      expect(await page.locator('#status').textContent()).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
      expect(await page.locator('#profile [data-part="state"]').textContent()).toMatch(/^Respuesta enviada/);
      expect(await page.locator('#profile .profile-table th').first().textContent()).toBe('Área');
    } finally {
      await context.close();
    }
  });
});

describe('When a focal point submits in English on a laptop', () => {
  it('then the profile shows each area’s bars, priority and completeness, the scale explained, and the contact', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    try {
      const page = await context.newPage();
      await page.goto(`${app.baseUrl}/respond/${round.kenya}?lang=en`);
      await page.waitForSelector('body[data-ready="true"]');
      await answerAndSubmit(page, 'Next', 'Complete');

      await page.waitForSelector('#survey [data-name="a1_1"]');
      const area = page.locator('#profile [data-area="A1"]').first();
      await expect(area.isVisible()).resolves.toBe(true);
      const profile = (await page.locator('#profile').textContent()) ?? '';
      expect(profile).toMatch(/0 to 100/);
      expect(profile).toMatch(/Priority/);
      expect(profile).toMatch(/Completeness/);
      expect(profile).toContain('Amina Diallo');
      expect(profile).toMatch(/next/i);
      expect(await seriousAxeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
