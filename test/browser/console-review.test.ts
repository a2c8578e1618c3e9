// Reviewing a country's response in Chromium with the keyboard only (Tab, Enter, typing): from
// the round dashboard to the country's review page, read the answers, return the response
// with an overall comment and one question's comment, see the new state and the history; once
// the country has resubmitted (through the API here), approve it. A step that another reviewer
// made first is refused and the page says so. SurveyJS shows the answers read-only on request,
// in the organizer's language. axe checks the page at each stage.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { ready, signedInContext as signedInBrowserContext, tabTo } from '../helpers/console-browser';
import { createOrganizer, postJson, type Organizer } from '../helpers/http';
import { a1PilotAnswers, createTestRound, type TestRound } from '../helpers/rounds';
import { setupTestApp } from '../helpers/test-app';
import { seriousAxeViolations } from './console-axe';

const app = setupTestApp();
let browser: Browser;
let round: TestRound;
let organizer: Organizer;
let otherReviewer: Organizer;

const answers = a1PilotAnswers;

beforeAll(async () => {
  round = await createTestRound('a1-pilot');
  for (const token of [round.kenya, round.niger]) {
    const submitted = await postJson(`${app().baseUrl}/api/respondent/${token}/submit`, { answers, baseRevision: 0 });
    expect(submitted.status).toBe(200);
  }
  organizer = await createOrganizer(app().baseUrl, 'organizer');
  otherReviewer = await createOrganizer(app().baseUrl, 'organizer');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const signedInContext = (who: Organizer) => signedInBrowserContext(browser, app().baseUrl, who);

async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  expect(await seriousAxeViolations(page)).toEqual([]);
}

describe('When an organizer reviews a submitted response with the keyboard only', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await signedInContext(organizer);
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
  });

  it('then they reach the review page from the round dashboard and read the answers and scores', async () => {
    await page.goto(`${app().baseUrl}/console/rounds/${round.roundId}`);
    await ready(page);
    await tabTo(page, `a[href$="/countries/KEN"]`);
    await Promise.all([page.waitForURL('**/countries/KEN'), page.keyboard.press('Enter')]);
    await ready(page);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Review: Kenya (KEN)');
    expect(await page.locator('#response-status').innerText()).toContain('Response: submitted (revision 1)');
    const answer = page.locator('#question-a1_1');
    expect(await answer.locator('dt').innerText()).toContain('Censuses and household surveys');
    expect(await answer.locator('dd').first().innerText()).toBe('2 — Partly in place');
    expect(await page.locator('#question-a1_4_evidence dd').first().innerText()).toBe(
      'Evidence National census report 2024, table 3',
    );
    expect(await page.locator('#area-scores tr[data-area="A1"]').innerText()).toMatch(
      /62\.5\s+75\s+12\.5\s+10\s+meets/,
    );
    await expectNoSeriousAxeViolations(page);
  });

  it('then they return it with an overall comment and a comment on one question, and see the new state and history', async () => {
    await tabTo(page, 'summary', 'Comment on question 2');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('comment-a1_2');
    await page.keyboard.type('Which year do these statistics refer to?');
    await expectNoSeriousAxeViolations(page);

    await tabTo(page, '#return-comment');
    await page.keyboard.type('Please check the evidence for area A1.');
    await tabTo(page, 'button', 'Return with these comments');
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
    await ready(page);

    expect(await page.locator('#response-status').innerText()).toContain(
      'Response: returned to the country (revision 2)',
    );
    expect(await page.locator('#question-a1_2 .sent-comment').innerText()).toBe(
      'Comment sent with the last return: Which year do these statistics refer to?',
    );
    const latest = page.locator('#history-table tbody tr').first();
    expect(await latest.getAttribute('data-action')).toBe('return');
    expect(await latest.innerText()).toContain(organizer.email);
    expect(await latest.innerText()).toContain('Please check the evidence for area A1.');
    expect(await latest.innerText()).toContain('Which year do these statistics refer to?');
    expect(await page.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    await expectNoSeriousAxeViolations(page);
  });

  it('then, once the country has resubmitted, they approve it', async () => {
    const resubmitted = await postJson(`${app().baseUrl}/api/respondent/${round.kenya}/submit`, {
      answers: { ...answers, a1_2: 2 },
      baseRevision: 2,
    });
    expect(resubmitted.status).toBe(200);
    await page.reload();
    await ready(page);
    expect(await page.locator('#response-status').innerText()).toContain('Response: resubmitted (revision 3)');
    expect(await page.locator('#question-a1_2 dd').first().innerText()).toBe('2 — Partly in place');

    await tabTo(page, 'button', 'Approve');
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
    await ready(page);
    expect(await page.locator('#response-status').innerText()).toContain('Response: approved (revision 4)');
    expect(
      await page
        .locator('#history-table tbody tr')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action'))),
    ).toEqual(['approve', 'resubmit', 'return', 'submit']);
    await expectNoSeriousAxeViolations(page);
  });

  it('then, in French, SurveyJS shows the same answers read-only on request', async () => {
    await page.goto(`${app().baseUrl}/console/rounds/${round.roundId}/countries/KEN?lang=fr`);
    await ready(page);
    await tabTo(page, '#show-survey');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#survey-view[data-shown="true"]');
    const question = page.locator('#survey [data-name="a1_1"]');
    expect(await question.innerText()).toContain('Les recensements et enquêtes');
    const chosen = question.locator('input[value="2"]');
    expect(await chosen.isChecked()).toBe(true);
    // Display mode: the choices are read-only, not inputs to change.
    expect(await chosen.getAttribute('readonly')).not.toBeNull();
    expect(await question.getAttribute('class')).toContain('sd-question--readonly');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('survey');
    await expectNoSeriousAxeViolations(page);
  });
});

describe('When another reviewer decided first', () => {
  it('then pressing Approve shows that the response changed meanwhile, and its state is left as the other made it', async () => {
    const context = await signedInContext(organizer);
    try {
      const page = await context.newPage();
      await page.goto(`${app().baseUrl}/console/rounds/${round.roundId}/countries/NER`);
      await ready(page);
      const returned = await postJson(
        `${app().baseUrl}/api/rounds/${round.roundId}/responses/NER/return`,
        { comment: 'Returned by a colleague.' },
        otherReviewer.headers,
      );
      expect(returned.status).toBe(200);

      await tabTo(page, 'button', 'Approve');
      await page.keyboard.press('Enter');
      const output = page.locator('#approve-output');
      await output.locator('p').first().waitFor();
      expect(await output.innerText()).toContain('This response changed meanwhile');
      expect(await output.innerText()).toContain('only a submitted response can be approved');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('approve-output');
      await expectNoSeriousAxeViolations(page);
    } finally {
      await context.close();
    }
  });
});

describe('When a viewer opens the review page', () => {
  it('then they read the answers, scores and history with no decision to take, and axe finds nothing serious', async () => {
    const viewer = await createOrganizer(app().baseUrl, 'viewer');
    const context = await signedInContext(viewer);
    try {
      const page = await context.newPage();
      await page.goto(`${app().baseUrl}/console/rounds/${round.roundId}/countries/KEN`);
      await ready(page);
      expect(await page.locator('#question-a1_4_evidence dd').first().innerText()).toContain(
        'National census report 2024, table 3',
      );
      expect(await page.locator('#history-table tbody tr').count()).toBeGreaterThan(0);
      expect(await page.locator('main form, main textarea').count()).toBe(0);
      // The one button shows the questionnaire; it changes nothing.
      expect(await page.locator('main button').allInnerTexts()).toEqual(['Show the answers as the questionnaire']);
      await expectNoSeriousAxeViolations(page);
    } finally {
      await context.close();
    }
  });
});
