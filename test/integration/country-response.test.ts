// A country's response through its links, over HTTP against the real database: drafts saved
// and resumed from any link of the country, stale saves refused with 409 and the current
// state, full validation on submit, idempotent submit, reopening by an organizer.
import { CountryResponseRevision, countryResponseRevisionId } from '../../server/responses/country-response.model';
import { findLatestResponse } from '../../server/responses/country-response-store';
import { createOrganizer, postJson, request } from '../helpers/http';
import { createTestRound, type TestRound } from '../helpers/rounds';
import { setupTestApp, type TestApp } from '../helpers/test-app';

const testApp = setupTestApp();
let app: TestApp;
let round: TestRound;

const complete = { a1_1: 2, a1_2: 3, a1_3: 'na', a1_4: 1, a1_5: 'dk', a1_importance: 4, a1_target: 3, a1_share: 'no' };

beforeAll(() => {
  app = testApp();
});
beforeEach(async () => {
  round = await createTestRound();
});

const api = (token: string) => `${app.baseUrl}/api/respondent/${token}`;
const put = (token: string, body: unknown) =>
  request(`${api(token)}/draft`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
const submit = (token: string, body: unknown) => postJson(`${api(token)}/submit`, body);
const stored = () => findLatestResponse(round.roundId, 'KEN');

describe('When a focal point opens their country link', () => {
  it('then they get the round, the country and an empty response to start', async () => {
    const reply = await request(api(round.kenya));
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      round: { id: round.roundId, formId: 'a1-pilot', formVersion: 1 },
      country: { iso3: 'KEN', name: 'Kenya' },
      language: 'en',
      response: { status: 'new', revision: 0, answers: {} },
    });
  });

  it('then the page is served in the language of the invitation', async () => {
    const page = await request(`${app.baseUrl}/respond/${round.niger}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<html lang="fr">');
    expect(page.body).toContain(`data-token="${round.niger}"`);
  });
});

describe('When drafts are saved', () => {
  it('then an incomplete draft is kept, and any link of the country resumes it', async () => {
    const first = await put(round.kenya, { answers: { a1_1: 2 }, baseRevision: 0 });
    expect(first).toMatchObject({ status: 200, body: { status: 'draft', revision: 1, answers: { a1_1: 2 } } });
    const second = await put(round.kenya, { answers: { a1_1: 2, a1_2: 'dk' }, baseRevision: 1 });
    expect(second.body.revision).toBe(2);

    const colleague = await request(api(round.kenyaColleague));
    expect(colleague.body.response).toMatchObject({ status: 'draft', revision: 2, answers: { a1_1: 2, a1_2: 'dk' } });
    expect(Object.keys(colleague.body.response.answeredAt).sort()).toEqual(['a1_1', 'a1_2']);
    expect((await request(api(round.niger))).body.response.status).toBe('new'); // other countries untouched
  });

  it('then a save based on a stale revision gets 409 with the current state, and overwrites nothing', async () => {
    await put(round.kenya, { answers: { a1_1: 2 }, baseRevision: 0 });
    await put(round.kenyaColleague, { answers: { a1_1: 2, a1_3: 4 }, baseRevision: 1 });
    const stale = await put(round.kenya, { answers: { a1_1: 0 }, baseRevision: 1 });
    expect(stale.status).toBe(409);
    expect(stale.headers.get('content-type')).toMatch(/problem\+json/);
    expect(stale.body).toMatchObject({ code: '409.2', current: { revision: 2, answers: { a1_1: 2, a1_3: 4 } } });
    expect((await stored())!.answers).toEqual({ a1_1: 2, a1_3: 4 });
  });

  it('then two first saves at once create one response and refuse the other', async () => {
    const [a, b] = await Promise.all([
      put(round.kenya, { answers: { a1_1: 1 }, baseRevision: 0 }),
      put(round.kenyaColleague, { answers: { a1_1: 3 }, baseRevision: 0 }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect((await stored())!.revision).toBe(1);
  });

  it('then of twelve saves at once from the same revision exactly one is kept, and the others get 409', async () => {
    await put(round.kenya, { answers: { a1_1: 2 }, baseRevision: 0 });
    const links = [round.kenya, round.kenyaColleague];
    for (let base = 1; base <= 3; base++) {
      const replies = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          put(links[i % 2], { answers: { a1_1: 2, a1_2: i % 5, a1_4: base }, baseRevision: base }),
        ),
      );
      expect(replies.filter((r) => r.status === 200)).toHaveLength(1);
      expect(replies.filter((r) => r.status === 409)).toHaveLength(11);
      const winner = replies.find((r) => r.status === 200)!;
      expect(await stored()).toMatchObject({ revision: base + 1, answers: winner.body.answers });
    }
  });

  it('then every save is kept as a revision of its own, with the link it came through', async () => {
    await put(round.kenya, { answers: { a1_1: 2 }, baseRevision: 0 });
    await put(round.kenyaColleague, { answers: { a1_1: 3 }, baseRevision: 1 });
    const revisions = await Promise.all(
      [1, 2].map((n) => CountryResponseRevision.findById(countryResponseRevisionId(round.roundId, 'KEN', n)).lean()),
    );
    expect(revisions.map((r) => r!.answers)).toEqual([{ a1_1: 2 }, { a1_1: 3 }]);
    expect(revisions[0]!.savedVia).not.toEqual(revisions[1]!.savedVia);
    expect(await stored()).toMatchObject({ revision: 2, answers: { a1_1: 3 } });
  });

  it.each([
    ['a wrong type', { a1_1: 'two' }, 422],
    ['a level outside the scale', { a1_1: 7 }, 422],
    ['an unknown question', { z9: 1 }, 422],
    ['a $ key', { $inc: { revision: 1 } }, 422],
    ['a dotted key', { 'answers.a1_1': 1 }, 422],
    ['a 1 MB text answer', { a1_4_evidence: 'x'.repeat(1024 * 1024) }, 413],
  ])('then %s is refused and nothing is stored', async (_case, answers, status) => {
    await put(round.kenya, { answers: { a1_1: 2 }, baseRevision: 0 });
    const reply = await put(round.kenya, { answers, baseRevision: 1 });
    expect(reply.status).toBe(status);
    expect(reply.headers.get('content-type')).toMatch(/problem\+json/);
    expect(await stored()).toMatchObject({ revision: 1, answers: { a1_1: 2 } });
  });

  it('then a __proto__ key is refused and nothing is stored', async () => {
    const reply = await request(`${api(round.kenya)}/draft`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: '{"answers": {"__proto__": {"x": 1}}, "baseRevision": 0}',
    });
    expect(reply.status).toBe(422);
    expect(await stored()).toBeNull();
  });

  it('then a missing or negative baseRevision is refused naming the field', async () => {
    const reply = await put(round.kenya, { answers: {} });
    expect(reply.status).toBe(400);
    expect(reply.body.errors).toContainEqual({ field: 'body.baseRevision', message: 'is required' });
    expect((await put(round.kenya, { answers: {}, baseRevision: -1 })).status).toBe(400);
  });
});

describe('When the response is submitted', () => {
  it('then missing required answers get 422 per question, in the chosen language, and it stays a draft', async () => {
    await put(round.kenya, { answers: { a1_1: 2 }, baseRevision: 0 });
    const reply = await submit(round.kenya, { answers: { a1_1: 2 }, baseRevision: 1, locale: 'fr' });
    expect(reply.status).toBe(422);
    expect(reply.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'answers.a1_2',
      'answers.a1_3',
      'answers.a1_4',
      'answers.a1_5',
      'answers.a1_importance',
    ]);
    expect(reply.body.errors[0].message).toMatch(/obligatoire/);
    expect(await stored()).toMatchObject({ status: 'draft', revision: 1 });
  });

  it('then it is frozen with who and when, hidden answers dropped, and a repeated submit gets the same result', async () => {
    const answers = { ...complete, a1_share: 'no', a1_share_how: 'Statistics office, census methods' };
    const first = await submit(round.kenya, { answers, baseRevision: 0, locale: 'en' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'submitted', revision: 1, submittedAt: expect.any(String) });
    expect(first.body.answers).toEqual(complete); // a1_share_how is hidden when a1_share is "no"

    const again = await submit(round.kenyaColleague, { answers, baseRevision: 0, locale: 'en' });
    expect(again).toMatchObject({ status: 200, body: first.body });

    const doc = await stored();
    expect(doc).toMatchObject({
      status: 'submitted',
      answers: complete,
      submittedBy: { clientAddress: expect.any(String) },
    });
    expect(doc!.submittedBy!.invitationId).toMatch(/^[0-9a-f]{64}$/);

    const late = await put(round.kenya, { answers: { ...complete, a1_1: 4 }, baseRevision: 1 });
    expect(late).toMatchObject({ status: 409, body: { code: '409.3', current: { status: 'submitted' } } });
    expect((await stored())!.answers).toEqual(complete);
  });

  it('then the visible follow-up answer is kept', async () => {
    const answers = { ...complete, a1_share: 'maybe', a1_share_how: 'Statistics office, census methods' };
    const reply = await submit(round.kenya, { answers, baseRevision: 0 });
    expect(reply.body.answers).toEqual(answers);
  });

  it('then an organizer can reopen it, a viewer cannot, and the country can change it again', async () => {
    await submit(round.kenya, { answers: complete, baseRevision: 0 });
    const url = `${app.baseUrl}/api/rounds/${round.roundId}/responses/KEN/reopen`;
    const viewer = await createOrganizer(app.baseUrl, 'viewer');
    expect((await postJson(url, {}, viewer.headers)).status).toBe(403);
    expect((await postJson(url, {})).status).toBe(401);

    const organizer = await createOrganizer(app.baseUrl, 'organizer');
    const reopened = await postJson(url, {}, organizer.headers);
    expect(reopened).toMatchObject({ status: 200, body: { status: 'draft', revision: 2 } });
    expect(await stored()).toMatchObject({ status: 'draft', reopenedBy: organizer.email });
    expect((await postJson(url, {}, organizer.headers)).status).toBe(409); // nothing left to reopen

    const changed = await put(round.kenya, { answers: { ...complete, a1_1: 4 }, baseRevision: 2 });
    expect(changed.body).toMatchObject({ status: 'draft', revision: 3, answers: { a1_1: 4 } });
    const read = await request(`${app.baseUrl}/api/rounds/${round.roundId}/responses/KEN`, {
      headers: { Cookie: viewer.cookie },
    });
    expect(read.body).toMatchObject({ revision: 3 });
  });
});

describe('When a link cannot be used', () => {
  it.each([
    ['expired', 410],
    ['revoked', 410],
  ] as const)(
    'then a link that was %s gets %i from the API and a clear page, not an error dump',
    async (key, status) => {
      const token = round[key];
      const reply = await request(api(token));
      expect(reply).toMatchObject({ status, body: { code: '410.1' } });
      expect((await put(token, { answers: { a1_1: 1 }, baseRevision: 0 })).status).toBe(status);
      const page = await request(`${app.baseUrl}/respond/${token}`, { headers: { 'Accept-Language': 'es' } });
      expect(page.status).toBe(status);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      expect(page.body).toContain('Este enlace ya no es válido');
      expect(await stored()).toBeNull();
    },
  );

  it('then an unknown link gets 404 and a page saying so', async () => {
    expect((await request(api('A'.repeat(24)))).status).toBe(404);
    const page = await request(`${app.baseUrl}/respond/not-a-real-token-at-all`);
    expect(page.status).toBe(404);
    expect(page.body).toContain('This link is not valid');
  });
});

describe('When an organizer asks for a response of a round or country that does not exist', () => {
  it('then an unknown round or a country not in the round gets 404, while a country of the round that has not started is "new"', async () => {
    const viewer = await createOrganizer(app.baseUrl, 'viewer');
    const read = (path: string) => request(`${app.baseUrl}/api/rounds/${path}`, { headers: { Cookie: viewer.cookie } });
    expect(await read(`000000000000000000000000/responses/ETH`)).toMatchObject({
      status: 404,
      body: { code: '404.1' },
    });
    expect(await read(`${round.roundId}/responses/ETH`)).toMatchObject({ status: 404, body: { code: '404.1' } });
    expect(await read(`${round.roundId}/responses/NER`)).toMatchObject({ status: 200, body: { status: 'new' } });
    const organizer = await createOrganizer(app.baseUrl, 'organizer');
    const reopen = (path: string) => postJson(`${app.baseUrl}/api/rounds/${path}/reopen`, {}, organizer.headers);
    expect(await reopen(`000000000000000000000000/responses/KEN`)).toMatchObject({
      status: 404,
      body: { code: '404.1' },
    });
    expect(await reopen(`${round.roundId}/responses/ETH`)).toMatchObject({ status: 404, body: { code: '404.1' } });
  });
});
