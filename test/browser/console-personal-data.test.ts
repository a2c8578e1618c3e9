// Erasing people from the console, in Chromium: an organizer erases a focal point from the
// round's dashboard after a confirmation that says what happens (its row is gone, the country
// and its other focal point stay); an admin looks up an address on the personal-data page, sees
// its records (also in French), erases everything after ticking the box and confirming, sees
// what was erased, and a second lookup finds nothing. axe checks every state of the page, and the
// page's first load stays within the console's weight budget.
import type { Browser, BrowserContext, Cookie, Page } from 'playwright-core';
import { measurePageWeight } from '../../scripts/page-weight/measure';
import { seedReferenceData } from '../../server/reference/seed-reference';
import { launchBrowser } from '../helpers/browser';
import { ready, signedInContext } from '../helpers/console-browser';
import { createOrganizer, type Organizer } from '../helpers/http';
import { roundWithFocalPoints } from '../helpers/rounds';
import { dropTestDatabase, startTestApp, type TestApp } from '../helpers/test-app';
import { seriousAxeViolations } from './console-axe';

let app: TestApp;
let browser: Browser;
let organizerContext: BrowserContext;
let adminContext: BrowserContext;
let organizer: Organizer;
let admin: Organizer;
let roundId: string;
const violations: string[] = [];
const amina = { name: 'Amina Wanjiku', email: 'amina.wanjiku@interior.go.ke' };
const wanjiru = { name: 'Grace Wanjiru', email: 'grace.wanjiru@interior.go.ke' };

const url = (p: string) => `${app.baseUrl}${p}`;
const lookUp = (email: string, lang = 'en') =>
  url(`/console/personal-data?email=${encodeURIComponent(email)}&lang=${lang}`);

beforeAll(async () => {
  app = await startTestApp();
  await seedReferenceData();
  organizer = await createOrganizer(app.baseUrl, 'organizer');
  admin = await createOrganizer(app.baseUrl, 'admin');
  roundId = await roundWithFocalPoints(
    app.baseUrl,
    organizer,
    [`KEN,${amina.name},${amina.email},en,Interior`, `KEN,${wanjiru.name},${wanjiru.email},en,Interior`],
    { invite: true },
  );
  browser = await launchBrowser();
  organizerContext = await signedInContext(browser, app.baseUrl, organizer);
  adminContext = await signedInContext(browser, app.baseUrl, admin);
}, 60_000);
afterAll(async () => {
  await organizerContext?.close();
  await adminContext?.close();
  await browser?.close();
  await app?.close();
  await dropTestDatabase();
});

describe('When an organizer erases a focal point from the round’s dashboard', () => {
  it('then the confirmation says what happens, and once accepted the row is gone and the colleague stays', async () => {
    const page = await organizerContext.newPage();
    await page.goto(url(`/console/rounds/${roundId}`));
    await ready(page);
    violations.push(...(await seriousAxeViolations(page)));
    const countries = page.locator('#countries');
    expect(await countries.innerText()).toContain(amina.email);

    let asked = '';
    page.once('dialog', (d) => {
      asked = d.message();
      void d.accept();
    });
    await Promise.all([
      page.waitForEvent('load'),
      page.getByRole('button', { name: `Erase the personal data of ${amina.name}` }).click(),
    ]);
    await ready(page);
    expect(asked).toContain(`Erase ${amina.name} <${amina.email}>?`);
    expect(asked).toContain('including the emails sent to them');
    expect(asked).toContain('The country’s response and the audit trail stay, under a pseudonym.');
    expect(asked).toContain('This cannot be undone.');
    const after = await countries.innerText();
    expect(after).not.toContain(amina.email);
    expect(after).not.toContain(amina.name);
    expect(after).toContain(wanjiru.email);
    expect(after).toContain('Kenya (KEN)');
    violations.push(...(await seriousAxeViolations(page)));
    await page.close();
  });
});

describe('When an admin looks up an address on the personal-data page and erases everything about it', () => {
  let page: Page;
  beforeAll(async () => {
    page = await adminContext.newPage();
  });
  afterAll(async () => {
    await page?.close();
  });

  it('then the form finds the records, grouped by feature, in English and in French', async () => {
    await page.goto(url('/console/personal-data?lang=en'));
    await ready(page);
    violations.push(...(await seriousAxeViolations(page)));
    await page.getByLabel('Email address').fill(wanjiru.email);
    await Promise.all([page.waitForURL(/email=/), page.getByRole('button', { name: 'Look up' }).click()]);
    await ready(page);
    expect(await page.locator('#stored').innerText()).toBe(`Stored about ${wanjiru.email}`);
    expect(await page.locator('[data-count="focalPoints"]').innerText()).toBe('1');
    expect(await page.locator('[data-count="outbox"]').innerText()).toBe('1');
    expect(await page.locator('section[aria-labelledby="group-focalPoints"] dl').innerText()).toContain(wanjiru.name);
    expect(await page.getByRole('link', { name: 'Download as JSON' }).getAttribute('href')).toBe(
      `/api/personal-data?email=${encodeURIComponent(wanjiru.email)}&download=true`,
    );
    violations.push(...(await seriousAxeViolations(page)));

    await page.goto(lookUp(wanjiru.email, 'fr'));
    await ready(page);
    expect(await page.locator('h1').innerText()).toBe('Données personnelles');
    expect(await page.locator('#group-focalPoints').innerText()).toBe('Points focaux (1)');
    violations.push(...(await seriousAxeViolations(page)));
  });

  it('then erasing asks for the box and a confirmation, shows what was erased, and a second lookup finds nothing', async () => {
    await page.goto(lookUp(wanjiru.email));
    await ready(page);
    const erase = page.getByRole('button', { name: 'Erase everything about this address' });
    let asked = '';
    page.on('dialog', (d) => {
      asked = d.message();
      void d.accept();
    });
    await erase.click(); // the box is not ticked: the browser stops the form before any confirmation
    expect(asked).toBe('');
    expect(await page.locator('[data-count="focalPoints"]').innerText()).toBe('1');

    await page.getByLabel('I understand that this cannot be undone').check();
    await Promise.all([page.waitForEvent('load'), erase.click()]);
    await ready(page);
    expect(asked).toBe(`Erase everything about ${wanjiru.email}? This cannot be undone.`);
    const report = page.locator('#erase-output');
    expect(await report.locator('caption').innerText()).toBe('What was erased');
    const rows = await report.locator('tbody tr').allInnerTexts();
    expect(rows).toContain('Focal points\t1');
    expect(rows).toContain('Emails\t1');
    expect(await report.innerText()).toMatch(/From now on the kept records name this person: person-[0-9a-f]{16}/);
    expect(await page.locator('#stored-summary').innerText()).toBe('Nothing stored names this address.');
    violations.push(...(await seriousAxeViolations(page)));

    await page.goto(lookUp(wanjiru.email));
    await ready(page);
    expect(await page.locator('#erase-output').innerText()).toBe('');
    expect(await page.locator('#stored-summary').innerText()).toBe('Nothing stored names this address.');
    for (const group of ['focalPoints', 'links', 'outbox', 'partnerContacts'])
      expect(await page.locator(`[data-count="${group}"]`).innerText()).toBe('0');
    // The focal point erased from the dashboard is gone too.
    await page.goto(lookUp(amina.email));
    await ready(page);
    expect(await page.locator('#stored-summary').innerText()).toBe('Nothing stored names this address.');
  });

  it('then the page’s first load, with records, stays within the console’s 300 kB budget', async () => {
    const [name, value] = admin.cookie.split('=');
    const { hostname } = new URL(app.baseUrl);
    const cookies: Cookie[] = [
      { name, value, domain: hostname, path: '/', expires: -1, httpOnly: true, secure: false, sameSite: 'Lax' },
    ];
    const weight = await measurePageWeight(browser, lookUp(admin.email), { cookies });
    const document = weight.first.requests.find((r) => r.type === 'Document');
    expect(document?.status).toBe(200);
    expect(weight.first.totalBytes).toBeLessThanOrEqual(300_000);
  });

  it('then axe finds nothing serious or critical on any state of the pages', () => {
    expect(violations).toEqual([]);
  });
});
