// The respondent page in a real browser shows the country's partnerships once its response is
// approved: nothing before; after approval and a confirmed match, the partner with the reason in
// the page's language (French for this link, English after switching), and the other proposals
// for the country's top-priority area where the round shows suggestions.
import type { Browser, Page } from 'playwright-core';
import { seedReferenceData } from '../../server/reference/seed-reference';
import { launchBrowser } from '../helpers/browser';
import { createOrganizer, postJson, request } from '../helpers/http';
import { submittedEastAfricaRound } from '../helpers/rounds';
import { setupTestApp, type TestApp } from '../helpers/test-app';
import { seriousAxeViolations } from './console-axe';

const testApp = setupTestApp();
let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  app = testApp();
  browser = await launchBrowser();
  await seedReferenceData();
});
afterAll(async () => {
  await browser?.close();
});

async function openPage(page: Page, token: string): Promise<void> {
  await page.goto(`${app.baseUrl}/respond/${token}`);
  await page.waitForSelector('body[data-ready="true"]');
}

describe('When a country opens its page before and after its response is approved and a partnership confirmed', () => {
  it('then the partnerships appear only after approval, with their reasons in the page language', async () => {
    const { roundId, tokens } = await submittedEastAfricaRound(app.baseUrl);
    const organizer = await createOrganizer(app.baseUrl, 'organizer');
    const admin = await createOrganizer(app.baseUrl, 'admin');

    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await openPage(page, tokens.KEN);
      await page.waitForSelector('#profile:not([hidden])');
      await expect(page.locator('#partnerships').isHidden()).resolves.toBe(true);

      for (const country of ['KEN', 'UGA', 'TZA'])
        expect(
          (await postJson(`${app.baseUrl}/api/rounds/${roundId}/responses/${country}/approve`, {}, organizer.headers))
            .status,
        ).toBe(200);
      const settings = await request(`${app.baseUrl}/api/rounds/${roundId}/matching/settings`, {
        method: 'PUT',
        headers: admin.headers,
        body: JSON.stringify({ showSuggestions: true }),
      });
      expect(settings.status).toBe(200);
      const run = await postJson(`${app.baseUrl}/api/rounds/${roundId}/matching/runs`, {}, organizer.headers);
      expect(run.status).toBe(201);
      const confirm = await postJson(
        `${app.baseUrl}/api/rounds/${roundId}/matching/runs/1/matches/KEN-A1-gov:UGA/confirm`,
        {},
        organizer.headers,
      );
      expect(confirm.status).toBe(200);

      await openPage(page, tokens.KEN);
      const section = page.getByRole('region', { name: 'Les partenariats de votre pays' });
      await section.waitFor();
      const confirmed = section.locator('[data-list="partnerships"] li');
      await expect(confirmed.count()).resolves.toBe(1);
      const line = await confirmed.textContent();
      expect(line).toContain('Ouganda accompagne votre pays en A1');
      expect(line).toContain('gouvernement pair · confirmé par les organisateurs');
      expect(line).toMatch(/Pourquoi\u00a0: Ouganda 100 contre 25 pour vous en A1/);
      await expect(
        section.getByRole('heading', { name: 'Partenaires suggérés pour vos domaines prioritaires' }).count(),
      ).resolves.toBe(1);
      const suggested = await section.locator('[data-list="suggestions"][data-area="A1"] li').allTextContents();
      expect(suggested).toHaveLength(1);
      expect(suggested[0]).toContain('Tanzanie');
      expect(await seriousAxeViolations(page)).toEqual([]);

      await page.selectOption('#language', 'en');
      const english = page.getByRole('region', { name: 'Your country’s partnerships' });
      await english.waitFor();
      await expect(english.locator('[data-list="partnerships"] li').textContent()).resolves.toContain(
        'Uganda supports your country on A1',
      );
      await expect(english.locator('[data-list="partnerships"] li').textContent()).resolves.toContain(
        'Why: Uganda 100 vs your 25 on A1',
      );
    } finally {
      await context.close();
    }
  });
});
