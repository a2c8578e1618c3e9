// A round's matching page in Chromium, keyboard only: an organizer runs matching, confirms one
// proposal and rejects another with Tab and Enter; both sides' introductions appear in the
// outbox and are received by a real SMTP server; an older run's proposal answers with a clear
// 409 on the page; a viewer sees the page without buttons. axe checks each state of the page.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createAccount } from '../../server/auth/accounts';
import { seedReferenceData } from '../../server/reference/seed-reference';
import { launchBrowser } from '../helpers/browser';
import { pressEnterAndReload, signIn as signInPage, tabTo as tabToControl } from '../helpers/console-browser';
import { createOrganizer, postJson, testPassword, type Organizer } from '../helpers/http';
import { createMatchingRound, matchingFocalPoints } from '../helpers/matching-round';
import { deliverOutbox, startTestSmtpServer, type TestSmtpServer } from '../helpers/smtp';
import { setupTestApp } from '../helpers/test-app';
import { seriousAxeViolations } from './console-axe';

const app = setupTestApp();
let browser: Browser;
let smtp: TestSmtpServer;
let api: Organizer;
let path: string;
let roundId: string;
const organizer = { email: 'coordinator@forum.example', name: 'Aïssata Coordinator' };
const viewer = { email: 'reader@forum.example', name: 'Rita Reader' };
const violations: string[] = [];

beforeAll(async () => {
  await seedReferenceData();
  smtp = await startTestSmtpServer();
  await createAccount({ ...organizer, role: 'organizer', password: testPassword });
  await createAccount({ ...viewer, role: 'viewer', password: testPassword });
  api = await createOrganizer(app().baseUrl, 'organizer');
  roundId = await createMatchingRound(app().baseUrl, api, 'Roundtable 2027');
  path = `/console/rounds/${roundId}/matching`;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await smtp?.close();
});

/** Tab to the button named `name`. */
const tabTo = (page: Page, name: RegExp) => tabToControl(page, 'button', name);

const signIn = (context: BrowserContext, who: { email: string }) => signInPage(context, app().baseUrl, who, path);

describe('When an organizer decides on matches with the keyboard only', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await browser.newContext({ locale: 'en-GB' });
    page = await signIn(context, organizer);
  });
  afterAll(async () => {
    await context?.close();
  });

  it('then Run matching shows the proposals of run 1 grouped by country', async () => {
    expect(await page.locator('#run-summary').innerText()).toContain('Matching has not been run');
    violations.push(...(await seriousAxeViolations(page)));
    expect(await tabTo(page, /^Run matching$/)).toBe('Run matching');
    await pressEnterAndReload(page);
    expect(await page.locator('#run-summary').innerText()).toContain('Run 1');
    expect(await page.locator('table.matches caption').allInnerTexts()).toEqual(['Kenya (KEN)', 'Niger (NER)']);
    expect(await page.locator('#matches-KEN tbody tr').count()).toBe(2);
    violations.push(...(await seriousAxeViolations(page)));
  });

  it('then Enter on Confirm confirms one match and Enter on Reject rejects another', async () => {
    page.once('dialog', (d) => void d.accept());
    const confirmed = await tabTo(page, /^Confirm: Kenya/);
    await pressEnterAndReload(page);
    const confirmedPair = confirmed.replace(/^Confirm: /, '');
    const rejected = await tabTo(page, /^Reject: Kenya/);
    await pressEnterAndReload(page);
    const rejectedPair = rejected.replace(/^Reject: /, '');

    const rows = page.locator('#matches-KEN tbody tr');
    const states = await rows.locator('td:nth-last-child(2)').allInnerTexts();
    expect(states.some((s) => s.startsWith('confirmed'))).toBe(true);
    expect(states.some((s) => s.startsWith('rejected'))).toBe(true);
    expect(
      await page
        .locator('#matches-KEN')
        .getByRole('button', { name: /^Confirm:/ })
        .count(),
    ).toBe(0);
    const introductions = await page.locator('#introduction-states tbody tr').allInnerTexts();
    expect(introductions).toHaveLength(1);
    expect(introductions[0]).toContain(confirmedPair);
    expect(introductions[0]).toContain('introduction sent, no answer yet');
    expect(introductions.join('\n')).not.toContain(rejectedPair);
    violations.push(...(await seriousAxeViolations(page)));
  });

  it('then both introductions are in the outbox and reach the SMTP server, each in its recipient’s language', async () => {
    await page.goto(`${app().baseUrl}/console/outbox?round=${roundId}`);
    const rows = await page.locator('#outbox tbody tr').allInnerTexts();
    const introductions = rows.filter((r) => r.includes('introduction'));
    expect(introductions).toHaveLength(2);
    expect(introductions.some((r) => r.includes(matchingFocalPoints.KEN))).toBe(true);
    violations.push(...(await seriousAxeViolations(page)));

    expect(await deliverOutbox(smtp)).toBe(2);
    const received = await smtp.waitFor(2);
    const kenya = received.find((m) => m.to[0] === matchingFocalPoints.KEN)!;
    expect(kenya.subject).toMatch(/^Partnership introduction: Kenya and /);
    const other = received.find((m) => m.to[0] !== matchingFocalPoints.KEN)!;
    expect(other.subject).toMatch(/^(Mise en relation|Presentación para una alianza)/);
    expect(other.text).toContain(matchingFocalPoints.KEN);
  });

  it('then a decision on a page left open while another run was made says the run is older', async () => {
    await page.goto(`${app().baseUrl}${path}`);
    await page.waitForSelector('body[data-ready="true"]');
    expect((await postJson(`${app().baseUrl}/api/rounds/${roundId}/matching/runs`, {}, api.headers)).status).toBe(201);
    await tabTo(page, /^Reject: Niger/);
    await page.keyboard.press('Enter');
    const output = page.locator('[id^="out-NER-"]:not(:empty)');
    await output.waitFor();
    expect(await output.innerText()).toContain('These proposals are from an older run');
    expect(await page.evaluate(() => document.activeElement?.id ?? '')).toMatch(/^out-NER-/);
    violations.push(...(await seriousAxeViolations(page)));
  });
});

describe('When an organizer excludes a proposal and an admin changes the settings', () => {
  it('then the exclusion is listed for the next run, and the saved settings show on the page', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    try {
      const page = await signIn(context, organizer);
      const excluded = (await tabTo(page, /^Exclude: Niger/)).replace(/^Exclude: /, '');
      await pressEnterAndReload(page);
      const listed = await page.locator('#pin-list tbody tr').allInnerTexts();
      expect(listed).toHaveLength(1);
      expect(listed[0]).toContain(excluded);
      expect(listed[0]).toContain('excluded');
      await context.clearCookies();

      await createAccount({ email: 'admin@forum.example', name: 'Ada Admin', role: 'admin', password: testPassword });
      const adminPage = await signIn(context, { email: 'admin@forum.example' });
      await adminPage.getByLabel('Partners wanted per area').fill('1');
      await adminPage.getByLabel('Shared language').fill('4');
      await Promise.all([adminPage.waitForEvent('load'), adminPage.getByRole('button', { name: 'Save' }).click()]);
      await adminPage.waitForSelector('body[data-ready="true"]');
      expect(await adminPage.getByLabel('Partners wanted per area').inputValue()).toBe('1');
      expect(await adminPage.getByLabel('Shared language').inputValue()).toBe('4');
      violations.push(...(await seriousAxeViolations(adminPage)));
    } finally {
      await context.close();
    }
  });
});

describe('When a viewer opens the matching page', () => {
  it('then they see the proposals and introductions, in French on asking, without any button', async () => {
    const context = await browser.newContext();
    try {
      const page = await signIn(context, viewer);
      await page.goto(`${app().baseUrl}${path}?lang=fr`);
      expect(await page.locator('html').getAttribute('lang')).toBe('fr');
      expect(await page.locator('table.matches').count()).toBeGreaterThan(0);
      expect(await page.locator('#introduction-states tbody tr').count()).toBe(1);
      expect(await page.locator('main form[data-api], main form:not([method="get"]) button').count()).toBe(0);
      violations.push(...(await seriousAxeViolations(page)));
    } finally {
      await context.close();
    }
  });
});

describe('When axe checked every state of the matching page', () => {
  it('then it found nothing serious or critical', () => {
    expect(violations).toEqual([]);
  });
});
