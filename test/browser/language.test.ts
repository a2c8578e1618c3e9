// Language on the respondent page: from the invitation, switchable on the page, remembered
// by the browser, and followed by the server's error messages.
import type { Browser } from 'playwright-core';
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
});
afterAll(async () => {
  await browser?.close();
});

describe('When a focal point switches the language on the page', () => {
  it('then the questionnaire changes language, and the browser remembers the choice', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    try {
      const page = await context.newPage();
      await page.goto(`${app.baseUrl}/respond/${round.kenya}`);
      await page.waitForSelector('body[data-ready="true"]');
      await page.getByText('Migration statistics are disaggregated by sex and age.').waitFor();

      await page.locator('#language').selectOption('es');
      await page.getByText('Las estadísticas migratorias se desglosan por sexo y edad.').waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('es');
      expect(await page.locator('#language-label').textContent()).toBe('Idioma');

      // A later visit through the plain link (no ?lang) opens in Spanish.
      const later = await context.newPage();
      await later.goto(`${app.baseUrl}/respond/${round.kenya}`);
      await later.waitForSelector('body[data-ready="true"]');
      await later.getByText('Las estadísticas migratorias se desglosan por sexo y edad.').waitFor();
      expect(await later.locator('#language').inputValue()).toBe('es');
    } finally {
      await context.close();
    }
  });

  it('then a French invitation opens in French in a fresh browser, and server messages are French', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    try {
      const page = await context.newPage();
      await page.goto(`${app.baseUrl}/respond/${round.niger}`);
      await page.waitForSelector('body[data-ready="true"]');
      await page.getByText('Les statistiques migratoires sont ventilées par sexe et par âge.').waitFor();
      const reply = await page.evaluate(async (token) => {
        const res = await fetch(`/api/respondent/${token}/submit`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ answers: {}, baseRevision: 0, locale: 'fr' }),
        });
        return res.json();
      }, round.niger);
      expect(reply.errors[0].message).toMatch(/obligatoire/);
    } finally {
      await context.close();
    }
  });
});

describe('When the page loads its texts', () => {
  it('then a French page fetches only fr.json, and switching to Spanish fetches es.json', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    try {
      const page = await context.newPage();
      const dictionaries: string[] = [];
      page.on('request', (request) => {
        // The page's own loads (Accept: application/json); the copy kept for offline use reads the
        // same file from the HTTP cache.
        if (request.headers().accept !== 'application/json') return;
        const name = new URL(request.url()).pathname.match(/\/assets\/[^/]+\/(en|fr|es)\.json$/);
        if (name) dictionaries.push(name[1]);
      });
      await page.goto(`${app.baseUrl}/respond/${round.niger}`);
      await page.waitForSelector('body[data-ready="true"]');
      await page.getByText('Les statistiques migratoires sont ventilées par sexe et par âge.').waitFor();
      expect(await page.locator('#language-label').textContent()).toBe('Langue');
      expect(dictionaries).toEqual(['fr']);

      await page.locator('#language').selectOption('es');
      await page.getByText('Las estadísticas migratorias se desglosan por sexo y edad.').waitFor();
      await page.locator('#language-label', { hasText: 'Idioma' }).waitFor();
      expect(dictionaries).toEqual(['fr', 'es']);

      // Back to French: the dictionary already loaded is kept, not fetched again.
      await page.locator('#language').selectOption('fr');
      await page.locator('#language-label', { hasText: 'Langue' }).waitFor();
      expect(dictionaries).toEqual(['fr', 'es']);
    } finally {
      await context.close();
    }
  });
});
