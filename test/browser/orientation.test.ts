// Bearings on the respondent page: country, round and deadline above every page and in the tab
// title; "Area n of 10" with a list of areas (complete ones marked) that jumps to any of them by
// keyboard; indicators numbered 1, 2, 3… with their evidence fields unnumbered; unselected radio
// circles visible (outline contrast ≥ 3:1). At laptop and phone sizes, in English and Spanish, axe clean.
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { request } from '../helpers/http';
import { createTestRound, type TestRound } from '../helpers/rounds';
import { setupTestApp, type TestApp } from '../helpers/test-app';
import { seriousAxeViolations } from './console-axe';

const testApp = setupTestApp();
let app: TestApp;
let browser: Browser;
let round: TestRound;
let roundName: string;

beforeAll(async () => {
  app = testApp();
  browser = await launchBrowser();
  round = await createTestRound('capacity');
  roundName = (await request(`${app.baseUrl}/api/respondent/${round.kenya}`)).body.round.name;
  // Area A1 answered in full (a saved draft): the list marks it complete.
  const a1 = { a1_1: 2, a1_2: 3, a1_3: 1, a1_4: 'na', a1_5: 4, a1_importance: 3 };
  const saved = await request(`${app.baseUrl}/api/respondent/${round.kenya}/draft`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ answers: a1, baseRevision: 0 }),
  });
  expect(saved.status).toBe(200);
});
afterAll(async () => {
  await browser?.close();
});

async function open(viewport: { width: number; height: number }, lang: string): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: lang === 'es' ? 'es-ES' : 'en-GB' });
  const page = await context.newPage();
  await page.goto(`${app.baseUrl}/respond/${round.kenya}?lang=${lang}`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.locator('#areas summary').waitFor();
  return page;
}

/** Jumps through the areas' list with the keyboard alone: Tab to the summary, open it, Tab to the area. */
async function jumpByKeyboard(page: Page, area: number): Promise<void> {
  await page.locator('#language').focus();
  // Tab until the summary has the focus (the context line and status are not focusable).
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Tab');
    if (await page.locator('#areas summary').evaluate((s) => s === document.activeElement)) break;
  }
  await page.keyboard.press('Enter');
  await page.locator('#areas li button').first().waitFor(); // the list opens
  for (let i = 0; i < area; i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
}

/** The number shown before each question title on the current page ('' when none). */
const questionNumbers = (page: Page) =>
  page
    .locator('#survey .sd-question')
    .evaluateAll((qs) =>
      qs.map((q) => [q.getAttribute('data-name'), (q.querySelector('.sd-element__num')?.textContent ?? '').trim()]),
    );

describe('When a focal point opens the capacity questionnaire on a laptop (1366×768)', () => {
  let page: Page;
  beforeAll(async () => {
    page = await open({ width: 1366, height: 768 }, 'en');
  });
  afterAll(async () => {
    await page?.context().close();
  });

  it('then the country, the round and the deadline are shown, and the tab title names them', async () => {
    const context = page.locator('#context');
    await expect(context.textContent()).resolves.toContain('Kenya');
    expect(await context.textContent()).toContain(roundName);
    expect(await context.locator('.deadline').textContent()).toMatch(/^Deadline: \w+ \d{1,2}, 20\d\d$/);
    expect(await page.title()).toBe(`Kenya — ${roundName} — capgap`);
  });

  it('then the list of areas jumps to the third by keyboard, says "Area 3 of 10" and marks A1 complete', async () => {
    expect(await page.locator('#areas summary').textContent()).toBe('1 of 10 areas complete');
    await jumpByKeyboard(page, 3);
    await page.locator('#survey .sd-page__title', { hasText: 'A3' }).waitFor();
    expect(await page.locator('#areas summary').textContent()).toBe('Area 3 of 10 · 1 of 10 areas complete');
    // The focus lands on the new page's title, where reading starts.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('A3');
    // Closed after the jump; opened again, it marks where the respondent is and what is done.
    expect(await page.locator('#areas details').getAttribute('open')).toBeNull();
    await page.locator('#areas summary').click();
    const items = page.locator('#areas li button');
    await items.first().waitFor();
    expect(await items.count()).toBe(10);
    expect(await items.nth(0).textContent()).toMatch(/^A1 .* ✓ complete$/);
    expect(await items.nth(1).locator('.area-done').count()).toBe(0);
    expect(await items.nth(2).getAttribute('aria-current')).toBe('step');
    expect(await page.locator('#context').isVisible()).toBe(true);
  });

  it('then the indicators read 1, 2, 3… and their evidence fields carry no number', async () => {
    const numbers = await questionNumbers(page);
    const indicators = numbers.filter(([name]) => /^a3_\d+$/.test(name ?? ''));
    expect(indicators.map(([, n]) => n)).toEqual(indicators.map((_, i) => `${i + 1}.`));
    const evidence = numbers.filter(([name]) => /_evidence$/.test(name ?? ''));
    expect(evidence.length).toBeGreaterThan(0);
    expect(evidence.every(([, n]) => n === '')).toBe(true);
    // Drawn as one card with its indicator: no gap between them.
    const indicatorBox = await page.locator('[data-name="a3_1"]').boundingBox();
    const evidenceBox = await page.locator('[data-name="a3_1_evidence"]').boundingBox();
    expect(Math.abs(evidenceBox!.y - (indicatorBox!.y + indicatorBox!.height))).toBeLessThanOrEqual(1);
  });

  it('then an unselected radio circle stands out from its background (≥ 3:1)', async () => {
    const ratio = await page
      .locator('[data-name="a3_1"] .sd-item__decorator')
      .first()
      .evaluate((el) => {
        const rgb = (s: string) => (s.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
        const lum = (c: number[]) => {
          const [r, g, b] = c.map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
          return 0.2126 * r + 0.7152 * g + 0.0722 * b;
        };
        const style = getComputedStyle(el);
        const ring = lum(rgb(style.boxShadow));
        const inside = lum(rgb(style.backgroundColor));
        const [hi, lo] = ring > inside ? [ring, inside] : [inside, ring];
        return (hi + 0.05) / (lo + 0.05);
      });
    expect(ratio).toBeGreaterThanOrEqual(3);
  });

  it('then axe finds nothing serious', async () => {
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});

describe('When a focal point opens it in Spanish on a phone (390×844)', () => {
  let page: Page;
  beforeAll(async () => {
    page = await open({ width: 390, height: 844 }, 'es');
  });
  afterAll(async () => {
    await page?.context().close();
  });

  it('then the bearings speak Spanish, the list jumps by keyboard, and axe finds nothing serious', async () => {
    expect(await page.locator('#context .deadline').textContent()).toMatch(/^Fecha límite: \d{1,2} de \w+ de 20\d\d$/);
    expect(await page.title()).toBe(`Kenya — ${roundName} — capgap`);
    await jumpByKeyboard(page, 2);
    await page.locator('#survey .sd-page__title', { hasText: 'A2' }).waitFor();
    expect(await page.locator('#areas summary').textContent()).toBe('Área 2 de 10 · 1 de 10 áreas completas');
    await page.locator('#areas summary').click();
    await page.locator('#areas li button').first().waitFor();
    expect(await page.locator('#areas li button').first().textContent()).toMatch(/✓ completa$/);
    // Nothing wider than the phone's screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
