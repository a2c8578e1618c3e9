// From a submitted response to its stored score, through HTTP and the real database: the
// snapshot on submit, the respondent's gap profile, the organizers' overview and country
// profile, and a recompute after the weights change that says what changed.
import Ajv from 'ajv';
import { ScoreSnapshot } from '../../server/scoring/score-snapshot.model';
import { createOrganizer, postJson, request, type Organizer } from '../helpers/http';
import { createTestRound, type TestRound } from '../helpers/rounds';
import { setupTestApp, type TestApp } from '../helpers/test-app';

const testApp = setupTestApp();
let app: TestApp;
let round: TestRound;
let viewer: Organizer;
let admin: Organizer;

// Kenya's A1, weights all 1: applicable a1_1, a1_2, a1_4, a1_5 (a1_3 is "na"); answered a1_1, a1_2,
// a1_4 (a1_5 is "dk", not scored). C = 100 × (2 + 3 + 1) / (3 × 4) = 50; T = 25 × 3 = 75;
// G = 75 − 50 = 25; P = 4 × 25 / 5 = 20; completeness 3/4; confidence 1/3 (evidence on a1_4).
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

beforeAll(async () => {
  app = testApp();
  round = await createTestRound('a1-pilot');
  viewer = await createOrganizer(app.baseUrl, 'viewer');
  admin = await createOrganizer(app.baseUrl, 'admin');
});

/** The problems found validating a body against the schema the service publishes (none = []). */
async function matchesPublishedSchema(name: string, body: unknown): Promise<unknown[]> {
  const schema = (await request(`${app.baseUrl}/api/schemas/${name}`)).body;
  const check = new Ajv({ strict: false }).compile({ ...schema, $id: undefined });
  return check(body) ? [] : check.errors!;
}

const put = (url: string, body: unknown, headers: Record<string, string>) =>
  request(url, { method: 'PUT', headers, body: JSON.stringify(body) });

describe('When a country submits its response', () => {
  it('then its scores are stored as a snapshot with form and methodology versions, and shown to the respondent', async () => {
    const reply = await postJson(`${app.baseUrl}/api/respondent/${round.kenya}/submit`, {
      answers: kenya,
      baseRevision: 0,
    });
    expect(reply.status).toBe(200);
    expect(reply.body.scores.areas).toEqual([
      {
        area: 'A1',
        status: 'scored',
        capacity: 50,
        target: 75,
        gap: 25,
        priority: 20,
        band: 'meets',
        completeness: 0.75,
        // How many indicators apply: 0 would mean the area is not applicable, not unanswered.
        applicable: 4,
      },
    ]);

    const snapshots = await ScoreSnapshot.find({ roundId: round.roundId, country: 'KEN' }).lean();
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0]).toMatchObject({
      formId: 'a1-pilot',
      formVersion: 1,
      methodologyVersion: expect.any(String),
      responseRevision: 1,
      reason: 'submitted',
    });
    expect(snapshots[0].areas[0]).toMatchObject({ capacity: 50, confidence: 1 / 3, answered: 3, applicable: 4 });

    // Submitting again is idempotent: no second snapshot.
    await postJson(`${app.baseUrl}/api/respondent/${round.kenyaColleague}/submit`, { answers: kenya, baseRevision: 0 });
    expect(await ScoreSnapshot.countDocuments({ roundId: round.roundId, country: 'KEN' })).toBe(1);
    expect((await request(`${app.baseUrl}/api/respondent/${round.kenya}`)).body.scores.areas[0]).toMatchObject({
      capacity: 50,
    });
  });

  it('then organizers see it in the overview matrix once approved, and in the country profile with the answers behind it', async () => {
    expect(
      (await postJson(`${app.baseUrl}/api/rounds/${round.roundId}/responses/KEN/approve`, {}, admin.headers)).status,
    ).toBe(200);
    const overview = await request(`${app.baseUrl}/api/rounds/${round.roundId}/overview`, {
      headers: { Cookie: viewer.cookie },
    });
    expect(overview.status).toBe(200);
    expect(await matchesPublishedSchema('round-overview', overview.body)).toEqual([]);
    expect(overview.body.areas).toEqual(['A1']);
    const [ken, ner] = overview.body.countries;
    expect(ken).toMatchObject({
      iso3: 'KEN',
      response: 'approved',
      areas: { A1: { capacity: 50, gap: 25, band: 'meets' } },
    });
    expect(ner).toMatchObject({ iso3: 'NER', response: 'none', areas: {} });

    const profile = await request(`${app.baseUrl}/api/rounds/${round.roundId}/countries/KEN/profile`, {
      headers: { Cookie: viewer.cookie },
    });
    expect(await matchesPublishedSchema('country-profile', profile.body)).toEqual([]);
    expect(profile.body.scores.areas[0].indicators).toEqual([
      { id: 'A1.1', question: 'a1_1', weight: 1, answer: 2, evidence: false },
      { id: 'A1.2', question: 'a1_2', weight: 1, answer: 3, evidence: false },
      { id: 'A1.3', question: 'a1_3', weight: 1, answer: 'na', evidence: false },
      { id: 'A1.4', question: 'a1_4', weight: 1, answer: 1, evidence: true },
      { id: 'A1.5', question: 'a1_5', weight: 1, answer: 'dk', evidence: false },
    ]);
    expect(
      (
        await request(`${app.baseUrl}/api/rounds/${round.roundId}/countries/XYZ/profile`, {
          headers: { Cookie: viewer.cookie },
        })
      ).status,
    ).toBe(404);
  });
});

describe('When an admin changes the weights and recomputes the round', () => {
  it('then new snapshots say what changed, and recomputing again changes nothing', async () => {
    const settingsUrl = `${app.baseUrl}/api/rounds/${round.roundId}/scoring`;
    expect((await put(settingsUrl, { weights: [{ indicator: 'A1.2', weight: 3 }] }, viewer.headers)).status).toBe(403);
    const bad = await put(
      settingsUrl,
      { completenessThreshold: 2, weights: [{ indicator: 'A1-2', weight: 3 }] },
      admin.headers,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'body.completenessThreshold',
      'body.weights.0.indicator',
    ]);

    expect((await put(settingsUrl, { weights: [{ indicator: 'A1.2', weight: 3 }] }, admin.headers)).status).toBe(200);
    const recompute = `${app.baseUrl}/api/rounds/${round.roundId}/scores/recompute`;
    // A1.2 now weighs 3: C = 100 × (2 + 3×3 + 1) / (4 × (1 + 3 + 1)) = 60; G = 15; P = 4 × 15 / 5 = 12.
    const first = await postJson(recompute, {}, admin.headers);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ recomputed: 1, unchanged: 0, settings: { weights: { 'A1.2': 3 } } });
    expect(first.body.countries[0].changes).toEqual(
      expect.arrayContaining([
        { area: 'A1', field: 'capacity', before: 50, after: 60 },
        { area: 'A1', field: 'gap', before: 25, after: 15 },
        { area: 'A1', field: 'priority', before: 20, after: 12 },
      ]),
    );
    const second = await postJson(recompute, {}, admin.headers);
    expect(second.body).toMatchObject({ recomputed: 0, unchanged: 1, countries: [] });
    expect(await ScoreSnapshot.countDocuments({ roundId: round.roundId, country: 'KEN' })).toBe(2);
    const overview = await request(`${app.baseUrl}/api/rounds/${round.roundId}/overview`, {
      headers: { Cookie: viewer.cookie },
    });
    expect(overview.body.countries[0].areas.A1.capacity).toBeCloseTo(60, 9);
  });
});
