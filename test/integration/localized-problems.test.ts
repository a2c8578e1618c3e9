// Problems in the request's language, over HTTP against the real app: titles, details from the
// catalogue and field errors (ajv's and survey-core's) in French and Spanish, chosen by the
// body's `locale`, then ?lang, then Accept-Language; English when nothing asks otherwise.
import { request } from '../helpers/http';
import { createTestRound, type TestRound } from '../helpers/rounds';
import { setupTestApp, type TestApp } from '../helpers/test-app';

const testApp = setupTestApp();
let app: TestApp;
let round: TestRound;

beforeAll(async () => {
  app = testApp();
  round = await createTestRound();
});

const api = (token: string) => `${app.baseUrl}/api/respondent/${token}`;
const send = (method: string, url: string, body: unknown, headers: Record<string, string> = {}) =>
  request(url, {
    method,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

const badDraft = { answers: { a1_1: 7 }, baseRevision: 0 };

describe('When a draft with a value out of its choices is saved', () => {
  it.each([
    ['es', 'Algunas respuestas no son válidas', 'debe ser uno de los valores 0, 1, 2, 3, 4, "na", "dk"'],
    ['fr', 'Certaines réponses ne sont pas valides', 'doit être l\'une des valeurs 0, 1, 2, 3, 4, "na", "dk"'],
  ])('then in %s, the title and the field error are in that language', async (locale, title, message) => {
    const reply = await send('PUT', `${api(round.kenya)}/draft`, { ...badDraft, locale });
    expect(reply.status).toBe(422);
    expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(reply.body).toMatchObject({ code: '422.1', title, errors: [{ field: 'answers.a1_1', message }] });
  });

  it('then without a language asked for, it is English', async () => {
    const reply = await send('PUT', `${api(round.kenya)}/draft`, badDraft);
    expect(reply.body).toMatchObject({
      title: 'Some answers are not valid',
      errors: [{ field: 'answers.a1_1', message: 'must be one of 0, 1, 2, 3, 4, "na", "dk"' }],
    });
  });

  it('then a type mistake is said through ajv-i18n', async () => {
    const reply = await send('PUT', `${api(round.kenya)}/draft`, {
      answers: { a1_1: 2 },
      baseRevision: 'one',
      locale: 'es',
    });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({
      title: 'La solicitud no corresponde a su esquema',
      errors: [{ field: 'body.baseRevision', message: 'debe ser integer' }],
    });
  });
});

describe('When a request asks for a language otherwise', () => {
  it('then Accept-Language chooses it: a missing field is said in French', async () => {
    const reply = await send(
      'PUT',
      `${api(round.kenya)}/draft`,
      { answers: {} },
      { 'Accept-Language': 'fr-FR,fr;q=0.9' },
    );
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({
      title: 'La requête ne correspond pas à son schéma',
      errors: [{ field: 'body.baseRevision', message: 'est obligatoire' }],
    });
  });

  it('then ?lang chooses it: an unknown link is answered in Spanish', async () => {
    const reply = await request(`${api('0'.repeat(64))}?lang=es`);
    expect(reply.status).toBe(404);
    expect(reply.body).toMatchObject({ code: '404.3', title: 'Enlace desconocido' });
  });

  it("then the body's locale wins over Accept-Language", async () => {
    const reply = await send(
      'PUT',
      `${api(round.kenya)}/draft`,
      { ...badDraft, locale: 'es' },
      { 'Accept-Language': 'fr' },
    );
    expect(reply.body.title).toBe('Algunas respuestas no son válidas');
  });
});

describe('When a stale draft is saved in French or Spanish', () => {
  it.each([
    ['fr', "Quelqu'un a enregistré cette réponse entre-temps", 'Fusionnez vos modifications'],
    ['es', 'Alguien guardó esta respuesta mientras tanto', 'Combine sus cambios'],
  ])('then in %s, the title and the detail of the catalogue are in that language', async (locale, title, detail) => {
    const fresh = await createTestRound();
    await send('PUT', `${api(fresh.kenya)}/draft`, { answers: { a1_1: 2 }, baseRevision: 0, locale });
    const stale = await send('PUT', `${api(fresh.kenya)}/draft`, { answers: { a1_1: 3 }, baseRevision: 0, locale });
    expect(stale.status).toBe(409);
    expect(stale.body.title).toBe(title);
    expect(stale.body.detail).toContain(detail);
    expect(stale.body.current).toMatchObject({ revision: 1 }); // the members besides stay as they were
  });
});

describe('When an incomplete response is submitted in French or Spanish', () => {
  it.each([
    ['fr', 'Certaines réponses ne sont pas valides', /obligatoire/],
    ['es', 'Algunas respuestas no son válidas', /conteste la pregunta/],
  ])("then in %s, survey-core's errors and the title are in that language", async (locale, title, message) => {
    const reply = await send('POST', `${api(round.niger)}/submit`, { answers: {}, baseRevision: 0, locale });
    expect(reply.status).toBe(422);
    expect(reply.body.title).toBe(title);
    expect(reply.body.errors.length).toBeGreaterThan(0);
    for (const e of reply.body.errors) expect(e.message).toMatch(message);
  });
});
