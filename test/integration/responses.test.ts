// Submitting responses through HTTP, against the real database: what is valid is stored once,
// what is not gets a problem+json answer naming the field, and nothing is written.
import { ResponseDoc } from '../../server/responses/response.model';
import { setupTestApp, type TestApp } from '../helpers/test-app';
import { postJson, request } from '../helpers/http';

const testApp = setupTestApp();
let app: TestApp;
let url: string;

const validAnswers = {
  a1_1: 2,
  a1_2: 3,
  a1_3: 'na',
  a1_4: 1,
  a1_4_evidence: 'Census 2020 report, ch. 4',
  a1_5: 'dk',
  a1_importance: 4,
  a1_target: 3,
  a1_share: 'maybe',
};

beforeAll(() => {
  app = testApp();
  url = `${app.baseUrl}/api/forms/a1-pilot/responses`;
});
beforeEach(async () => {
  await ResponseDoc.deleteMany({});
});

function expectProblem(reply: { status: number; headers: Headers; body: any }, status: number) {
  expect(reply.status).toBe(status);
  expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(reply.body).toMatchObject({
    status,
    title: expect.any(String),
    code: expect.stringMatching(new RegExp(`^${status}\\.`)),
  });
}

async function expectNothingStored() {
  expect(await ResponseDoc.countDocuments()).toBe(0);
}

describe('When a respondent submits a complete, valid answer set', () => {
  it('then it is stored with the form version and locale, and its id is returned', async () => {
    const reply = await postJson(url, { answers: validAnswers, locale: 'fr', country: 'KEN' });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ formId: 'a1-pilot', formVersion: 1, id: expect.any(String) });
    const stored = await ResponseDoc.findById(reply.body.id).lean();
    expect(stored).toMatchObject({
      formId: 'a1-pilot',
      formVersion: 1,
      locale: 'fr',
      country: 'KEN',
      answers: validAnswers,
    });
  });

  it('then a question left to its default gets the default value, as in the browser', async () => {
    const { a1_target: _omitted, ...answers } = validAnswers;
    const reply = await postJson(url, { answers });
    expect(reply.status).toBe(201);
    const stored = await ResponseDoc.findById(reply.body.id).lean();
    expect(stored!.answers).toMatchObject({ a1_target: 4 });
  });
});

describe('When the request itself is broken', () => {
  it('then malformed JSON gets 400', async () => {
    const reply = await request(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"answers": {',
    });
    expectProblem(reply, 400);
    await expectNothingStored();
  });

  it('then a body that is not declared as JSON gets 415', async () => {
    const reply = await request(url, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: JSON.stringify({ answers: validAnswers }),
    });
    expectProblem(reply, 415);
    await expectNothingStored();
  });

  it('then a body over the size limit gets 413', async () => {
    const reply = await postJson(url, { answers: { ...validAnswers, a1_4_evidence: 'x'.repeat(300 * 1024) } });
    expectProblem(reply, 413);
    await expectNothingStored();
  });

  it('then an unknown form gets 404', async () => {
    const reply = await postJson(`${app.baseUrl}/api/forms/no-such-form/responses`, { answers: validAnswers });
    expectProblem(reply, 404);
    await expectNothingStored();
  });

  it('then an envelope with unknown fields gets 400 naming the field', async () => {
    const reply = await postJson(url, { answers: validAnswers, submittedBy: 'me' });
    expectProblem(reply, 400);
    expect(reply.body.errors).toContainEqual({ field: 'body.submittedBy', message: 'is not a known field' });
    await expectNothingStored();
  });
});

describe('When the answers are not valid for the form', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['a key starting with $', { ...validAnswers, $where: 'sleep(1000)' }, 'answers.$where'],
    ['a key with a dot', { ...validAnswers, 'a1_1.level': 3 }, 'answers.a1_1.level'],
    ['an operator object as a value', { ...validAnswers, a1_1: { $gt: 0 } }, 'answers.a1_1'],
    ['a wrong type', { ...validAnswers, a1_importance: 'very' }, 'answers.a1_importance'],
    ['a level outside the scale', { ...validAnswers, a1_2: 5 }, 'answers.a1_2'],
    ['an importance outside 1–5', { ...validAnswers, a1_importance: 9 }, 'answers.a1_importance'],
    ['a choice that does not exist', { ...validAnswers, a1_share: 'perhaps' }, 'answers.a1_share'],
    ['an unknown question', { ...validAnswers, a9_1: 2 }, 'answers.a9_1'],
    [
      'a text longer than the form allows',
      { ...validAnswers, a1_4_evidence: 'x'.repeat(501) },
      'answers.a1_4_evidence',
    ],
  ];

  it.each(cases)('then %s gets 422 naming the question', async (_name, answers, field) => {
    const reply = await postJson(url, { answers });
    expectProblem(reply, 422);
    expect(reply.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    await expectNothingStored();
  });

  it('then a __proto__ key gets 422 and pollutes nothing', async () => {
    const body = `{"answers": {"a1_1": 2, "__proto__": {"polluted": true}}}`;
    const reply = await request(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
    expectProblem(reply, 422);
    expect(reply.body.errors.map((e: { field: string }) => e.field)).toContain('answers.__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    await expectNothingStored();
  });

  it('then a missing required answer gets 422 with a message per question, in the respondent language', async () => {
    const { a1_3: _a, a1_importance: _b, ...answers } = validAnswers;
    const reply = await postJson(url, { answers, locale: 'fr' });
    expectProblem(reply, 422);
    expect(reply.body.errors).toEqual([
      { field: 'answers.a1_3', message: expect.stringMatching(/obligatoire/) },
      { field: 'answers.a1_importance', message: expect.stringMatching(/obligatoire/) },
    ]);
    await expectNothingStored();
  });

  it('then the language falls back to Accept-Language', async () => {
    const { a1_3: _a, ...answers } = validAnswers;
    const reply = await postJson(url, { answers }, { 'Accept-Language': 'es-ES,es;q=0.9' });
    expectProblem(reply, 422);
    expect(reply.body.errors[0].message).toMatch(/pregunta/);
  });
});

describe('When a client reads a form', () => {
  it('then it gets the SurveyJS JSON with its version and the published answer schema', async () => {
    const form = await request(`${app.baseUrl}/api/forms/a1-pilot`);
    expect(form.status).toBe(200);
    expect(form.body).toMatchObject({ formId: 'a1-pilot', formVersion: 1, json: { pages: expect.any(Array) } });
    const schema = await request(`${app.baseUrl}/api/forms/a1-pilot/answer-schema`);
    expect(schema.body).toMatchObject({
      type: 'object',
      additionalProperties: false,
      properties: { a1_1: { enum: [0, 1, 2, 3, 4, 'na', 'dk'] } },
    });
  });

  it('then an unknown form gets 404 problem+json', async () => {
    expectProblem(await request(`${app.baseUrl}/api/forms/nope`), 404);
  });
});
