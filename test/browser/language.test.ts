// Language on the respondent page: from the invitation, switchable on the page, remembered
// by the browser, and followed by the server's error messages. The browser's language is offered
// when the invitation's is another: in the offered language, in one click, remembered (a reload
// and the plain link keep it), declining remembered too; at desktop and phone sizes, axe clean.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { createTestRound, type TestRound } from '../helpers/rounds';
import { setupTestApp, type TestApp } from '../helpers/test-app';
import { seriousAxeViolations } from './console-axe';

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
    // A French browser: an English one would be offered English, whose texts come with the offer.
    const context = await browser.newContext({ locale: 'fr-FR' });
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

const question = {
  en: 'Migration statistics are disaggregated by sex and age.',
  fr: 'Les statistiques migratoires sont ventilées par sexe et par âge.',
  es: 'Las estadísticas migratorias se desglosan por sexo y edad.',
};

async function openLink(page: Page, lang: 'en' | 'fr' | 'es') {
  await page.goto(`${app.baseUrl}/respond/${round.kenya}`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.getByText(question[lang]).waitFor();
}

const browsers = [
  {
    name: 'a Spanish browser at 1366×768',
    locale: 'es-ES',
    viewport: { width: 1366, height: 768 },
    lang: 'es' as const,
    offer: '¿Desea ver esta página en español?',
    accept: 'Cambiar a español',
    decline: 'No, gracias',
    invalid: ['Algunas respuestas no son válidas', 'debe ser uno de los valores 0, 1, 2, 3, 4, "na", "dk"'],
  },
  {
    name: 'a French browser at 390×844',
    locale: 'fr-FR',
    viewport: { width: 390, height: 844 },
    lang: 'fr' as const,
    offer: 'Voulez-vous cette page en français ?',
    accept: 'Passer au français',
    decline: 'Non merci',
    invalid: ['Certaines réponses ne sont pas valides', 'doit être l\'une des valeurs 0, 1, 2, 3, 4, "na", "dk"'],
  },
];

describe.each(browsers)('When $name opens a link whose invitation is English', (b) => {
  let context: BrowserContext;
  beforeEach(async () => {
    context = await browser.newContext({ locale: b.locale, viewport: b.viewport });
  });
  afterEach(async () => {
    await context.close();
  });

  it('then the page offers its language in that language, one click switches, and the choice stays', async () => {
    const page = await context.newPage();
    await openLink(page, 'en');
    const offer = page.locator('#language-offer');
    await offer.getByText(b.offer).waitFor();
    expect(await offer.getAttribute('lang')).toBe(b.lang);
    const box = (await offer.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(b.viewport.width); // fits a phone's width
    expect(await seriousAxeViolations(page)).toEqual([]);

    await offer.getByRole('button', { name: b.accept }).click();
    await page.getByText(question[b.lang]).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe(b.lang);
    expect(await page.locator('#language').inputValue()).toBe(b.lang);
    expect(await offer.count()).toBe(0);

    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await page.getByText(question[b.lang]).waitFor();

    // The server answers a bad draft of this page in its language too (title and field error).
    const reply = await page.evaluate(
      async ([token, locale]) => {
        const res = await fetch(`/api/respondent/${token}/draft`, {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ answers: { a1_1: 7 }, baseRevision: 0, locale }),
        });
        return res.json();
      },
      [round.kenya, b.lang],
    );
    expect([reply.title, reply.errors[0].message]).toEqual(b.invalid);

    // The plain link of the invitation (no ?lang) opens in the chosen language, without an offer.
    const later = await context.newPage();
    await openLink(later, b.lang);
    expect(await later.locator('#language').inputValue()).toBe(b.lang);
    expect(await later.locator('#language-offer').count()).toBe(0);
  });

  it('then declining keeps English, and the offer is not made again', async () => {
    const page = await context.newPage();
    await openLink(page, 'en');
    await page.locator('#language-offer').getByRole('button', { name: b.decline }).click();
    expect(await page.locator('#language-offer').count()).toBe(0);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    await openLink(page, 'en');
    expect(await page.locator('#language-offer').count()).toBe(0);
  });
});

describe('When an English browser opens the English invitation', () => {
  it('then nothing is offered', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    try {
      const page = await context.newPage();
      await openLink(page, 'en');
      await page.locator('body[data-ready="true"]').waitFor();
      expect(await page.locator('#language-offer').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
