// Inviting from a round's dashboard in Chromium, with a relay configured: the invitation
// previewed in each language, a dry run that lists who would be emailed, then the send, whose
// progress the page follows while the real outbox worker delivers to a real SMTP server. The
// round's settings page changes the round, and an admin its scoring. axe checks every page.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createAccount } from '../../server/auth/accounts';
import { createMailer, type Mailer } from '../../server/email/mailer';
import { startOutboxWorker, type RunningWorker } from '../../server/email/outbox-worker';
import { seedReferenceData } from '../../server/reference/seed-reference';
import { launchBrowser } from '../helpers/browser';
import { signIn } from '../helpers/console-browser';
import { createOrganizer, postJson, request, testPassword } from '../helpers/http';
import { startTestSmtpServer, type TestSmtpServer } from '../helpers/smtp';
import { dropTestDatabase, startTestApp, type TestApp } from '../helpers/test-app';
import { seriousAxeViolations } from './console-axe';

let app: TestApp;
let smtp: TestSmtpServer;
let mailer: Mailer;
let worker: RunningWorker;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let roundId: string;
const violations: string[] = [];
const tag = Date.now().toString(36);
const admin = { email: `admin.${tag}@forum.example`, name: 'Adele Admin' };
const emails = { kenya: `amina.${tag}@interior.go.ke`, niger: `moussa.${tag}@interieur.gouv.ne` };

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  app = await startTestApp({ smtpUrl: smtp.url });
  await seedReferenceData();
  await createAccount({ ...admin, role: 'admin', password: testPassword });
  const organizer = await createOrganizer(app.baseUrl, 'organizer');
  const round = await postJson(
    `${app.baseUrl}/api/rounds`,
    {
      name: 'Roundtable 2027',
      formId: 'capacity',
      languages: ['en', 'fr'],
      deadline: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    },
    organizer.headers,
  );
  roundId = round.body.round.id;
  const imported = await request(`${app.baseUrl}/api/rounds/${roundId}/focal-points/import`, {
    method: 'POST',
    headers: { ...organizer.headers, 'Content-Type': 'text/csv' },
    body: `country,name,email,language,ministry\nKEN,Amina Wanjiku,${emails.kenya},en,Interior\nNER,Moussa Issa,${emails.niger},fr,Intérieur\n`,
  });
  expect(imported.status).toBe(200);
  browser = await launchBrowser();
  context = await browser.newContext({ locale: 'en-GB' });
  page = await signIn(context, app.baseUrl, admin, `/console/rounds/${roundId}`);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await worker?.stop();
  mailer?.close();
  await smtp?.close();
  await app?.close();
  await dropTestDatabase();
});

describe('When an admin invites from the dashboard with a relay configured', () => {
  it('then the invitation is previewed in each language of the round, with a placeholder link', async () => {
    expect(await page.locator('#invite-no-relay').count()).toBe(0);
    await page.getByText('Preview in French').click();
    const french = page.frameLocator('details[data-lang="fr"] iframe.preview');
    const text = await french.locator('body').innerText();
    expect(text).toContain('Ouvrir le questionnaire');
    expect(text).toContain('Roundtable 2027');
    expect(text).toContain('/respond/PERSONAL-LINK');
    await page.getByText('Preview in English').click();
    await expect(
      page.frameLocator('details[data-lang="en"] iframe.preview').locator('body').innerText(),
    ).resolves.toContain('Open the questionnaire');
    violations.push(...(await seriousAxeViolations(page)));
  });

  it('then a dry run lists who would be emailed and sends nothing', async () => {
    await page.getByRole('button', { name: 'Count who would be emailed' }).click();
    await page.locator('#invite-output table').waitFor();
    expect(await page.locator('#invite-output').innerText()).toContain('Would be emailed: 2');
    const rows = await page.locator('#invite-output tbody tr').allInnerTexts();
    expect(rows.map((r) => r.split('\t')[0]).sort()).toEqual(['KEN', 'NER']);
    expect(smtp.received).toHaveLength(0);
    violations.push(...(await seriousAxeViolations(page)));
  });

  it('then sending shows the result and the delivery progress, and both emails reach the SMTP server with real links', async () => {
    page.once('dialog', (d) => void d.accept());
    await Promise.all([
      page.waitForEvent('load'),
      page.getByRole('button', { name: 'Invite everyone not yet invited' }).click(),
    ]);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.locator('#invite-output').innerText()).toContain('Invitations sent: 2');
    // Both wait in the outbox until the worker starts: the page shows them waiting, then follows
    // the delivery (polling the round's status) until nothing waits.
    expect(await page.locator('[data-count="queued"]').innerText()).toBe('2');
    expect(await page.locator('#delivery progress').evaluate((p: HTMLProgressElement) => [p.value, p.max])).toEqual([
      0, 2,
    ]);
    mailer = createMailer({ smtpUrl: smtp.url });
    worker = startOutboxWorker({ mailer, from: 'capgap <no-reply@capgap.example>', pollMs: 200 });
    const received = await smtp.waitFor(2);
    expect(received.map((m) => m.to[0]).sort()).toEqual([emails.kenya, emails.niger].sort());
    const french = received.find((m) => m.to[0] === emails.niger)!;
    expect(french.subject).toBe('Invitation : Roundtable 2027 (Niger)');
    expect(french.text).toMatch(/\/respond\/[A-Za-z0-9_-]{20,}/);
    expect(french.text).not.toContain('PERSONAL-LINK');
    await page.waitForFunction(() => document.querySelector('[data-count="sent"]')?.textContent === '2');
    expect(await page.locator('[data-count="queued"]').innerText()).toBe('0');
    expect(await page.locator('#delivery progress').evaluate((p: HTMLProgressElement) => [p.value, p.max])).toEqual([
      2, 2,
    ]);
    violations.push(...(await seriousAxeViolations(page)));

    await page.getByRole('button', { name: 'List who would get one' }).click();
    await page.locator('#reminders-output table').waitFor();
    expect(await page.locator('#reminders-output tbody tr').count()).toBe(2);
  });

  it('then the round’s settings page changes the round and its scoring, and the dashboard shows the change', async () => {
    await Promise.all([page.waitForURL('**/settings'), page.getByRole('link', { name: 'Round settings' }).click()]);
    await page.waitForSelector('body[data-ready="true"]');
    violations.push(...(await seriousAxeViolations(page)));
    await page.getByLabel('Name', { exact: true }).fill('Roundtable 2027 (extended)');
    await page.getByLabel('Reminders at most').fill('5');
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Save the round' }).click()]);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Settings: Roundtable 2027 (extended)');
    expect(await page.getByLabel('Reminders at most').inputValue()).toBe('5');

    await page.getByLabel('Definition of the global South').selectOption('undp-hdi');
    await page
      .getByRole('group', { name: /HDI groups/ })
      .getByLabel('High', { exact: true })
      .check();
    await page.getByText('Indicator weights').click();
    await page.getByLabel(/^A1\.2 \(questionnaire: /).fill('2.5');
    await Promise.all([
      page.waitForEvent('load'),
      page.getByRole('button', { name: 'Save the scoring settings' }).click(),
    ]);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.getByLabel('Definition of the global South').inputValue()).toBe('undp-hdi');
    expect(
      await page
        .getByRole('group', { name: /HDI groups/ })
        .getByLabel('High', { exact: true })
        .isChecked(),
    ).toBe(true);
    expect(await page.getByLabel(/^A1\.2 \(questionnaire: /).inputValue()).toBe('2.5');
    expect(await page.getByLabel(/^A1\.1 \(questionnaire: /).inputValue()).toBe('');
    // Clearing every weight clears every override (the list is sent whole).
    await page.getByText('Indicator weights').click();
    await page.getByLabel(/^A1\.2 \(questionnaire: /).fill('');
    await Promise.all([
      page.waitForEvent('load'),
      page.getByRole('button', { name: 'Save the scoring settings' }).click(),
    ]);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.getByLabel(/^A1\.2 \(questionnaire: /).inputValue()).toBe('');

    // A language a focal point reads cannot be dropped: the problem is shown on the page.
    await page.getByRole('group', { name: 'Languages' }).getByLabel('Français').uncheck();
    await page.getByRole('button', { name: 'Save the round' }).click();
    await page.locator('#round-output .error-title').waitFor();
    expect(await page.locator('#round-output').innerText()).toContain('body.languages');

    await page.getByRole('link', { name: 'Back to the round' }).click();
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Roundtable 2027 (extended)');
  });

  it('then the outbox has no relay banner and every page passed axe', async () => {
    await page.goto(`${app.baseUrl}/console/outbox`);
    expect(await page.locator('#no-relay').count()).toBe(0);
    expect(await page.locator('#outbox tbody tr', { hasText: 'sent' }).count()).toBe(2);
    violations.push(...(await seriousAxeViolations(page)));
    expect(violations).toEqual([]);
  });
});
