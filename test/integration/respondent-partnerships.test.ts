// What a country's respondents see of matching through their link: nothing before approval;
// after it, the partnerships an organizer confirmed with their explanation in the reader's
// language, the peer's side of the same partnership, and suggestions only where the round
// shows them.
import { seedReferenceData } from '../../server/reference/seed-reference';
import { createOrganizer, postJson, request, type Organizer } from '../helpers/http';
import { submittedEastAfricaRound } from '../helpers/rounds';
import { setupTestApp, type TestApp } from '../helpers/test-app';

const testApp = setupTestApp();
let app: TestApp;
let organizer: Organizer;
let admin: Organizer;
let roundId: string;
let tokens: Record<string, string>;

const seen = (country: string, query = '') =>
  request(`${app.baseUrl}/api/respondent/${tokens[country]}/partnerships${query}`);
const approve = (country: string) =>
  postJson(`${app.baseUrl}/api/rounds/${roundId}/responses/${country}/approve`, {}, organizer.headers);

beforeAll(async () => {
  app = testApp();
  await seedReferenceData();
  organizer = await createOrganizer(app.baseUrl, 'organizer');
  admin = await createOrganizer(app.baseUrl, 'admin');
  ({ roundId, tokens } = await submittedEastAfricaRound(app.baseUrl));
});

describe('When a country asks what partnerships it has', () => {
  it('then before its approval nothing is shown', async () => {
    await approve('UGA');
    await approve('TZA');
    const before = await seen('KEN');
    expect(before.status).toBe(200);
    expect(before.body).toEqual({ language: 'fr', approved: false, partnerships: [], suggestions: [] });
  });

  it('then after approval and a confirmed match, it is listed with its explanation in French, and the peer sees its side', async () => {
    expect((await approve('KEN')).status).toBe(200);
    const run = await postJson(`${app.baseUrl}/api/rounds/${roundId}/matching/runs`, {}, organizer.headers);
    expect(run.status).toBe(201);
    expect((await seen('KEN')).body).toMatchObject({ approved: true, partnerships: [], suggestions: [] });

    const confirm = await postJson(
      `${app.baseUrl}/api/rounds/${roundId}/matching/runs/${run.body.run.n}/matches/KEN-A1-gov:UGA/confirm`,
      {},
      organizer.headers,
    );
    expect(confirm.status).toBe(200);

    const kenya = await seen('KEN'); // the link's language: French
    expect(kenya.body.language).toBe('fr');
    expect(kenya.body.partnerships).toEqual([
      expect.objectContaining({ role: 'requester', area: 'A1', partner: 'Ouganda', status: 'confirmed' }),
    ]);
    expect(kenya.body.partnerships[0].explanation).toMatch(/^Ouganda 100 contre 25 pour vous en /);
    expect(kenya.body.suggestions).toEqual([]); // the round does not show suggestions (the default)

    const inEnglish = await seen('KEN', '?lang=en');
    expect(inEnglish.body.partnerships[0]).toMatchObject({ partner: 'Uganda' });
    expect(inEnglish.body.partnerships[0].explanation).toMatch(/^Uganda 100 vs your 25 on /);

    const uganda = await seen('UGA');
    expect(uganda.body.partnerships).toEqual([
      {
        role: 'provider',
        area: 'A1',
        areaName: expect.any(String),
        partner: 'Kenya',
        partnerKind: 'government',
        status: 'confirmed',
        explanation: null,
      },
    ]);
    expect((await seen('TZA')).body.partnerships).toEqual([]);
  });

  it('then where the round shows suggestions, the other proposals for its top-priority area are listed', async () => {
    const settings = await request(`${app.baseUrl}/api/rounds/${roundId}/matching/settings`, {
      method: 'PUT',
      headers: admin.headers,
      body: JSON.stringify({ showSuggestions: true }),
    });
    expect(settings.status).toBe(200);
    const kenya = await seen('KEN', '?lang=es');
    expect(kenya.body.suggestions).toEqual([
      {
        area: 'A1',
        areaName: expect.any(String),
        partners: [
          expect.objectContaining({
            partner: 'República Unida de Tanzanía',
            partnerKind: 'government',
            explanation: expect.stringMatching(/^República Unida de Tanzanía 100 frente a sus 25 en /),
          }),
        ],
      },
    ]);
    // A peer is never suggested partners for areas it has no gap in.
    expect((await seen('UGA')).body.suggestions).toEqual([]);
  });

  it('then a bad language or an unknown link is refused', async () => {
    expect((await seen('KEN', '?lang=de')).status).toBe(400);
    expect((await request(`${app.baseUrl}/api/respondent/${'x'.repeat(24)}/partnerships`)).status).toBe(404);
  });
});
