// The console's score views in Chromium, as a viewer: the gaps heat map, a country profile and
// the regions pass axe (nothing serious or critical) in three languages; heat-map cells are
// links named by what they show (not by colour) and open the profile; charts are images named
// by their titles, with their table view one click away; the views work without the module.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seedReferenceData } from '../../server/reference/seed-reference';
import { launchBrowser } from '../helpers/browser';
import { createOrganizer } from '../helpers/http';
import { seedScoreViews, type ScoreViews } from '../helpers/score-views';
import { setupTestApp } from '../helpers/test-app';
import { seriousAxeViolations } from './console-axe';

const app = setupTestApp();
let browser: Browser;
let context: BrowserContext;
let page: Page;
let views: ScoreViews;

beforeAll(async () => {
  await seedReferenceData();
  views = await seedScoreViews(app().baseUrl, app().forms);
  const viewer = await createOrganizer(app().baseUrl, 'viewer');
  const [name, value] = viewer.cookie.split('=');
  browser = await launchBrowser();
  context = await browser.newContext({ locale: 'en-GB' });
  await context.addCookies([{ name, value, url: app().baseUrl }]);
  page = await context.newPage();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

async function open(path: string): Promise<void> {
  const reply = await page.goto(`${app().baseUrl}${path}`);
  expect({ path, status: reply?.status() }).toEqual({ path, status: 200 });
}

describe('When a viewer reads the score views of a round in Chromium', () => {
  it('then no page, in any language, has a serious or critical axe violation', async () => {
    const r = `/console/rounds/${views.current}`;
    const paths = [
      `${r}/gaps?lang=en`,
      `${r}/gaps?sort=A1.priority&group=south:world-bank:south`,
      `${r}/gaps?group=region:Europe`,
      `${r}/countries/KEN/profile`,
      `${r}/countries/FRA/profile`,
      `${r}/countries/BRA/profile`,
      `${r}/regions`,
      `${r}/regions?by=group`,
      `${r}/gaps?lang=fr`,
      `${r}/countries/KEN/profile?lang=fr`,
      `${r}/regions?by=south:undp-hdi&lang=es`,
      `${r}/countries/NER/profile?lang=es`,
    ];
    const violations: string[] = [];
    for (const path of paths) {
      await open(path);
      violations.push(...(await seriousAxeViolations(page)));
    }
    expect(violations).toEqual([]);
    await open(`${r}/gaps?lang=en`);
  });

  it('then a heat-map cell is a link named by its numbers and band, and opens the country profile', async () => {
    await open(`/console/rounds/${views.current}/gaps`);
    const niger = page.getByRole('link', { name: /^Niger, A1: requires further progress, capacity 0/ });
    const kenya = page.getByRole('link', { name: /^Kenya, A3: insufficient data/ });
    expect(await kenya.count()).toBe(1);
    await niger.focus();
    await Promise.all([page.waitForURL(`**/countries/NER/profile`), page.keyboard.press('Enter')]);
    expect(await page.locator('h1').innerText()).toMatch(/^Niger — Profile/);
  });

  it('then the charts are images named by their titles, with a table of the same numbers one click away', async () => {
    await open(`/console/rounds/${views.current}/countries/KEN/profile`);
    expect(await page.getByRole('img', { name: 'Capacity against target' }).count()).toBe(1);
    const table = page.locator('#radar-table');
    expect(await table.isVisible()).toBe(false);
    await page.locator('summary', { hasText: 'Table view' }).first().click();
    expect(await table.isVisible()).toBe(true);
    expect(await table.locator('tbody tr').count()).toBe(10);

    await open(`/console/rounds/${views.current}/regions`);
    expect(
      await page.getByRole('img', { name: /^A1 Data collection — Capacity: mean, median, min and max$/ }).count(),
    ).toBe(1);
    await page.getByLabel('Grouping').selectOption('south:world-bank');
    await Promise.all([
      page.waitForURL('**/regions?by=south%3Aworld-bank'),
      page.getByRole('button', { name: 'Show' }).click(),
    ]);
    expect((await page.locator('#area-0-table tbody th').allTextContents()).map((s) => s.trim())).toEqual([
      'All countries',
      'South (World Bank income): South',
    ]);
  });
});
