// The demo data of `npm start`: the demo round has submitted, approved and returned responses
// with scores, a match run with proposed matches and one confirmed partnership whose
// introductions wait in the outbox; a second seed changes nothing in the database.
import mongoose from 'mongoose';
import { demoPassword } from '../../server/auth/password-policy';
import { seedReferenceData } from '../../server/reference/seed-reference';
import { demoRoundName, seedDemo } from '../../server/rounds/seed-demo';
import { postJson, request, type Reply } from '../helpers/http';
import { setupTestApp, type TestApp } from '../helpers/test-app';

const testApp = setupTestApp();
let app: TestApp;

/** Every document of every collection, in _id order: what "changes nothing" compares. */
async function databaseContent(): Promise<Record<string, unknown[]>> {
  const db = mongoose.connection.db!;
  const names = (await db.listCollections().toArray()).map((c) => c.name).sort();
  const out: Record<string, unknown[]> = {};
  for (const name of names) out[name] = await db.collection(name).find().sort({ _id: 1 }).toArray();
  return out;
}

beforeAll(async () => {
  app = testApp();
  await seedReferenceData();
});

describe('When the demo data is seeded twice', () => {
  it('then the second seed changes nothing, and the demo round has responses of every kind and a match run', async () => {
    const first = await seedDemo(app.forms, app.config.publicUrl);
    const before = await databaseContent();
    const second = await seedDemo(app.forms, app.config.publicUrl);
    expect(await databaseContent()).toEqual(before);
    expect(second.links).toEqual(first.links);
    expect(first.round.name).toBe(demoRoundName);
    expect(first.links.map((l) => l.iso3)).toEqual(expect.arrayContaining(['ETH', 'KEN', 'GHA', 'MEX', 'PHL']));

    const signIn = await postJson(`${app.baseUrl}/api/session`, {
      email: 'viewer@capgap.example',
      password: demoPassword,
    });
    expect(signIn.status).toBe(201);
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0];
    const get = (path: string): Promise<Reply> => request(`${app.baseUrl}${path}`, { headers: { Cookie: cookie } });
    const roundId = first.round.id;

    const overview = await get(`/api/rounds/${roundId}/overview`);
    expect(overview.status).toBe(200);
    type Cell = { status: string; capacity: number | null };
    const countries = new Map(
      (overview.body.countries as { iso3: string; response: string; areas: Record<string, Cell> }[]).map((c) => [
        c.iso3,
        c,
      ]),
    );
    const statuses = Object.fromEntries([...countries.values()].map((c) => [c.iso3, c.response]));
    expect(statuses).toMatchObject({
      ETH: 'approved',
      KEN: 'approved',
      NER: 'approved',
      PHL: 'submitted',
      MEX: 'returned',
      SEN: 'draft',
      GBR: 'none', // left for a newcomer to answer
    });
    // Profiles differ: a strong peer, a weak requester, an area with insufficient data (approved scores count).
    expect(countries.get('KEN')!.areas.A1.capacity).toBeGreaterThanOrEqual(75);
    expect(countries.get('ETH')!.areas.A1.capacity).toBeLessThanOrEqual(25);
    expect(countries.get('ETH')!.areas.A9.status).toBe('insufficient data');

    const returned = await get(`/api/rounds/${roundId}/responses/MEX`);
    expect(returned.body.review.comment).toMatch(/remittance/);
    expect(returned.body.history.map((e: { action: string }) => e.action)).toEqual(['submit', 'return']);

    const run = await get(`/api/rounds/${roundId}/matching/runs/latest`);
    expect(run.status).toBe(200);
    expect(run.body.run.n).toBe(1);
    const matches = run.body.run.matches as { id: string; status: string; providerKind: string; country: string }[];
    expect(matches.filter((m) => m.status === 'proposed').length).toBeGreaterThanOrEqual(5);
    expect(matches.some((m) => m.providerKind === 'government')).toBe(true);
    expect(matches.some((m) => m.providerKind !== 'government')).toBe(true);
    const confirmed = matches.filter((m) => m.status === 'confirmed');
    expect(confirmed).toHaveLength(1);
    expect(confirmed[0].country).toBe('ETH');
    expect(run.body.run.settings.showSuggestions).toBe(true);

    const outbox = await get('/console/outbox');
    expect(outbox.status).toBe(200);
    expect(outbox.body).toContain('introduction');

    // One partner's declaration waits for review, offering more than the registry says.
    const declarations = await get('/api/partner-declarations');
    expect(declarations.body.declarations).toEqual([
      expect.objectContaining({ name: 'Diaspora Voices Network', inRegistry: true, status: 'submitted' }),
    ]);
    const detail = await get(`/api/partner-declarations/${declarations.body.declarations[0].partnerId}`);
    expect(detail.body.declaration.offer.slots.total).toBe(detail.body.declaration.partner.slots.total + 1);
  });
});
