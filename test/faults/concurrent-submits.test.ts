// Two submits of one country at the same moment, through HTTP against the real database:
// identical ones give one result and one score snapshot; different ones give one 200 and one
// 409, so nobody is told their answers were taken when they were discarded.
import { ScoreSnapshot } from '../../server/scoring/score-snapshot.model';
import { postJson, request } from '../helpers/http';
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

const submit = (token: string, answers: unknown) =>
  postJson(`${app.baseUrl}/api/respondent/${token}/submit`, { answers, baseRevision: 0 });
const snapshots = () => ScoreSnapshot.countDocuments({ roundId: round.roundId, country: 'KEN' });

describe('When two focal points submit at the same moment', () => {
  it('then identical submits both get the same result, and one score snapshot is stored', async () => {
    const replies = await Promise.all([
      submit(round.kenya, complete),
      submit(round.kenyaColleague, complete),
      submit(round.kenya, complete),
    ]);
    expect(await snapshots()).toBe(1);
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(new Set(replies.map((r) => r.body.revision))).toEqual(new Set([1]));
  });

  it('then of different submits one is taken and the other gets 409 with the answers that were', async () => {
    const [a, b] = await Promise.all([
      submit(round.kenya, complete),
      submit(round.kenyaColleague, { ...complete, a1_1: 4 }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const [won, lost] = a.status === 200 ? [a, b] : [b, a];
    expect(lost.body).toMatchObject({ code: '409.3', current: { status: 'submitted', answers: won.body.answers } });
    expect((await request(`${app.baseUrl}/api/respondent/${round.kenya}`)).body.response).toMatchObject({
      status: 'submitted',
      answers: won.body.answers,
    });
    expect(await snapshots()).toBe(1);
  });
});

describe('When a submit comes after the response was submitted', () => {
  it('then the same answers get the same result, and different ones get 409', async () => {
    const first = await submit(round.kenya, complete);
    expect(await submit(round.kenyaColleague, complete)).toMatchObject({ status: 200, body: first.body });
    expect(await submit(round.kenyaColleague, { ...complete, a1_1: 4 })).toMatchObject({
      status: 409,
      body: { code: '409.3', current: { answers: complete } },
    });
    expect(await snapshots()).toBe(1);
  });
});
