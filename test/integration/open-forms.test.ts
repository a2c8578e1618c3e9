// Open questionnaires (answered without a link, e.g. the pilot): only a form that enables
// them takes anonymous answers, and then each client address may send only so many an hour.
import { ResponseDoc } from '../../server/responses/response.model';
import { postJson, request } from '../helpers/http';
import { setupTestApp, type TestApp } from '../helpers/test-app';

const perHour = 5;
const testApp = setupTestApp({ openResponsesPerHour: perHour });
let app: TestApp;
beforeAll(() => {
  app = testApp();
});
beforeEach(async () => {
  await ResponseDoc.deleteMany({});
});

const pilotAnswers = {
  a1_1: 2,
  a1_2: 3,
  a1_3: 'na',
  a1_4: 1,
  a1_5: 'dk',
  a1_importance: 4,
  a1_target: 3,
  a1_share: 'no',
};

describe('When a form does not enable open responses (the capacity questionnaire)', () => {
  it('then an anonymous submission gets 403 and nothing is stored, and there is no open page for it', async () => {
    const reply = await postJson(`${app.baseUrl}/api/forms/capacity/responses`, { answers: {} });
    expect(reply).toMatchObject({ status: 403, body: { code: '403.3' } });
    expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await ResponseDoc.countDocuments()).toBe(0);
    expect((await request(`${app.baseUrl}/r/capacity`)).status).toBe(404);
  });
});

describe('When one address keeps posting to an open form', () => {
  it(`then the first ${perHour} of 25 are stored and the rest get 429`, async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++)
      statuses.push((await postJson(`${app.baseUrl}/api/forms/a1-pilot/responses`, { answers: pilotAnswers })).status);
    expect(statuses).toEqual([...Array(perHour).fill(201), ...Array(25 - perHour).fill(429)]);
    expect(await ResponseDoc.countDocuments()).toBe(perHour);
    const limited = await postJson(`${app.baseUrl}/api/forms/a1-pilot/responses`, { answers: pilotAnswers });
    expect(limited.body).toMatchObject({ status: 429, code: '429.1' });
  });
});

describe('When someone opens the site', () => {
  it('then / is a landing page that leads organizers to the console and links the open questionnaire', async () => {
    const res = await fetch(`${app.baseUrl}/`, { redirect: 'manual' });
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('href="/console/sign-in"');
    expect(page).toContain('href="/r/a1-pilot"');
  });
});
