// Aggregates of a round's scores by region, REC/RCP and "global South", over HTTP against the
// real database with the project's reference data seeded.
import Ajv from 'ajv';
import { seedReferenceData } from '../../server/reference/seed-reference';
import { createOrganizer, postJson, request, type Organizer } from '../helpers/http';
import { createTestRound, type TestRound } from '../helpers/rounds';
import { setupTestApp, type TestApp } from '../helpers/test-app';

const testApp = setupTestApp();
let app: TestApp;
let round: TestRound;
let viewer: Organizer;

// Kenya: A1 capacity 50 (see scores.test.ts). Niger: every indicator "dk" → completeness 0,
// insufficient data: counted apart, never averaged in as 0.
const kenya = { a1_1: 2, a1_2: 3, a1_3: 'na', a1_4: 1, a1_5: 'dk', a1_importance: 4, a1_target: 3, a1_share: 'no' };
const niger = { a1_1: 'dk', a1_2: 'dk', a1_3: 'dk', a1_4: 'dk', a1_5: 'dk', a1_importance: 5, a1_share: 'no' };

beforeAll(async () => {
  app = testApp();
  await seedReferenceData();
  round = await createTestRound('a1-pilot');
  viewer = await createOrganizer(app.baseUrl, 'viewer');
  expect(
    (await postJson(`${app.baseUrl}/api/respondent/${round.kenya}/submit`, { answers: kenya, baseRevision: 0 })).status,
  ).toBe(200);
  expect(
    (await postJson(`${app.baseUrl}/api/respondent/${round.niger}/submit`, { answers: niger, baseRevision: 0 })).status,
  ).toBe(200);
  // Scores count once approved (the round's default scoresFrom).
  const organizer = await createOrganizer(app.baseUrl, 'organizer');
  for (const country of ['KEN', 'NER'])
    expect(
      (await postJson(`${app.baseUrl}/api/rounds/${round.roundId}/responses/${country}/approve`, {}, organizer.headers))
        .status,
    ).toBe(200);
});

const aggregates = (by: string) =>
  request(`${app.baseUrl}/api/rounds/${round.roundId}/aggregates?by=${by}`, { headers: { Cookie: viewer.cookie } });
const group = (body: { groups: { group: string }[] }, key: string) =>
  body.groups.find((g) => g.group === key) as
    | {
        countries: number;
        areas: {
          area: string;
          scored: number;
          insufficientData: number;
          capacity: { mean: number; median: number } | null;
          bands: Record<string, number>;
        }[];
      }
    | undefined;

describe('When a viewer reads the aggregates of a round by region', () => {
  it('then countries with insufficient data are counted apart and never averaged in', async () => {
    const reply = await aggregates('region');
    expect(reply.status).toBe(200);
    const schema = (await request(`${app.baseUrl}/api/schemas/round-aggregates`)).body;
    expect(new Ajv({ strict: false }).validate({ ...schema, $id: undefined }, reply.body)).toBe(true);
    const africa = group(reply.body, 'region:Africa')!;
    expect(africa.countries).toBe(2);
    expect(africa.areas[0]).toMatchObject({
      area: 'A1',
      scored: 1,
      insufficientData: 1,
      capacity: { mean: 50, median: 50 },
    });
    expect(africa.areas[0].bands).toMatchObject({ meets: 1 });
    expect(group(reply.body, 'all')!.countries).toBe(2);
  });
});

describe('When a viewer reads them by REC/RCP and by "global South"', () => {
  it('then memberships are those in force today (Niger left ECOWAS in 2025) and the round’s South definition applies', async () => {
    const byGroup = (await aggregates('group')).body;
    expect(group(byGroup, 'group:EAC')!.countries).toBe(1);
    expect(group(byGroup, 'group:ECOWAS')).toBeUndefined();
    const south = (await aggregates('south')).body;
    expect(south.southDefinition).toBe('un-regions');
    expect(group(south, 'south:un-regions:south')!.countries).toBe(2);
  });

  it('then an unknown grouping is refused naming the parameter', async () => {
    const reply = await aggregates('continent');
    expect(reply.status).toBe(400);
    expect(reply.body.errors[0].field).toBe('query.by');
  });
});

describe('When a viewer exports scores and aggregates', () => {
  it('then the CSV of scores and the XLSX of aggregates hold the same figures as the API', async () => {
    const { parse } = await import('csv-parse/sync');
    const ExcelJS = (await import('exceljs')).default;
    const get = async (path: string) =>
      Buffer.from(await (await fetch(`${app.baseUrl}${path}`, { headers: { Cookie: viewer.cookie } })).arrayBuffer());

    const rows: Record<string, string>[] = parse(await get(`/api/rounds/${round.roundId}/exports/scores.csv`), {
      columns: true,
      bom: true,
    });
    expect(rows.map((r) => [r.iso3, r.area, r.status, r.capacity, r.gap, r.band])).toEqual([
      ['KEN', 'A1', 'scored', '50', '25', 'meets'],
      ['NER', 'A1', 'insufficient data', '', '', ''],
    ]);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await get(`/api/rounds/${round.roundId}/exports/aggregates.xlsx?by=region`)) as unknown as ArrayBuffer,
    );
    const sheet = workbook.getWorksheet('Aggregates')!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const africa = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === 'region:Africa')!;
    const value = (name: string) => africa.getCell(headers.indexOf(name) + 1).value;
    expect([value('scored'), value('insufficient_data'), value('capacity_mean'), value('meets')]).toEqual([
      1, 1, 50, 1,
    ]);
  });
});
