// A round's webhook on its settings page, in Chromium: an organizer registers an https URL and
// sees the signing secret once, the page then lists the URL and the latest deliveries with
// their status (in English, French and Spanish), the organizer removes it; a viewer sees the
// section without any action. axe checks every state of the page.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createCountryLink } from '../../server/invitations/links';
import { seedReferenceData } from '../../server/reference/seed-reference';
import { launchBrowser } from '../helpers/browser';
import { ready, signedInContext } from '../helpers/console-browser';
import { createOrganizer, postJson, request, type Organizer } from '../helpers/http';
import { strongA1 } from '../helpers/matching-round';
import { createEastAfricaRound } from '../helpers/rounds';
import { dropTestDatabase, startTestApp, type TestApp } from '../helpers/test-app';
import { seriousAxeViolations } from './console-axe';

let app: TestApp;
let browser: Browser;
let organizerContext: BrowserContext;
let viewerContext: BrowserContext;
let page: Page;
let organizer: Organizer;
let viewer: Organizer;
let roundId: string;
const violations: string[] = [];
// An address nobody answers: no worker runs here, deliveries stay waiting.
const receiverUrl = 'https://receiver.invalid/capgap-events';

const settings = () => `${app.baseUrl}/console/rounds/${roundId}/settings`;

beforeAll(async () => {
  app = await startTestApp({ webhookAllowPrivate: true });
  await seedReferenceData();
  organizer = await createOrganizer(app.baseUrl, 'organizer');
  viewer = await createOrganizer(app.baseUrl, 'viewer');
  roundId = await createEastAfricaRound();
  browser = await launchBrowser();
  organizerContext = await signedInContext(browser, app.baseUrl, organizer);
  viewerContext = await signedInContext(browser, app.baseUrl, viewer);
  page = await organizerContext.newPage();
});
afterAll(async () => {
  await organizerContext?.close();
  await viewerContext?.close();
  await browser?.close();
  await app?.close();
  await dropTestDatabase();
});

describe('When an organizer registers a webhook on the round’s settings page', () => {
  it('then the secret is shown once, and the page lists the URL and the deliveries with their status', async () => {
    await page.goto(settings());
    await ready(page);
    expect(await page.locator('#webhook-settings').innerText()).toBe('Webhook for integrators');
    violations.push(...(await seriousAxeViolations(page)));

    await page.getByLabel('Receiver URL (https)').fill(receiverUrl);
    await page.getByRole('button', { name: 'Register (makes a new secret)' }).click();
    const secret = page.locator('#webhook-output code');
    await secret.waitFor();
    expect(await secret.innerText()).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    violations.push(...(await seriousAxeViolations(page)));

    // An event after registration: a delivery waits for the worker.
    const { token } = await createCountryLink({ roundId, country: 'UGA', language: 'en' });
    const submitted = await postJson(`${app.baseUrl}/api/respondent/${token}/submit`, {
      answers: strongA1,
      baseRevision: 0,
    });
    expect(submitted.status).toBe(200);

    await page.reload();
    await ready(page);
    expect(await page.locator('#webhook-output').innerText()).toBe(''); // shown once: gone after a reload
    expect(await page.locator('section[aria-labelledby="webhook-settings"] code').innerText()).toBe(receiverUrl);
    const rows = await page.locator('#webhook-deliveries tbody tr').allInnerTexts();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('response.submitted');
    expect(rows[0]).toContain('waiting');
    violations.push(...(await seriousAxeViolations(page)));

    for (const [lang, title, status] of [
      ['fr', 'Webhook pour les intégrateurs', 'en attente'],
      ['es', 'Webhook para integradores', 'en espera'],
    ] as const) {
      await page.goto(`${settings()}?lang=${lang}`);
      await ready(page);
      expect(await page.locator('#webhook-settings').innerText()).toBe(title);
      expect(await page.locator('#webhook-deliveries tbody tr').innerText()).toContain(status);
      violations.push(...(await seriousAxeViolations(page)));
    }
    await page.goto(`${settings()}?lang=en`);
    await ready(page);
  });

  it('then a viewer sees the URL and the deliveries but no form or button', async () => {
    const viewerPage = await viewerContext.newPage();
    await viewerPage.goto(settings());
    await ready(viewerPage);
    const section = viewerPage.locator('section[aria-labelledby="webhook-settings"]');
    expect(await section.locator('code').innerText()).toBe(receiverUrl);
    expect(await section.locator('#webhook-deliveries tbody tr').count()).toBe(1);
    expect(await section.locator('form, button, input').count()).toBe(0);
    expect(await section.innerText()).toContain('Only organizers change the webhook.');
    violations.push(...(await seriousAxeViolations(viewerPage)));
    await viewerPage.close();
  });

  it('then the organizer removes it, after confirming', async () => {
    page.once('dialog', (d) => void d.accept());
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Remove the webhook' }).click()]);
    await ready(page);
    expect(await page.locator('section[aria-labelledby="webhook-settings"]').innerText()).toContain(
      'No webhook is registered.',
    );
    const api = await request(`${app.baseUrl}/api/rounds/${roundId}/webhook`, { headers: { Cookie: viewer.cookie } });
    expect(api.body).toEqual({ webhook: null });
    violations.push(...(await seriousAxeViolations(page)));
  });

  it('then axe finds nothing serious or critical on any state of the page', () => {
    expect(violations).toEqual([]);
  });
});
