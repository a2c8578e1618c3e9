// Scores must not cost more as older rounds pile up. On FerretDB any query other than an _id
// lookup reads and decodes every document of its collection — every round's, not only the
// round asked about — so "reads no document of other rounds" is checked as: every operation
// the scoring endpoints send to the database looks documents up by _id (or reads the small
// reference collections). The operations are recorded with mongoose's debug hook, on the real
// app and the real database, while another round's scores are stored next to this round's.
// Also: simultaneous scorings of one revision store exactly one snapshot.
import mongoose from 'mongoose';
import { scoreSubmission } from '../../server/scoring/round-scores';
import { CurrentScore, currentScoreId, ScoreSnapshot, snapshotId } from '../../server/scoring/score-snapshot.model';
import { createOrganizer, postJson, request, type Organizer } from '../helpers/http';
import { createTestRound, type TestRound } from '../helpers/rounds';
import { setupTestApp, type TestApp } from '../helpers/test-app';

const testApp = setupTestApp();
let app: TestApp;
let current: TestRound;
let older: TestRound;
let viewer: Organizer;
let admin: Organizer;

const kenya = {
  a1_1: 2,
  a1_2: 3,
  a1_3: 'na',
  a1_4: 1,
  a1_4_evidence: 'Census 2019, vol. II',
  a1_5: 'dk',
  a1_importance: 4,
  a1_target: 3,
  a1_share: 'no',
};
const niger = { ...kenya, a1_1: 4, a1_4_evidence: '' };

/** Collections that hold no round's history: a fixed size, whatever the number of rounds. */
const fixedSize = new Set(['referencecountries', 'countrygroups', 'settings']);
/** Operations that select documents with a filter (their first argument). */
const filtered = new Set([
  'find',
  'findOne',
  'findOneAndUpdate',
  'findOneAndReplace',
  'findOneAndDelete',
  'updateOne',
  'updateMany',
  'replaceOne',
  'deleteOne',
  'deleteMany',
  'countDocuments',
  'count',
  'distinct',
]);

interface Operation {
  collection: string;
  method: string;
  filter: unknown;
}

/** The operations mongoose sends to the database while `work` runs. */
async function recordOperations(work: () => Promise<void>): Promise<Operation[]> {
  const operations: Operation[] = [];
  mongoose.set('debug', (collection: string, method: string, ...args: unknown[]) => {
    operations.push({ collection, method, filter: args[0] });
  });
  try {
    await work();
  } finally {
    mongoose.set('debug', false);
  }
  return operations;
}

/** A filter that names one document by its _id (a string or an ObjectId, no operator). */
function isIdLookup(filter: unknown): boolean {
  if (!filter || typeof filter !== 'object') return false;
  const keys = Object.keys(filter);
  const id = (filter as { _id?: unknown })._id;
  return keys.length === 1 && keys[0] === '_id' && (typeof id === 'string' || id instanceof mongoose.Types.ObjectId);
}

/** The operations that would read other rounds' documents too: any selection not by _id, any aggregation. */
function scansOf(operations: Operation[], collections?: (name: string) => boolean): string[] {
  return operations
    .filter((o) => !fixedSize.has(o.collection) && (!collections || collections(o.collection)))
    .filter((o) => o.method === 'aggregate' || (filtered.has(o.method) && !isIdLookup(o.filter)))
    .map((o) => `${o.collection}.${o.method}(${JSON.stringify(o.filter)})`);
}

const isScoring = (name: string) => name === 'scoresnapshots' || name === 'currentscores';

beforeAll(async () => {
  app = testApp();
  older = await createTestRound('a1-pilot');
  current = await createTestRound('a1-pilot');
  viewer = await createOrganizer(app.baseUrl, 'viewer');
  admin = await createOrganizer(app.baseUrl, 'admin');
  // The older round: both countries submitted and scored, then recomputed after a weight change.
  for (const [token, answers] of [
    [older.kenya, kenya],
    [older.niger, niger],
  ] as const) {
    expect((await postJson(`${app.baseUrl}/api/respondent/${token}/submit`, { answers, baseRevision: 0 })).status).toBe(
      200,
    );
  }
  const weights = await request(`${app.baseUrl}/api/rounds/${older.roundId}/scoring`, {
    method: 'PUT',
    headers: admin.headers,
    body: JSON.stringify({ weights: [{ indicator: 'A1.2', weight: 3 }] }),
  });
  expect(weights.status).toBe(200);
  expect(
    (await postJson(`${app.baseUrl}/api/rounds/${older.roundId}/scores/recompute`, {}, admin.headers)).body.recomputed,
  ).toBe(2);
  // The current round: Kenya submitted; this round counts submitted responses' scores.
  const counting = await request(`${app.baseUrl}/api/rounds/${current.roundId}/scoring`, {
    method: 'PUT',
    headers: admin.headers,
    body: JSON.stringify({ scoresFrom: 'submitted' }),
  });
  expect(counting.status).toBe(200);
  expect(
    (await postJson(`${app.baseUrl}/api/respondent/${current.kenya}/submit`, { answers: kenya, baseRevision: 0 }))
      .status,
  ).toBe(200);
});

describe('When older rounds have scores stored', () => {
  it('then the overview, profile, aggregates, scores.csv and recompute of a round look documents up by _id only', async () => {
    const base = `${app.baseUrl}/api/rounds/${current.roundId}`;
    const replies: Record<string, { status: number; body: any }> = {};
    const operations = await recordOperations(async () => {
      replies.overview = await request(`${base}/overview`, { headers: { Cookie: viewer.cookie } });
      replies.profile = await request(`${base}/countries/KEN/profile`, { headers: { Cookie: viewer.cookie } });
      replies.aggregates = await request(`${base}/aggregates?by=region`, { headers: { Cookie: viewer.cookie } });
      replies.csv = await request(`${base}/exports/scores.csv`, { headers: { Cookie: viewer.cookie } });
      replies.recompute = await postJson(`${base}/scores/recompute`, {}, admin.headers);
    });
    expect(Object.values(replies).map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    // The answers are this round's own: Kenya scored (C = 50 with weights 1), Niger not answered.
    expect(replies.overview.body.countries).toMatchObject([
      { iso3: 'KEN', response: 'submitted', areas: { A1: { capacity: 50 } } },
      { iso3: 'NER', response: 'none', areas: {} },
    ]);
    expect(replies.profile.body.scores).toMatchObject({
      country: 'KEN',
      responseRevision: 1,
      areas: [{ capacity: 50 }],
    });
    expect(replies.csv.body.split('\n').filter((line: string) => line.startsWith('KEN')).length).toBe(1);
    expect(replies.recompute.body).toMatchObject({ recomputed: 0, unchanged: 1 });

    expect(operations.some((o) => isScoring(o.collection))).toBe(true);
    expect(scansOf(operations)).toEqual([]);
  });

  it('then a respondent submitting and reading their scores looks scores up by _id only', async () => {
    const operations = await recordOperations(async () => {
      const submitted = await postJson(`${app.baseUrl}/api/respondent/${current.niger}/submit`, {
        answers: niger,
        baseRevision: 0,
      });
      expect(submitted.status).toBe(200);
      expect(submitted.body.scores.areas[0]).toMatchObject({ area: 'A1', status: 'scored' });
      const page = await request(`${app.baseUrl}/api/respondent/${current.kenya}`);
      expect(page.body.scores.areas[0]).toMatchObject({ area: 'A1', capacity: 50 });
    });
    expect(operations.filter((o) => isScoring(o.collection)).length).toBeGreaterThan(0);
    expect(scansOf(operations, isScoring)).toEqual([]);
  });
});

describe('When one revision is scored by several requests at the same moment', () => {
  it('then exactly one snapshot is stored and every request gets its scores', async () => {
    const state = { status: 'submitted', revision: 7, answers: kenya };
    const results = await Promise.all(
      Array.from({ length: 8 }, () => scoreSubmission(app.forms, older.roundId, 'KEN', state)),
    );
    expect(await ScoreSnapshot.countDocuments({ roundId: older.roundId, country: 'KEN', responseRevision: 7 })).toBe(1);
    expect(new Set(results.map((r) => r?.responseRevision))).toEqual(new Set([7]));
    expect(new Set(results.map((r) => r?.computedAt.getTime())).size).toBe(1);
  });
});

describe('When a writer stopped between storing a snapshot and updating the current copy', () => {
  it('then readers still get the newest snapshot, and the copy is brought up to date', async () => {
    const copy = await CurrentScore.findById(currentScoreId(current.roundId, 'KEN')).lean();
    expect(copy).toMatchObject({ sequence: 1, responseRevision: 1 });
    expect(copy!.areas[0]).not.toHaveProperty('indicators'); // the copy is for lists: the profile reads the snapshot
    // What the stopped writer left: snapshot 2 stored (in full, as writers store it), the copy still at 1.
    const first = await ScoreSnapshot.findById(snapshotId(current.roundId, 'KEN', 1)).lean();
    const { _id, ...fields } = first!;
    await ScoreSnapshot.create({
      ...fields,
      _id: snapshotId(current.roundId, 'KEN', 2),
      sequence: 2,
      responseRevision: 5,
      reason: 'recomputed',
      computedAt: new Date(),
    });

    const page = await request(`${app.baseUrl}/api/rounds/${current.roundId}/countries/KEN/profile`, {
      headers: { Cookie: viewer.cookie },
    });
    expect(page.body.scores).toMatchObject({ responseRevision: 5, reason: 'recomputed' });
    expect(await CurrentScore.findById(currentScoreId(current.roundId, 'KEN')).lean()).toMatchObject({
      sequence: 2,
      responseRevision: 5,
    });
  });
});
