// A returned response in a real browser, in Spanish: the organizers' overall comment at the top
// of the questionnaire and each question's comment next to its question, the surrounding
// words in the respondent's language and the comments as the organizers wrote them.
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { createOrganizer, postJson } from '../helpers/http';
import { createTestRound } from '../helpers/rounds';
import { setupTestApp, type TestApp } from '../helpers/test-app';

const testApp = setupTestApp();
let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  app = testApp();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const complete = { a1_1: 2, a1_2: 3, a1_3: 'na', a1_4: 1, a1_5: 'dk', a1_importance: 4, a1_target: 3, a1_share: 'no' };

describe('When a response returned with comments is opened in Spanish', () => {
  it('then the overall comment is at the top and the question comment next to its question', async () => {
    const round = await createTestRound('a1-pilot');
    expect(
      (await postJson(`${app.baseUrl}/api/respondent/${round.kenya}/submit`, { answers: complete, baseRevision: 0 }))
        .status,
    ).toBe(200);
    const organizer = await createOrganizer(app.baseUrl, 'organizer');
    const returned = await postJson(
      `${app.baseUrl}/api/rounds/${round.roundId}/responses/KEN/return`,
      { comment: 'Please check the evidence for A1.', questionComments: { a1_2: 'Which year does this refer to?' } },
      organizer.headers,
    );
    expect(returned.status).toBe(200);

    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${app.baseUrl}/respond/${round.kenya}?lang=es`);
      await page.waitForSelector('body[data-ready="true"]');

      const review = page.getByRole('note', { name: 'Los organizadores devolvieron esta respuesta con comentarios' });
      await expect(review.textContent()).resolves.toContain('Please check the evidence for A1.');
      await expect(review.textContent()).resolves.toContain('Revise las respuestas y vuelva a enviar la respuesta.');

      const question = page.locator('[data-name="a1_2"]');
      const note = question.getByRole('note');
      await expect(note.textContent()).resolves.toBe('Comentario de los organizadores: Which year does this refer to?');
      await expect(question.getAttribute('aria-describedby')).resolves.toContain('review-a1_2');
      await expect(page.locator('[data-name="a1_1"] .question-review').count()).resolves.toBe(0);
      // The response is editable again: the questionnaire is not in display mode.
      await expect(page.locator('body').getAttribute('data-response-status')).resolves.toBeNull();
      await expect(page.locator('[data-name="a1_1"] input').first().isEnabled()).resolves.toBe(true);
    } finally {
      await context.close();
    }
  });
});
