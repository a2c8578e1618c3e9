// The console's review page as the server renders it: a country's status, its scores per area
// (insufficient data marked as such), its answers in the organizer's language with the
// evidence, the decision forms for organizers only, the history of transitions, and a page
// saying "not found" for a country the round does not include.
import { createOrganizer, postJson, request, type Organizer } from '../helpers/http';
import { a1PilotAnswers, createTestRound, type TestRound } from '../helpers/rounds';
import { setupTestApp } from '../helpers/test-app';

const app = setupTestApp();
let round: TestRound;
let organizer: Organizer;
let viewer: Organizer;

const kenyaAnswers = a1PilotAnswers;
// Mostly "don't know": too little answered for a score (and no target: the default, level 4).
const nigerAnswers = { a1_1: 'dk', a1_2: 'dk', a1_3: 'dk', a1_4: 2, a1_5: 'dk', a1_importance: 3 };

const page = (who: Organizer, path: string, lang = 'en') =>
  request(`${app().baseUrl}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`, { headers: { Cookie: who.cookie } });

/** The page's text without tags and with spaces collapsed, for reading assertions. */
const textOf = (markup: string) =>
  markup
    .replace(/<[^>]+>/g, ' ')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

beforeAll(async () => {
  round = await createTestRound('a1-pilot');
  for (const [token, answers] of [
    [round.kenya, kenyaAnswers],
    [round.niger, nigerAnswers],
  ] as const) {
    const submitted = await postJson(`${app().baseUrl}/api/respondent/${token}/submit`, { answers, baseRevision: 0 });
    expect(submitted.status).toBe(200);
  }
  organizer = await createOrganizer(app().baseUrl, 'organizer');
  viewer = await createOrganizer(app().baseUrl, 'viewer');
});

describe('When an organizer opens the review page of a submitted response', () => {
  it('then the title is in the console language: English, French, Spanish', async () => {
    const path = `/console/rounds/${round.roundId}/countries/KEN`;
    const titles: Record<string, string> = {};
    for (const lang of ['en', 'fr', 'es']) {
      const reply = await page(organizer, path, lang);
      expect(reply.status).toBe(200);
      titles[lang] = /<h1>([^<]*)<\/h1>/.exec(reply.body)![1];
    }
    expect(titles).toEqual({ en: 'Review: Kenya (KEN)', fr: 'Examen : Kenya (KEN)', es: 'Revisión: Kenya (KEN)' });
  });

  it('then it shows the status, the scores per area, and the answers as choice texts with the evidence', async () => {
    const reply = await page(organizer, `/console/rounds/${round.roundId}/countries/KEN`, 'fr');
    const text = textOf(reply.body);
    expect(text).toContain('Réponse : soumise (révision 1)');
    // Area A1 (the a1-pilot's area): levels 2, 3, 1, 4 out of 4 → capacity 62.5, target 75.
    const row = textOf(/<tr data-area="A1"[\s\S]*?<\/tr>/.exec(reply.body)![0]);
    expect(row).toBe('A1 Collecte de données 62,5 75 12,5 10 satisfait 100 %');
    expect(text).toContain('2 — Partiellement en place');
    expect(text).toContain('Sans objet');
    expect(reply.body).toMatch(
      /class="answer evidence"\s+id="question-a1_4_evidence"[\s\S]*?National census report 2024, table 3/,
    );
    expect(text).toContain('Justificatif');
  });

  it('then approve, return (with a comment field per question) and reopen are there, each through the API', async () => {
    const reply = await page(organizer, `/console/rounds/${round.roundId}/countries/KEN`);
    const base = `/api/rounds/${round.roundId}/responses/KEN`;
    expect(reply.body).toContain(`data-api="POST ${base}/approve"`);
    expect(reply.body).toContain(`data-api="POST ${base}/return"`);
    expect(reply.body).toContain(`data-api="POST ${base}/reopen"`);
    expect(reply.body).toMatch(/<textarea[^>]*name="questionComments\.a1_2"[^>]*form="return-form"/);
    expect(reply.body).toMatch(/<textarea[^>]*name="comment"[^>]*required/);
  });

  it('then an area with too little answered is marked insufficient data, not scored low', async () => {
    const reply = await page(organizer, `/console/rounds/${round.roundId}/countries/NER`, 'es');
    const row = textOf(/<tr data-area="A1"[\s\S]*?<\/tr>/.exec(reply.body)![0]);
    expect(row).toBe('A1 Recopilación de datos — 100 — — datos insuficientes 20 %');
    expect(reply.body).toMatch(/data-status="insufficient data"/);
  });
});

describe('When a viewer opens the review page', () => {
  it('then they read the same answers and scores without any decision form or comment field', async () => {
    const reply = await page(viewer, `/console/rounds/${round.roundId}/countries/KEN`);
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('Review: Kenya (KEN)');
    expect(reply.body).toContain('National census report 2024, table 3');
    expect(reply.body).toContain('<tr data-area="A1"');
    // The only API form left is signing out.
    expect(reply.body.match(/data-api="[^"]*"/g)).toEqual(['data-api="DELETE /api/session"']);
    expect(reply.body).not.toContain('<textarea');
    expect(reply.body).not.toContain('id="decision"');
  });
});

describe('When a response is returned with comments, resubmitted and approved', () => {
  it('then the page shows each transition in its history, with who and the comments', async () => {
    const base = `${app().baseUrl}/api/rounds/${round.roundId}/responses/KEN`;
    const returned = await postJson(
      `${base}/return`,
      { comment: 'Please add evidence for A1.2.', questionComments: { a1_2: 'Which year?' } },
      organizer.headers,
    );
    expect(returned.status).toBe(200);
    const whileReturned = await page(organizer, `/console/rounds/${round.roundId}/countries/KEN`);
    expect(textOf(whileReturned.body)).toContain('Response: returned to the country (revision 2)');
    expect(textOf(whileReturned.body)).toContain('Comment sent with the last return: Which year?');
    expect(whileReturned.body).not.toContain(`data-api="POST /api/rounds/${round.roundId}/responses/KEN/approve"`);

    const resubmitted = await postJson(`${app().baseUrl}/api/respondent/${round.kenya}/submit`, {
      answers: { ...kenyaAnswers, a1_2: 2 },
      baseRevision: 2,
    });
    expect(resubmitted.status).toBe(200);
    expect((await postJson(`${base}/approve`, {}, organizer.headers)).status).toBe(200);

    const reply = await page(organizer, `/console/rounds/${round.roundId}/countries/KEN`);
    const history = [...reply.body.matchAll(/<tr data-action="(\w+)">([\s\S]*?)<\/tr>/g)].map(
      ([, action, row]) => [action, textOf(row)] as const,
    );
    expect(history.map(([action]) => action)).toEqual(['approve', 'resubmit', 'return', 'submit']);
    expect(history[0][1]).toContain(`approved (revision 4) ${organizer.email}`);
    expect(history[2][1]).toContain('Please add evidence for A1.2.');
    expect(history[2][1]).toMatch(/2\. Administrative records .*: Which year\?/);
    expect(history[3][1]).toContain('a focal point (country link)');
    expect(textOf(reply.body)).toContain('Response: approved (revision 4)');
    expect(textOf(reply.body)).toContain('Nothing to decide');
  });
});

describe('When the country has not answered yet', () => {
  it('then the page says so, with no scores, no answers and nothing to decide', async () => {
    const fresh = await createTestRound('a1-pilot');
    const reply = await page(organizer, `/console/rounds/${fresh.roundId}/countries/NER`);
    expect(reply.status).toBe(200);
    const text = textOf(reply.body);
    expect(text).toContain('Response: not started');
    expect(text).toContain('No scores yet');
    expect(text).toContain('The country has not saved any answers yet.');
    expect(text).toContain('Nothing to decide');
    expect(text).toContain('Nothing submitted yet.');
    expect(reply.body).not.toContain('/approve"');
  });
});

describe('When the round dashboard lists the countries', () => {
  it('then each country links to its review page', async () => {
    const reply = await page(viewer, `/console/rounds/${round.roundId}`);
    expect(reply.body).toContain(`href="/console/rounds/${round.roundId}/countries/KEN"`);
    expect(reply.body).toContain(`href="/console/rounds/${round.roundId}/countries/NER"`);
  });
});

describe('When the address names a country or round that does not exist', () => {
  it('then the console answers with its not-found page, in the console language', async () => {
    const unknownCountry = await page(organizer, `/console/rounds/${round.roundId}/countries/FRA`, 'fr');
    expect(unknownCountry.status).toBe(404);
    expect(unknownCountry.headers.get('content-type')).toMatch(/text\/html/);
    expect(unknownCountry.body).toContain('<h1>Introuvable</h1>');
    const unknownRound = await page(organizer, `/console/rounds/${'0'.repeat(24)}/countries/KEN`);
    expect(unknownRound.status).toBe(404);
    expect(unknownRound.body).toContain('<h1>Not found</h1>');
  });
});
