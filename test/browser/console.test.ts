// The organizer console in Chromium, through the real app, database and pages: sign in, create
// a round, import focal points (a file with a bad row first, its row report on the page, then
// the fixed file), invite, and find the invitations in the outbox with a preview. A viewer sees
// the dashboard without its actions, and the API refuses them anyway. axe checks every page.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createAccount } from '../../server/auth/accounts';
import { seedReferenceData } from '../../server/reference/seed-reference';
import { launchBrowser } from '../helpers/browser';
import { signIn as signInPage } from '../helpers/console-browser';
import { testPassword } from '../helpers/http';
import { setupTestApp } from '../helpers/test-app';
import { seriousAxeViolations } from './console-axe';

const app = setupTestApp();
let browser: Browser;
const violations: string[] = [];
const tag = Date.now().toString(36);
const organizer = { email: `coordinator.${tag}@forum.example`, name: 'Aïssata Coordinator' };
const viewer = { email: `reader.${tag}@forum.example`, name: 'Rita Reader' };
const emails = { kenya: `amina.${tag}@interior.go.ke`, niger: `moussa.${tag}@interieur.gouv.ne` };

beforeAll(async () => {
  await seedReferenceData();
  await createAccount({ ...organizer, role: 'organizer', password: testPassword });
  await createAccount({ ...viewer, role: 'viewer', password: testPassword });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function checkAxe(page: Page): Promise<void> {
  violations.push(...(await seriousAxeViolations(page)));
}

const signIn = (context: BrowserContext, who: { email: string }, path: string) =>
  signInPage(context, app().baseUrl, who, path);

const csv = (...rows: string[]) => Buffer.from(['country,name,email,language,ministry', ...rows].join('\n') + '\n');

describe('When an organizer runs a round from the console', () => {
  let context: BrowserContext;
  let page: Page;
  let dashboardUrl: string;

  beforeAll(async () => {
    context = await browser.newContext({ locale: 'en-GB' });
  });
  afterAll(async () => {
    await context?.close();
  });

  it('then the landing page leads to sign-in, and signing in opens the page asked for with their name and role', async () => {
    const landing = await context.newPage();
    await landing.goto(`${app().baseUrl}/`);
    await checkAxe(landing);
    expect(await landing.getByRole('link', { name: 'Sign in to the console' }).getAttribute('href')).toBe(
      '/console/sign-in',
    );
    await landing.goto(`${app().baseUrl}/?lang=fr`);
    expect(await landing.getByRole('link', { name: 'Se connecter à la console' }).count()).toBe(1);
    await landing.goto(`${app().baseUrl}/?lang=en`);
    await landing.close();

    page = await signIn(context, organizer, '/console/rounds');
    await checkAxe(page);
    await expect(page.locator('header .who').innerText()).resolves.toContain(`${organizer.name} (organizer)`);
    expect(await page.getByRole('navigation', { name: 'Console' }).getByRole('link').allInnerTexts()).toEqual([
      'Rounds',
      'Partners',
      'Declarations',
      'Outbox',
    ]);
  });

  it('then they create a round and open its dashboard', async () => {
    await page.getByLabel('Name', { exact: true }).fill('Roundtable 2026');
    await page.getByLabel('Deadline').fill(new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Create the round' }).click()]);
    await Promise.all([
      page.waitForURL('**/console/rounds/*'),
      page.getByRole('link', { name: 'Roundtable 2026' }).click(),
    ]);
    dashboardUrl = page.url();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Roundtable 2026');
    await checkAxe(page);
  });

  it('then a CSV with a bad row imports nothing and the page reports the row; the fixed file imports', async () => {
    await page.waitForSelector('body[data-ready="true"]');
    await page.getByLabel('CSV file').setInputFiles({
      name: 'focal-points.csv',
      mimeType: 'text/csv',
      buffer: csv(
        `KEN,Amina Wanjiku,${emails.kenya},en,Ministry of Interior`,
        `NER,Moussa Issa,not-an-address,fr,Ministère de l'Intérieur`,
      ),
    });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const report = page.locator('#import-output table');
    await report.waitFor();
    const rows = await report.locator('tbody tr').allInnerTexts();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(/^3\s+email\s+/);
    expect(await page.locator('#countries').count()).toBe(0);
    await checkAxe(page);

    await page.getByLabel('CSV file').setInputFiles({
      name: 'focal-points.csv',
      mimeType: 'text/csv',
      buffer: csv(
        `KEN,Amina Wanjiku,${emails.kenya},en,Ministry of Interior`,
        `NER,Moussa Issa,${emails.niger},fr,Ministère de l'Intérieur`,
      ),
    });
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Import', exact: true }).click()]);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.locator('#import-output').innerText()).toContain('Imported: 2');
    const countries = await page.locator('#countries tbody th').allInnerTexts();
    expect(countries).toEqual(['Kenya (KEN)', 'Niger (NER)']);
  });

  it('then inviting marks both focal points invited, and reminders can be listed before sending', async () => {
    page.once('dialog', (d) => void d.accept());
    await Promise.all([
      page.waitForEvent('load'),
      page.getByRole('button', { name: 'Invite everyone not yet invited' }).click(),
    ]);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.locator('#invite-output').innerText()).toContain('Invitations sent: 2');
    expect(await page.locator('#countries .state', { hasText: /^invited$/ }).count()).toBe(2);
    expect(
      await page
        .locator('#countries')
        .getByRole('button', { name: /Revoke link/ })
        .count(),
    ).toBe(2);

    await page.getByRole('button', { name: 'List who would get one' }).click();
    await page.locator('#reminders-output table').waitFor();
    expect(await page.locator('#reminders-output tbody tr').count()).toBe(2);
    await checkAxe(page);
  });

  it('then the invitations are in the outbox, waiting for a relay, each with a preview', async () => {
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Outbox' }).click();
    await page.waitForURL('**/console/outbox');
    expect(await page.locator('#no-relay').innerText()).toContain('SMTP_URL');
    const rows = await page.locator('#outbox tbody tr').allInnerTexts();
    expect(
      rows.filter((r) => r.includes(emails.kenya) && r.includes('invitation') && r.includes('queued')),
    ).toHaveLength(1);
    expect(rows.filter((r) => r.includes(emails.niger) && r.includes('invitation') && /\bfr\b/.test(r))).toHaveLength(
      1,
    );
    await checkAxe(page);

    await Promise.all([
      page.waitForURL('**/console/outbox/*'),
      page.locator('#outbox tbody tr', { hasText: emails.niger }).getByRole('link').click(),
    ]);
    const preview = page.frameLocator('iframe.preview');
    await expect(preview.locator('body').innerText()).resolves.toContain('/respond/');
    await checkAxe(page);
  });

  it('then they add a partner with the form and see it in the registry, and a partner CSV with a bad row is reported row by row', async () => {
    await page.goto(`${app().baseUrl}/console/partners`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.getByLabel('Name in en').fill('Migration Data Lab');
    await page.getByLabel('Kind').selectOption('academia');
    await page.getByRole('group', { name: 'Areas' }).getByLabel('A1', { exact: true }).check();
    await page.getByLabel('training').check();
    await page.getByLabel('Works globally').check();
    await page.getByLabel(/Working languages/).fill('eng; fra');
    await page.getByLabel('Partnerships at once').fill('3');
    const firstContact = page.getByRole('group', { name: 'Contact 1' });
    await firstContact.getByLabel('Name', { exact: true }).fill('Ana Pereira');
    await firstContact.getByLabel('Email', { exact: true }).fill(`ana.${tag}@lab.example`);
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Add the partner' }).click()]);
    await page.waitForSelector('body[data-ready="true"]');
    const row = await page.locator('#partners tbody tr', { hasText: 'Migration Data Lab' }).innerText();
    expect(row).toContain('academia');
    expect(row).toContain(`ana.${tag}@lab.example`);

    const partnerCsv = [
      'name_en,name_fr,name_es,kind,areas,modalities,where,languages,slots,contacts,notes',
      `Ocean Institute,,,academia,A2,training,global,eng,2,Ben Ode <ben.${tag}@ocean.example> en,`,
      `Star Fleet,,,spaceship,A2,training,global,eng,2,Kim <kim.${tag}@fleet.example> en,`,
    ].join('\n');
    await page
      .getByLabel('CSV file')
      .setInputFiles({ name: 'partners.csv', mimeType: 'text/csv', buffer: Buffer.from(partnerCsv) });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.locator('#import-output table').waitFor();
    const reported = await page.locator('#import-output tbody tr').allInnerTexts();
    expect(reported.length).toBeGreaterThanOrEqual(1);
    expect(reported.every((r) => /^3\s/.test(r))).toBe(true);
    expect(await page.locator('#partners tbody tr', { hasText: 'Ocean Institute' }).count()).toBe(0);
    await checkAxe(page);

    await Promise.all([
      page.waitForURL('**/console/partners/*'),
      page.getByRole('link', { name: 'Migration Data Lab' }).click(),
    ]);
    await page.waitForSelector('body[data-ready="true"]');
    await page.getByLabel('Partnerships at once').fill('5');
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Save' }).click()]);
    expect(await page.getByLabel('Partnerships at once').inputValue()).toBe('5');
    expect(await page.getByRole('group', { name: 'Areas' }).getByLabel('A1', { exact: true }).isChecked()).toBe(true);
    await checkAxe(page);
  });

  it('then the password page and the sign-in page pass axe too', async () => {
    await page.goto(`${app().baseUrl}/console/password`);
    await checkAxe(page);
    const fresh = await browser.newContext();
    const signInPage = await fresh.newPage();
    await signInPage.goto(`${app().baseUrl}/console/sign-in?lang=es`);
    await checkAxe(signInPage);
    await fresh.close();
  });

  describe('and a viewer opens the same dashboard', () => {
    it('then they see the countries but no action, and the API refuses the action anyway', async () => {
      const viewerContext = await browser.newContext();
      try {
        const path = new URL(dashboardUrl).pathname;
        const viewerPage = await signIn(viewerContext, viewer, path);
        expect(await viewerPage.locator('#countries tbody tr').count()).toBe(2);
        expect(await viewerPage.locator('main button, main input[type="file"]').count()).toBe(0);
        const roundId = path.split('/').pop();
        const status = await viewerPage.evaluate(async (id) => {
          const csrf = document.querySelector('meta[name="csrf-token"]')!.getAttribute('content')!;
          const res = await fetch(`/api/rounds/${id}/invitations`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
            body: '{}',
          });
          return res.status;
        }, roundId);
        expect(status).toBe(403);
        await checkAxe(viewerPage);
      } finally {
        await viewerContext.close();
      }
    });
  });

  describe('and an admin opens the accounts and the audit log', () => {
    it('then they create an account, disable it, and find both in the audit log', async () => {
      const admin = { email: `admin.${tag}@forum.example`, name: 'Adele Admin' };
      await createAccount({ ...admin, role: 'admin', password: testPassword });
      const adminContext = await browser.newContext();
      try {
        const adminPage = await signIn(adminContext, admin, '/console/accounts');
        expect(await adminPage.getByRole('navigation', { name: 'Console' }).getByRole('link').allInnerTexts()).toEqual([
          'Rounds',
          'Partners',
          'Declarations',
          'Outbox',
          'Audit log',
          'Accounts',
          'Personal data',
        ]);
        await checkAxe(adminPage);
        const created = `new.${tag}@forum.example`;
        await adminPage.getByLabel('Name', { exact: true }).fill('Nadia New');
        await adminPage.getByLabel('Email', { exact: true }).fill(created);
        await adminPage.getByLabel(/Initial password/).fill('lantern quiet harbour orbit');
        await Promise.all([
          adminPage.waitForEvent('load'),
          adminPage.getByRole('button', { name: 'Create the account' }).click(),
        ]);
        await adminPage.waitForSelector('body[data-ready="true"]');
        const row = adminPage.locator('#accounts tbody tr', { hasText: created });
        expect(await row.innerText()).toContain('viewer');
        adminPage.once('dialog', (d) => void d.accept());
        await Promise.all([
          adminPage.waitForEvent('load'),
          row.getByRole('button', { name: 'Disable: Nadia New' }).click(),
        ]);
        expect(await adminPage.locator('#accounts tbody tr', { hasText: created }).innerText()).toContain('disabled');

        await adminPage.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Audit log' }).click();
        await adminPage.waitForURL('**/console/audit');
        const actions = await adminPage.locator('#audit tbody tr td:nth-child(4)').allInnerTexts();
        expect(actions.slice(0, 2)).toEqual(['account.update', 'account.create']);
        await adminPage.getByLabel('Action').selectOption('account.create');
        await Promise.all([
          adminPage.waitForURL('**/console/audit?*'),
          adminPage.getByRole('button', { name: 'Show' }).click(),
        ]);
        expect(new Set(await adminPage.locator('#audit tbody tr td:nth-child(4)').allInnerTexts())).toEqual(
          new Set(['account.create']),
        );
        await checkAxe(adminPage);
      } finally {
        await adminContext.close();
      }
    });
  });

  it('then no page had a serious or critical axe violation', () => {
    expect(violations).toEqual([]);
  });
});
