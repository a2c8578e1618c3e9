// An organizer's whole day in Chromium, through the real app, database, SMTP server and pages,
// as people do it: sign in, create a round on the rounds page, import focal points (a file with
// a bad row, its report on the page, then the fixed file), count who would be invited, invite
// (the email in the outbox and at the SMTP server), a country answers and submits through the
// link of its email in a browser of its own, the organizer returns it with a comment (keyboard
// only), the country sees the comment and resubmits, the organizer approves (keyboard only), the
// gaps heat map shows the country, matching proposes the registered partner for its need, the
// organizer confirms (keyboard only) and both introductions are in the outbox. Then the same
// day, shorter, in French; and a viewer who sees every page of the round without a button that
// acts. axe checks every page visited.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createAccount } from '../../server/auth/accounts';
import { seedReferenceData } from '../../server/reference/seed-reference';
import { launchBrowser } from '../helpers/browser';
import { pressEnterAndReload, ready, signIn, tabTo } from '../helpers/console-browser';
import { createOrganizer, postJson, testPassword } from '../helpers/http';
import { matchingPartner } from '../helpers/matching-round';
import { deliverOutbox, startTestSmtpServer, type ReceivedEmail, type TestSmtpServer } from '../helpers/smtp';
import { setupTestApp } from '../helpers/test-app';
import { seriousAxeViolations } from './console-axe';

const app = setupTestApp();
let browser: Browser;
let smtp: TestSmtpServer;
const violations: string[] = [];
const tag = Date.now().toString(36);
const organizer = { email: `coordinator.${tag}@forum.example`, name: 'Aïssata Coordinator' };
const viewer = { email: `reader.${tag}@forum.example`, name: 'Rita Reader' };
const focalPoints = {
  KEN: `amina.${tag}@interior.go.ke`,
  NER: `moussa.${tag}@interieur.gouv.ne`,
};
const partnerContact = `claire.${tag}@msi.example`;

beforeAll(async () => {
  await seedReferenceData();
  await createAccount({ ...organizer, role: 'organizer', password: testPassword });
  await createAccount({ ...viewer, role: 'viewer', password: testPassword });
  // The partner registry is filled elsewhere in the console; here, through the API.
  const api = await createOrganizer(app().baseUrl, 'organizer');
  const partner = await postJson(
    `${app().baseUrl}/api/partners`,
    { ...matchingPartner, contacts: [{ ...matchingPartner.contacts[0], email: partnerContact }] },
    api.headers,
  );
  expect(partner.status).toBe(201);
  smtp = await startTestSmtpServer();
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await smtp?.close();
});

async function checkAxe(page: Page): Promise<void> {
  violations.push(...(await seriousAxeViolations(page)));
}

/** The words the pages show, in the two languages the days are run in. */
const words = {
  en: {
    name: 'Name',
    questionnaire: 'Questionnaire',
    deadline: 'Deadline',
    createRound: 'Create the round',
    csvFile: 'CSV file',
    import: 'Import',
    imported: 'Imported',
    dryRun: 'Count who would be emailed',
    wouldInvite: 'Would be emailed',
    invite: 'Invite everyone not yet invited',
    invited: 'Invitations sent',
    outbox: 'Outbox',
    queued: 'queued',
    sent: 'sent',
    next: 'Next',
    complete: 'Complete',
    thanks: 'Thank you. Your answers have been received.',
    levelOne: '1 — Planned or ad hoc',
    no: 'No',
    approve: 'Approve',
    gaps: 'Gaps',
    heatMapCaption: 'Capacity by country and area',
    matching: 'Partnership matching',
    run: 'Run matching',
    confirm: 'Confirm',
  },
  fr: {
    name: 'Nom',
    questionnaire: 'Questionnaire',
    deadline: 'Échéance',
    createRound: 'Créer le cycle',
    csvFile: 'Fichier CSV',
    import: 'Importer',
    imported: 'Importés',
    dryRun: 'Compter qui recevrait un courriel',
    wouldInvite: 'Recevraient un courriel',
    invite: 'Inviter tous ceux qui ne l’ont pas été',
    invited: 'Invitations envoyées',
    outbox: 'Boîte d’envoi',
    queued: 'en file',
    sent: 'envoyé',
    next: 'Suivant',
    complete: 'Terminer',
    thanks: 'Merci. Vos réponses ont bien été reçues.',
    levelOne: '1 — Prévu ou ponctuel',
    no: 'Non',
    approve: 'Approuver',
    gaps: 'Lacunes',
    heatMapCaption: 'Capacité par pays et par domaine',
    matching: 'Mise en relation des partenaires',
    run: 'Lancer la mise en relation',
    confirm: 'Confirmer',
  },
} as const;
type Lang = keyof typeof words;

const csv = (...rows: string[]) => Buffer.from(['country,name,email,language,ministry', ...rows].join('\n') + '\n');
const kenyaRow = `KEN,Amina Wanjiku,${focalPoints.KEN},en,Ministry of Interior`;
const nigerRow = `NER,Moussa Issa,${focalPoints.NER},fr,Ministère de l'Intérieur`;

/** On the rounds page: creates a round of the a1-pilot questionnaire and opens its dashboard. */
async function createRound(page: Page, lang: Lang, name: string): Promise<string> {
  const w = words[lang];
  await page.getByLabel(w.name, { exact: true }).fill(name);
  await page.getByLabel(w.questionnaire).selectOption('a1-pilot');
  await page.getByLabel(w.deadline).fill(new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: w.createRound }).click()]);
  await ready(page);
  await Promise.all([page.waitForURL('**/console/rounds/*'), page.getByRole('link', { name }).click()]);
  await ready(page);
  expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(name);
  return new URL(page.url()).pathname.split('/').pop()!;
}

/** On the dashboard: chooses the file and presses Import (the page reloads when it imported). */
async function importFile(page: Page, lang: Lang, buffer: Buffer, reloads: boolean): Promise<void> {
  const w = words[lang];
  await page.getByLabel(w.csvFile).setInputFiles({ name: 'focal-points.csv', mimeType: 'text/csv', buffer });
  const press = page.getByRole('button', { name: w.import, exact: true }).click();
  if (reloads) {
    await Promise.all([page.waitForEvent('load'), press]);
    await ready(page);
  } else await press;
}

/** On the dashboard: counts who would be emailed, then invites them, accepting the confirmation. */
async function invite(page: Page, lang: Lang, count: number): Promise<void> {
  const w = words[lang];
  await page.getByRole('button', { name: w.dryRun }).click();
  await page.locator('#invite-output table').waitFor();
  expect(await page.locator('#invite-output').innerText()).toMatch(new RegExp(`${w.wouldInvite}\\s?: ${count}`));
  expect(await page.locator('#invite-output tbody tr').count()).toBe(count);
  await checkAxe(page);
  page.once('dialog', (d) => void d.accept());
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: w.invite }).click()]);
  await ready(page);
  expect(await page.locator('#invite-output').innerText()).toMatch(new RegExp(`${w.invited}\\s?: ${count}`));
}

/** The outbox page's rows for one round, through the navigation. */
async function outboxRows(page: Page, lang: Lang, roundId: string): Promise<string[]> {
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: words[lang].outbox }).click();
  await page.waitForURL('**/console/outbox');
  await page.goto(`${app().baseUrl}/console/outbox?round=${roundId}`);
  await checkAxe(page);
  return page.locator('#outbox tbody tr').allInnerTexts();
}

/** The respondent link in an invitation email, as a path of this service. */
function linkPath(email: ReceivedEmail): string {
  const link = /https?:\/\/[^\s"<>]+\/respond\/[A-Za-z0-9_-]+/.exec(email.text)?.[0];
  if (!link) throw new Error(`no respondent link in: ${email.text}`);
  return new URL(link).pathname;
}

const choose = (page: Page, question: string, label: string) =>
  page.locator(`[data-name="${question}"]`).getByText(label, { exact: true }).click();

/**
 * In the questionnaire: every A1 indicator at level 1, importance 5,
 * the target left at its default (4), not willing to share: a clear need for partners.
 */
async function answerWithANeed(page: Page, lang: Lang): Promise<void> {
  const w = words[lang];
  for (const q of ['a1_1', 'a1_2', 'a1_3', 'a1_4', 'a1_5']) await choose(page, q, w.levelOne);
  await page.locator(`input[type="button"][value="${w.next}"]`).click();
  await page.locator('[data-name="a1_importance"]').waitFor();
  await choose(page, 'a1_importance', '5');
  await choose(page, 'a1_share', w.no);
}

/** Presses the questionnaire's Complete button and waits for the server's answer. */
async function complete(page: Page, lang: Lang): Promise<void> {
  const w = words[lang];
  await page.locator(`input[type="button"][value="${w.complete}"]`).click();
  await page.waitForSelector('body[data-response-status]', { timeout: 15_000 }).catch(async (err) => {
    throw new Error(`not submitted; status line: "${await page.textContent('#status')}" (${err.message})`);
  });
  expect(await page.textContent('#status')).toBe(w.thanks);
}

describe('When an organizer runs a round through the day in the console', () => {
  let context: BrowserContext;
  let country: BrowserContext;
  let page: Page;
  let countryPage: Page;
  let roundId: string;
  let dashboard: string;
  let invitation: ReceivedEmail;

  beforeAll(async () => {
    context = await browser.newContext({ locale: 'en-GB' });
    country = await browser.newContext({ locale: 'en-GB' });
  });
  afterAll(async () => {
    await context?.close();
    await country?.close();
  });

  it('then they sign in, create a round of the pilot questionnaire on the rounds page and open its dashboard', async () => {
    page = await signIn(context, app().baseUrl, organizer, '/console/rounds');
    await checkAxe(page);
    roundId = await createRound(page, 'en', `Roundtable day ${tag}`);
    dashboard = new URL(page.url()).pathname;
    expect(await page.locator('main').innerText()).toContain('Migration data collection — pilot');
    await checkAxe(page);
  });

  it('then a focal-point file with a bad row imports nothing and its row is reported on the page; the fixed file imports', async () => {
    await importFile(page, 'en', csv(kenyaRow, `NER,Moussa Issa,not-an-address,fr,Intérieur`), false);
    const report = page.locator('#import-output table');
    await report.waitFor();
    const rows = await report.locator('tbody tr').allInnerTexts();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(/^3\s+email\s+/);
    expect(await page.locator('#countries').count()).toBe(0);
    await checkAxe(page);

    await importFile(page, 'en', csv(kenyaRow, nigerRow), true);
    expect(await page.locator('#import-output').innerText()).toContain('Imported: 2');
    expect(await page.locator('#countries tbody th').allInnerTexts()).toEqual(['Kenya (KEN)', 'Niger (NER)']);
    await checkAxe(page);
  });

  it('then the invitations wait in the outbox page and, once delivered, reach the SMTP server with a link', async () => {
    await invite(page, 'en', 2);
    await checkAxe(page);
    let rows = await outboxRows(page, 'en', roundId);
    const kenyaInvitation = (r: string) => r.includes(focalPoints.KEN) && r.includes('invitation');
    expect(rows.filter((r) => kenyaInvitation(r) && r.includes('queued'))).toHaveLength(1);
    expect(rows.filter((r) => r.includes(focalPoints.NER) && r.includes('invitation'))).toHaveLength(1);

    expect(await deliverOutbox(smtp)).toBe(2);
    const received = await smtp.waitFor(2);
    invitation = received.find((m) => m.to.includes(focalPoints.KEN))!;
    expect(invitation.subject).toBe(`Invitation: Roundtable day ${tag} (Kenya)`);
    expect(linkPath(invitation)).toMatch(/^\/respond\//);
    await page.reload();
    rows = await page.locator('#outbox tbody tr').allInnerTexts();
    expect(rows.filter((r) => kenyaInvitation(r) && /\bsent\b/.test(r))).toHaveLength(1);
  });

  it('then Kenya opens the link of its email in its own browser, answers and submits', async () => {
    countryPage = await country.newPage();
    await countryPage.goto(`${app().baseUrl}${linkPath(invitation)}`);
    await ready(countryPage);
    await checkAxe(countryPage);
    await answerWithANeed(countryPage, 'en');
    await checkAxe(countryPage);
    await complete(countryPage, 'en');
    expect(await countryPage.locator('body').getAttribute('data-response-status')).toBe('submitted');
    await checkAxe(countryPage);
  });

  it('then the organizer reaches the review from the dashboard and returns the response with comments, keyboard only', async () => {
    await page.goto(`${app().baseUrl}${dashboard}`);
    await ready(page);
    expect(await page.locator('#countries tbody tr', { hasText: 'Kenya' }).innerText()).toContain('submitted');
    await tabTo(page, 'a[href$="/countries/KEN"]');
    await Promise.all([page.waitForURL('**/countries/KEN'), page.keyboard.press('Enter')]);
    await ready(page);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Review: Kenya (KEN)');
    expect(await page.locator('#response-status').innerText()).toMatch(/^Response: submitted \(revision \d+\)/);
    expect(await page.locator('#question-a1_2 dd').first().innerText()).toBe('1 — Planned or ad hoc');
    expect(await page.locator('#area-scores tr[data-area="A1"]').innerText()).toMatch(/^\S.*\s25\s+100\s+75\s/);
    await checkAxe(page);

    await tabTo(page, 'summary', 'Comment on question 2');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('comment-a1_2');
    await page.keyboard.type('Is nothing at all recorded from residence permits?');
    await tabTo(page, '#return-comment');
    await page.keyboard.type('Please look again at the administrative records.');
    await tabTo(page, 'button', 'Return with these comments');
    await pressEnterAndReload(page);
    expect(await page.locator('#response-status').innerText()).toMatch(
      /^Response: returned to the country \(revision \d+\)/,
    );
    await checkAxe(page);
  });

  it('then Kenya sees the comments on its questionnaire, changes the answer and submits again', async () => {
    await countryPage.reload();
    await ready(countryPage);
    const note = countryPage.getByRole('note', { name: 'The organizers returned this response with comments' });
    expect(await note.textContent()).toContain('Please look again at the administrative records.');
    expect(await countryPage.locator('[data-name="a1_2"]').getByRole('note').textContent()).toContain(
      'Is nothing at all recorded from residence permits?',
    );
    await checkAxe(countryPage);
    // Only the commented answer changes (pressing a chosen rating again would clear it).
    await choose(countryPage, 'a1_2', '0 — Absent');
    await countryPage.locator('input[type="button"][value="Next"]').click();
    await complete(countryPage, 'en');
    expect(await countryPage.locator('body').getAttribute('data-response-status')).toBe('resubmitted');
  });

  it('then the organizer sees the new answer and approves it, keyboard only', async () => {
    await page.reload();
    await ready(page);
    expect(await page.locator('#response-status').innerText()).toMatch(/^Response: resubmitted \(revision \d+\)/);
    expect(await page.locator('#question-a1_2 dd').first().innerText()).toBe('0 — Absent');
    await tabTo(page, 'button', 'Approve');
    await pressEnterAndReload(page);
    expect(await page.locator('#response-status').innerText()).toMatch(/^Response: approved \(revision \d+\)/);
    expect(
      await page
        .locator('#history-table tbody tr')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action'))),
    ).toEqual(['approve', 'resubmit', 'return', 'submit']);
    await checkAxe(page);
  });

  it('then the gaps heat map shows Kenya, in the lowest band, and its cell opens the profile', async () => {
    await page.goto(`${app().baseUrl}${dashboard}`);
    await ready(page);
    await Promise.all([
      page.waitForURL('**/gaps'),
      page.getByRole('navigation', { name: 'Views of this round' }).getByRole('link', { name: 'Gaps' }).click(),
    ]);
    await ready(page);
    expect(await page.locator('#heatmap caption').innerText()).toBe('Capacity by country and area');
    expect(await page.locator('#heatmap tbody th').allInnerTexts()).toEqual(['Kenya']);
    const cell = page.locator('#heatmap tbody tr').first().locator('td').first();
    expect(await cell.textContent()).toMatch(/Kenya, A1: requires further progress, capacity 20\b/);
    expect(await page.locator('#unscored + ul').innerText()).toContain('Niger');
    await checkAxe(page);
    await Promise.all([page.waitForURL('**/countries/KEN/profile'), cell.getByRole('link').click()]);
    await ready(page);
    await checkAxe(page);
  });

  it('then they run matching, confirm the partner proposed for Kenya with the keyboard, and both introductions are in the outbox', async () => {
    await page.goto(`${app().baseUrl}${dashboard}`);
    await ready(page);
    await Promise.all([
      page.waitForURL('**/matching'),
      page.getByRole('link', { name: 'Partnership matching' }).click(),
    ]);
    await ready(page);
    await checkAxe(page);
    await tabTo(page, 'button', 'Run matching');
    await pressEnterAndReload(page);
    expect(await page.locator('#run-summary').innerText()).toContain('Run 1');
    const proposals = await page.locator('#matches-KEN tbody tr').allInnerTexts();
    expect(proposals.some((r) => r.includes(matchingPartner.name.en))).toBe(true);
    await checkAxe(page);

    page.once('dialog', (d) => void d.accept());
    const confirmed = await tabTo(page, 'button', new RegExp(`^Confirm: Kenya.*${matchingPartner.name.en}`));
    await pressEnterAndReload(page);
    const introductions = await page.locator('#introduction-states tbody tr').allInnerTexts();
    expect(introductions).toHaveLength(1);
    expect(introductions[0]).toContain(confirmed.replace(/^Confirm: /, ''));
    await checkAxe(page);

    const rows = (await outboxRows(page, 'en', roundId)).filter((r) => r.includes('introduction'));
    expect(rows).toHaveLength(2);
    expect(rows.some((r) => r.includes(focalPoints.KEN))).toBe(true);
    expect(rows.some((r) => r.includes(partnerContact))).toBe(true);
  });
});

describe('When a French-speaking organizer runs a round in French', () => {
  let context: BrowserContext;
  let page: Page;
  let roundId: string;
  let dashboard: string;

  beforeAll(async () => {
    context = await browser.newContext({ locale: 'fr-FR' });
  });
  afterAll(async () => {
    await context?.close();
  });

  it('then every page speaks French, from sign-in to the introductions in the outbox', async () => {
    const w = words.fr;
    const landing = await context.newPage();
    await landing.goto(`${app().baseUrl}/?lang=fr`);
    await landing.getByRole('link', { name: 'Se connecter à la console' }).click();
    await landing.close();
    page = await signIn(context, app().baseUrl, organizer, '/console/rounds', 'fr');
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Cycles');
    await checkAxe(page);

    roundId = await createRound(page, 'fr', `Table ronde ${tag}`);
    dashboard = new URL(page.url()).pathname;
    expect(await page.locator('main').innerText()).toContain('Collecte de données migratoires — pilote');
    await importFile(page, 'fr', csv(nigerRow), true);
    expect(await page.locator('#import-output').innerText()).toMatch(new RegExp(`${w.imported}\\s?: 1`));
    expect(await page.locator('#countries tbody th').allInnerTexts()).toEqual(['Niger (NER)']);
    await invite(page, 'fr', 1);
    await checkAxe(page);
    const invitations = await outboxRows(page, 'fr', roundId);
    expect(invitations.filter((r) => r.includes(focalPoints.NER) && r.includes(w.queued))).toHaveLength(1);
    const before = smtp.received.length;
    const delivered = await deliverOutbox(smtp);
    // Kenya's return notice of the English round goes too.
    const email = (await smtp.waitFor(before + delivered))
      .slice(before)
      .find((m) => m.to.includes(focalPoints.NER) && m.subject.includes(`Table ronde ${tag}`))!;
    expect(email.subject).toMatch(new RegExp(`^Invitation\\s:\\sTable ronde ${tag} \\(Niger\\)$`));

    const country = await browser.newContext();
    try {
      const countryPage = await country.newPage();
      await countryPage.goto(`${app().baseUrl}${linkPath(email)}`);
      await ready(countryPage);
      expect(await countryPage.locator('html').getAttribute('lang')).toBe('fr');
      await answerWithANeed(countryPage, 'fr');
      await complete(countryPage, 'fr');
      await checkAxe(countryPage);
    } finally {
      await country.close();
    }

    await page.goto(`${app().baseUrl}${dashboard}`);
    await ready(page);
    await Promise.all([page.waitForURL('**/countries/NER'), page.getByRole('link', { name: 'Niger (NER)' }).click()]);
    await ready(page);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toMatch(/^Examen\s:\sNiger \(NER\)$/);
    expect(await page.locator('#response-status').innerText()).toMatch(/^Réponse\s:\ssoumise\s/);
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: w.approve }).click()]);
    await ready(page);
    expect(await page.locator('#response-status').innerText()).toMatch(/^Réponse\s:\sapprouvée\s/);
    await checkAxe(page);

    await page.goto(`${app().baseUrl}${dashboard}`);
    await ready(page);
    await Promise.all([
      page.waitForURL('**/gaps'),
      page.getByRole('navigation', { name: 'Vues de ce cycle' }).getByRole('link', { name: w.gaps }).click(),
    ]);
    await ready(page);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(`${w.gaps} — Table ronde ${tag}`);
    expect(await page.locator('#heatmap caption').innerText()).toBe(w.heatMapCaption);
    expect(await page.locator('#heatmap tbody th').allInnerTexts()).toEqual(['Niger']);
    expect(await page.locator('#heatmap tbody td').first().textContent()).toMatch(
      /Niger, A1\s?: satisfait partiellement, capacité 25\b/,
    );
    // 25 is on a threshold, which belongs to the band above it: the legend says so.
    expect(await page.locator('.band-legend li').nth(1).innerText()).toBe(
      'satisfait partiellement (de 25 à moins de 50)',
    );
    await checkAxe(page);

    await page.goto(`${app().baseUrl}${dashboard}`);
    await ready(page);
    await Promise.all([page.waitForURL('**/matching'), page.getByRole('link', { name: w.matching }).click()]);
    await ready(page);
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: w.run }).click()]);
    await ready(page);
    expect(await page.locator('#run-summary').innerText()).toContain('Passage 1');
    const proposals = await page.locator('#matches-NER tbody tr').allInnerTexts();
    expect(proposals.some((r) => r.includes(matchingPartner.name.fr))).toBe(true);
    page.once('dialog', (d) => void d.accept());
    await Promise.all([
      page.waitForEvent('load'),
      page
        .locator('#matches-NER')
        .getByRole('button', { name: new RegExp(`^${w.confirm}\\s?:\\s?Niger.*${matchingPartner.name.fr}`) })
        .click(),
    ]);
    await ready(page);
    expect(await page.locator('#introduction-states tbody tr').count()).toBe(1);
    await checkAxe(page);
    const introductions = (await outboxRows(page, 'fr', roundId)).filter((r) => r.includes('introduction'));
    expect(introductions).toHaveLength(2);
    expect(introductions.some((r) => r.includes(focalPoints.NER) && /\bfr\b/.test(r))).toBe(true);
  });
});

describe('When a viewer opens the pages of a round that went through the day', () => {
  it('then they see the countries, the review, the gaps, the profile, the matching and the outbox without a button that acts', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    try {
      const page = await signIn(context, app().baseUrl, viewer, '/console/rounds');
      await Promise.all([
        page.waitForURL('**/console/rounds/*'),
        page.getByRole('link', { name: `Roundtable day ${tag}` }).click(),
      ]);
      const dashboard = new URL(page.url()).pathname;
      const visits = [
        dashboard,
        `${dashboard}/countries/KEN`,
        `${dashboard}/gaps`,
        `${dashboard}/countries/KEN/profile`,
        `${dashboard}/matching`,
        '/console/outbox',
      ];
      for (const path of visits) {
        await page.goto(`${app().baseUrl}${path}`);
        await ready(page);
        expect({ path, status: await page.locator('main h1').count() }).toEqual({ path, status: 1 });
        // Forms that call the API, file inputs and decision fields: none. Buttons only where
        // they change nothing (show the questionnaire, filter a list).
        expect({
          path,
          acting: await page.locator('main [data-api], main input[type="file"], main textarea').count(),
        }).toEqual({
          path,
          acting: 0,
        });
        expect({ path, buttons: await page.locator('main form:not([method="get"]) button').count() }).toEqual({
          path,
          buttons: 0,
        });
        await checkAxe(page);
      }
      expect(await page.locator('#outbox tbody tr').count()).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });
});

describe('When axe checked every page of the day', () => {
  it('then it found nothing serious or critical', () => {
    expect(violations).toEqual([]);
  });
});
