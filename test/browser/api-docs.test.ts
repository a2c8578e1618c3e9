// The API documentation page in Chromium: Swagger UI, served from this site under the site's
// usual content security policy, renders the OpenAPI document, and "Try it out" acts as the
// signed-in person (a state change goes through with the session's CSRF token).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { signedInContext } from '../helpers/console-browser';
import { createOrganizer, request } from '../helpers/http';
import { setupTestApp, type TestApp } from '../helpers/test-app';

const testApp = setupTestApp();
let app: TestApp;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  app = testApp();
  browser = await launchBrowser();
  context = await signedInContext(browser, app.baseUrl, await createOrganizer(app.baseUrl, 'admin'));
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

/** Opens /api/docs, recording console errors, uncaught errors and CSP violations. */
async function openDocs(): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  await page.exposeFunction('reportCspViolation', (what: string) => problems.push(`CSP: ${what}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportCspViolation(w: string): void }).reportCspViolation(
        `${e.violatedDirective} ${e.blockedURI}`,
      ),
    );
  });
  await page.goto(`${app.baseUrl}/api/docs`);
  await page.waitForSelector('body[data-ready="true"]');
  return { page, problems };
}

describe('When someone opens /api/docs in a browser', () => {
  it('then Swagger UI shows the operations of the document, with no CSP violation or console error', async () => {
    const { page, problems } = await openDocs();
    // Grouped as the document's tags say, each operation with its summary.
    const listRounds = page.locator('#operations-Rounds-getRounds');
    await listRounds.waitFor();
    await expect(listRounds.locator('.opblock-summary-path').innerText()).resolves.toBe('/api/rounds');
    await expect(listRounds.locator('.opblock-summary-description').innerText()).resolves.toBe('List the rounds');
    expect(await page.locator('.opblock').count()).toBeGreaterThan(50);
    // The list for browsers without JavaScript gives way to Swagger UI.
    expect(await page.locator('#api-list').isHidden()).toBe(true);
    // Swagger UI's files came from this site's asset store.
    const sources = await page
      .locator('script[src], link[rel="stylesheet"]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('src') ?? el.getAttribute('href')));
    for (const src of sources) expect(src).toMatch(/^\/assets\/[0-9a-f]{16}\//);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('then "Try it out" signs the admin out: the request carried the CSRF token', async () => {
    const { page, problems } = await openDocs();
    const signOut = page.locator('#operations-Session_and_accounts-deleteSession');
    await signOut.locator('.opblock-summary-control').click();
    await signOut.locator('.try-out__btn').click();
    await signOut.locator('.execute').click();
    const status = signOut.locator('.live-responses-table tbody .response-col_status').first();
    await status.waitFor();
    await expect(status.innerText()).resolves.toBe('204');
    // The session is gone: the browser's cookie no longer signs anyone in.
    const [cookie] = await context.cookies(app.baseUrl);
    const after = await request(`${app.baseUrl}/api/session`, {
      headers: { Cookie: `${cookie?.name}=${cookie?.value}` },
    });
    expect(after.status).toBe(401);
    expect(problems).toEqual([]);
    await page.close();
  });
});
