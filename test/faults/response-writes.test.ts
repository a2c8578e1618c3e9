// Faults in the middle of saving a country response, through HTTP against the real database:
// a writer whose database connection stalls between choosing its revision and storing it, and
// a writer that dies at either point. An acknowledged save is never overwritten by an older
// one, and what a dead writer left behind never keeps the next save waiting.
import { request } from '../helpers/http';
import { createTestRound, type TestRound } from '../helpers/rounds';
import { setupTestApp, type TestApp } from '../helpers/test-app';
import { resetResponseWriteFaults, responseWriteFaults } from '../../server/responses/write-faults';

// The planted failures answer 500 on purpose: no route declares that, so answers go unchecked here.
const testApp = setupTestApp({ checkAnswers: false });
let app: TestApp;
let round: TestRound;

beforeAll(() => {
  app = testApp();
});
beforeEach(async () => {
  round = await createTestRound();
});
afterEach(() => {
  resetResponseWriteFaults();
  jest.useRealTimers();
});

const api = (token: string) => `${app.baseUrl}/api/respondent/${token}`;
const put = (token: string, body: unknown) =>
  request(`${api(token)}/draft`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
const current = async () => (await request(api(round.kenya))).body.response;

/** A seam that holds the next writer reaching it until `release()`; `reached` resolves when it does. */
function stallOnce(seam: keyof typeof responseWriteFaults) {
  let release!: () => void;
  let arrived!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const reached = new Promise<void>((resolve) => (arrived = resolve));
  responseWriteFaults[seam] = async () => {
    resetResponseWriteFaults();
    arrived();
    await held;
  };
  return { reached, release };
}

/** A seam that makes the next writer reaching it fail, as a crash or a full disk would. */
function crashOnce(seam: keyof typeof responseWriteFaults) {
  responseWriteFaults[seam] = async () => {
    resetResponseWriteFaults();
    throw new Error('the writer died here');
  };
}

/** Only the clock is faked, and it keeps running: the test can jump it forward. */
function useMovableClock() {
  jest.useFakeTimers({
    advanceTimers: true,
    doNotFake: [
      'nextTick',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
      'queueMicrotask',
      'hrtime',
      'performance',
    ],
  });
}

describe('When a writer stalls after choosing its revision', () => {
  it("then a colleague saving meanwhile is acknowledged, the stalled save gets 409, and the colleague's answers stay", async () => {
    await put(round.kenya, { answers: { a1_1: 1 }, baseRevision: 0 });
    useMovableClock();
    const stall = stallOnce('beforeStore');
    const stalled = put(round.kenya, { answers: { a1_1: 2 }, baseRevision: 1 });
    await stall.reached;
    jest.setSystemTime(Date.now() + 35_000); // the stall outlasts any timeout a claim could have

    const colleague = await put(round.kenyaColleague, { answers: { a1_1: 3 }, baseRevision: 1 });
    expect(colleague).toMatchObject({ status: 200, body: { answers: { a1_1: 3 } } });
    stall.release();
    const late = await stalled;

    expect(late).toMatchObject({
      status: 409,
      body: { code: '409.2', current: { revision: colleague.body.revision, answers: { a1_1: 3 } } },
    });
    expect(await current()).toMatchObject({ revision: colleague.body.revision, answers: { a1_1: 3 } });
  });

  it("then a save stored just before the stall counts, and a colleague's later save on top of it is never undone", async () => {
    await put(round.kenya, { answers: { a1_1: 1 }, baseRevision: 0 });
    const stall = stallOnce('beforePointerMove');
    const stalled = put(round.kenya, { answers: { a1_1: 2 }, baseRevision: 1 });
    await stall.reached;

    const refused = await put(round.kenyaColleague, { answers: { a1_1: 3 }, baseRevision: 1 });
    expect(refused).toMatchObject({ status: 409, body: { current: { revision: 2, answers: { a1_1: 2 } } } });
    const colleague = await put(round.kenyaColleague, { answers: { a1_1: 3 }, baseRevision: 2 });
    expect(colleague).toMatchObject({ status: 200, body: { revision: 3, answers: { a1_1: 3 } } });
    stall.release();
    expect(await stalled).toMatchObject({ status: 200, body: { revision: 2, answers: { a1_1: 2 } } });

    expect(await current()).toMatchObject({ revision: 3, answers: { a1_1: 3 } });
    expect((await put(round.kenya, { answers: { a1_1: 4 }, baseRevision: 3 })).body).toMatchObject({
      revision: 4,
      answers: { a1_1: 4 },
    });
  });
});

describe('When a writer dies in the middle of a save', () => {
  it('then, dead before storing, it leaves nothing behind and the next save goes through at once', async () => {
    await put(round.kenya, { answers: { a1_1: 1 }, baseRevision: 0 });
    crashOnce('beforeStore');
    expect((await put(round.kenya, { answers: { a1_1: 2 }, baseRevision: 1 })).status).toBe(500);

    expect(await current()).toMatchObject({ revision: 1, answers: { a1_1: 1 } });
    const next = await put(round.kenyaColleague, { answers: { a1_1: 3 }, baseRevision: 1 });
    expect(next).toMatchObject({ status: 200, body: { revision: 2, answers: { a1_1: 3 } } });
  });

  it('then, dead after storing, its save is found though nothing points to it yet, and the next save builds on it', async () => {
    crashOnce('beforePointerMove');
    expect((await put(round.kenya, { answers: { a1_1: 1 }, baseRevision: 0 })).status).toBe(500);
    expect(await current()).toMatchObject({ status: 'draft', revision: 1, answers: { a1_1: 1 } });

    await put(round.kenya, { answers: { a1_1: 2 }, baseRevision: 1 });
    crashOnce('beforePointerMove');
    expect((await put(round.kenya, { answers: { a1_1: 3 }, baseRevision: 2 })).status).toBe(500);
    expect(await current()).toMatchObject({ revision: 3, answers: { a1_1: 3 } });
    const stale = await put(round.kenyaColleague, { answers: { a1_1: 4 }, baseRevision: 2 });
    expect(stale).toMatchObject({ status: 409, body: { current: { revision: 3, answers: { a1_1: 3 } } } });
    const next = await put(round.kenyaColleague, { answers: { a1_1: 4 }, baseRevision: 3 });
    expect(next).toMatchObject({ status: 200, body: { revision: 4, answers: { a1_1: 4 } } });
    expect(await current()).toMatchObject({ revision: 4, answers: { a1_1: 4 } });
  });
});
