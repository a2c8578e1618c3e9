// The console's weight budget: the first load of a console page (a round's dashboard with its
// countries, chart and invitation previews in three languages; its settings page; the review
// page of a country's whole capacity questionnaire, with a comment field per question; a round's
// matching page after a run; the score views with their SVG charts: gaps, a country profile,
// regions; signed in, in a fresh browser) transfers at most 300 kB compressed, and its assets
// come compressed. SurveyJS is not part of the review page's first load: it comes on request.
// Measured on the bytes Chromium receives, headers included (scripts/page-weight/measure.ts).
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Cookie } from 'playwright-core';
import { type LoadWeight, measurePageWeight, type PageWeight } from '../../scripts/page-weight/measure';
import { launchBrowser } from '../helpers/browser';
import { seedReferenceData } from '../../server/reference/seed-reference';
import { createOrganizer, postJson, request } from '../helpers/http';
import { createTestRound } from '../helpers/rounds';
import { createMatchingRound } from '../helpers/matching-round';
import { seedScoreViews } from '../helpers/score-views';
import { setupTestApp } from '../helpers/test-app';
import { formsDir } from '../../server/paths';

const app = setupTestApp();
const consoleBudgetBytes = 300_000;
let browser: Browser;
let weight: PageWeight;
let reviewWeight: PageWeight;
let settingsWeight: PageWeight;

/** An answer to every question of the capacity questionnaire: the first choice, or some text. */
function capacityAnswers(): Record<string, unknown> {
  const form = JSON.parse(fs.readFileSync(path.join(formsDir, 'capacity', 'v1.json'), 'utf8'));
  const answers: Record<string, unknown> = {};
  for (const q of form.pages.flatMap((p: { elements: Record<string, any>[] }) => p.elements)) {
    if (q.type === 'html') continue;
    if (q.choices) answers[q.name] = typeof q.choices[0] === 'object' ? q.choices[0].value : q.choices[0];
    else if (q.type === 'rating') answers[q.name] = q.rateMin ?? 1;
    else answers[q.name] = 'Ministry annual report 2025, section 4';
  }
  return answers;
}
let matchingWeight: PageWeight;
let scoreViews: { path: string; weight: PageWeight }[];

beforeAll(async () => {
  await seedReferenceData();
  const org = await createOrganizer(app().baseUrl, 'organizer');
  const round = await postJson(
    `${app().baseUrl}/api/rounds`,
    {
      name: 'Weighed round',
      formId: 'capacity',
      languages: ['en', 'fr', 'es'],
      deadline: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    },
    org.headers,
  );
  const roundId = round.body.round.id;
  const focalPoints = ['KEN', 'NER', 'GHA', 'SEN', 'PER', 'MEX', 'IND', 'PHL', 'MAR', 'ECU'].map(
    (iso3, i) => `${iso3},Focal Point ${i},fp${i}@ministry.example,${['en', 'fr', 'es'][i % 3]},Ministry of Interior`,
  );
  const imported = await request(`${app().baseUrl}/api/rounds/${roundId}/focal-points/import`, {
    method: 'POST',
    headers: { ...org.headers, 'Content-Type': 'text/csv' },
    body: ['country,name,email,language,ministry', ...focalPoints].join('\n') + '\n',
  });
  expect(imported.body.imported).toBe(10);
  const [name, value] = org.cookie.split('=');
  browser = await launchBrowser();
  const { hostname } = new URL(app().baseUrl);
  const cookies: Cookie[] = [
    { name, value, domain: hostname, path: '/', expires: -1, httpOnly: true, secure: false, sameSite: 'Lax' },
  ];
  weight = await measurePageWeight(browser, `${app().baseUrl}/console/rounds/${roundId}`, { cookies });
  settingsWeight = await measurePageWeight(browser, `${app().baseUrl}/console/rounds/${roundId}/settings`, {
    cookies,
  });

  const answered = await createTestRound('capacity');
  const submitted = await postJson(`${app().baseUrl}/api/respondent/${answered.kenya}/submit`, {
    answers: capacityAnswers(),
    baseRevision: 0,
  });
  expect(submitted.status).toBe(200);
  reviewWeight = await measurePageWeight(browser, `${app().baseUrl}/console/rounds/${answered.roundId}/countries/KEN`, {
    cookies,
  });
  const matched = await createMatchingRound(app().baseUrl, org, 'Matched round');
  expect((await postJson(`${app().baseUrl}/api/rounds/${matched}/matching/runs`, {}, org.headers)).status).toBe(201);
  matchingWeight = await measurePageWeight(browser, `${app().baseUrl}/console/rounds/${matched}/matching`, {
    cookies,
  });
  // The score views of a round with answers: ten areas, charts on every page.
  const { current } = await seedScoreViews(app().baseUrl, app().forms);
  scoreViews = [];
  for (const path of [
    `/console/rounds/${current}/gaps`,
    `/console/rounds/${current}/countries/KEN/profile`,
    `/console/rounds/${current}/regions?by=group`,
  ])
    scoreViews.push({ path, weight: await measurePageWeight(browser, `${app().baseUrl}${path}`, { cookies }) });
}, 240_000); // seven pages measured in fresh browser contexts, with the rounds they need: slow on a busy machine
afterAll(async () => {
  await browser?.close();
});

const listing = (load: LoadWeight) =>
  load.requests.map(
    (r) => `${r.status || r.error} ${r.encoding || '-'} ${r.fromCache ? 'cache' : `${r.transferred} B`} ${r.path}`,
  );

describe('When an organizer opens a round dashboard in a fresh Chromium', () => {
  it('then the first load transfers at most 300 kB', () => {
    const load = weight.first;
    expect(
      load.totalBytes <= consoleBudgetBytes
        ? 'within budget'
        : [`${load.totalBytes} B, budget ${consoleBudgetBytes} B`, ...listing(load)].join('\n'),
    ).toBe('within budget');
  });

  it('then the dashboard lists its countries, and its settings page loads within the same budget', () => {
    expect(weight.first.requests.find((r) => r.type === 'Document')?.status).toBe(200);
    const load = settingsWeight.first;
    expect(load.requests.find((r) => r.type === 'Document')?.path).toMatch(/\/settings$/);
    expect(
      load.totalBytes <= consoleBudgetBytes
        ? 'within budget'
        : [`${load.totalBytes} B, budget ${consoleBudgetBytes} B`, ...listing(load)].join('\n'),
    ).toBe('within budget');
  });

  it('then the page itself was served (not the sign-in page) and every asset came compressed', () => {
    const document = weight.first.requests.find((r) => r.type === 'Document');
    expect(document?.path).toMatch(/^\/console\/rounds\/[0-9a-f]{24}$/);
    const assets = weight.first.requests.filter((r) => r.path.startsWith('/assets/'));
    expect(assets.map((a) => a.path.split('/').pop()).sort()).toEqual(['console.css', 'console.js']);
    for (const a of assets)
      expect({ path: a.path, encoding: a.encoding }).toEqual({
        path: a.path,
        encoding: /\bbr\b/.test(a.acceptEncoding) ? 'br' : 'gzip',
      });
  });
});

describe('When an organizer opens the review page of a submitted capacity questionnaire in a fresh Chromium', () => {
  it('then the first load transfers at most 300 kB', () => {
    const load = reviewWeight.first;
    expect(
      load.totalBytes <= consoleBudgetBytes
        ? 'within budget'
        : [`${load.totalBytes} B, budget ${consoleBudgetBytes} B`, ...listing(load)].join('\n'),
    ).toBe('within budget');
  });

  it('then the page itself was served, and only the console assets came (no SurveyJS), compressed', () => {
    const document = reviewWeight.first.requests.find((r) => r.type === 'Document');
    expect(document?.path).toMatch(/^\/console\/rounds\/[0-9a-f]{24}\/countries\/KEN$/);
    const assets = reviewWeight.first.requests.filter((r) => r.path.startsWith('/assets/'));
    expect(assets.map((a) => a.path.split('/').pop()).sort()).toEqual(['console.css', 'console.js', 'review.js']);
    for (const a of assets)
      expect({ path: a.path, encoding: a.encoding }).toEqual({
        path: a.path,
        encoding: /\bbr\b/.test(a.acceptEncoding) ? 'br' : 'gzip',
      });
    expect(document?.encoding).toMatch(/^(br|gzip)$/);
  });
});

describe('When an organizer opens a round’s matching page after a run in a fresh Chromium', () => {
  it('then the page itself was served and the first load transfers at most 300 kB', () => {
    const load = matchingWeight.first;
    const document = load.requests.find((r) => r.type === 'Document');
    expect(document?.path).toMatch(/^\/console\/rounds\/[0-9a-f]{24}\/matching$/);
    expect(
      load.totalBytes <= consoleBudgetBytes
        ? 'within budget'
        : [`${load.totalBytes} B, budget ${consoleBudgetBytes} B`, ...listing(load)].join('\n'),
    ).toBe('within budget');
  });
});

describe('When an organizer opens the gaps, a country profile and the regions in a fresh Chromium', () => {
  it('then each first load, SVG charts included, transfers at most 300 kB and is the page asked for', () => {
    expect(scoreViews).toHaveLength(3);
    for (const { path, weight: w } of scoreViews) {
      const document = w.first.requests.find((r) => r.type === 'Document');
      expect(document?.path).toBe(path);
      expect(document?.status).toBe(200);
      expect({
        path,
        verdict:
          w.first.totalBytes <= consoleBudgetBytes
            ? 'within budget'
            : [`${w.first.totalBytes} B, budget ${consoleBudgetBytes} B`, ...listing(w.first)].join('\n'),
      }).toEqual({ path, verdict: 'within budget' });
    }
  });
});
