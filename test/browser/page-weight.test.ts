// The respondent page's weight budget, for focal points on slow connections: a first load
// transfers at most 400 kB (compressed, brotli where the browser accepts it), a repeat load at
// most 30 kB (hashed assets cached for a year). Measured in Chromium on the bytes received,
// headers included, and the offline service worker's own requests (scripts/page-weight/measure.ts);
// scripts/measure-page-weight.ts prints the same figures request by request.
import type { Browser } from 'playwright-core';
import { budgets, type LoadWeight, measurePageWeight, type PageWeight } from '../../scripts/page-weight/measure';
import { launchBrowser } from '../helpers/browser';
import { createTestRound } from '../helpers/rounds';
import { setupTestApp } from '../helpers/test-app';

const app = setupTestApp();
let browser: Browser;
let weight: PageWeight;

beforeAll(async () => {
  const round = await createTestRound('capacity');
  browser = await launchBrowser();
  weight = await measurePageWeight(browser, `${app().baseUrl}/respond/${round.kenya}`);
});
afterAll(async () => {
  await browser?.close();
});

/** What a failing expectation shows: each request, so the culprit is named. */
function listing(load: LoadWeight): string[] {
  return load.requests.map(
    (r) =>
      `${r.status || r.error} ${r.encoding || '-'} ${r.fromCache ? 'cache' : `${r.transferred} B`} ${r.path.replace(/\/respond\/[^/?]+|\/api\/respondent\/[^/?]+/, (p) => p.replace(/[^/]+$/, '<token>'))}`,
  );
}

/** 'within budget', or (so that a failure names the culprits) the total and every request. */
const budgetCheck = (load: LoadWeight, budget: number) =>
  load.totalBytes <= budget
    ? 'within budget'
    : [`${load.totalBytes} B transferred, budget ${budget} B:`, ...listing(load)].join('\n');

const assetRequests = (load: LoadWeight) =>
  load.requests.filter((r) => r.sameOrigin && !r.byServiceWorker && r.path.startsWith('/assets/'));

// Each asset path once: on the first load the page reads its assets again (HTTP cache) to keep them offline.
const assetPaths = (load: LoadWeight) => [...new Set(assetRequests(load).map((a) => a.path))].sort();

describe('When a focal point opens their country link in a fresh Chromium', () => {
  it('then the first load transfers at most 400 kB', () => {
    expect(budgetCheck(weight.first, budgets.firstLoadBytes)).toBe('within budget');
  });

  it('then every asset comes compressed, brotli when Chromium asks for it', () => {
    // Downloads only: the copies kept for offline use come from the HTTP cache.
    const assets = assetRequests(weight.first).filter((a) => !a.fromCache);
    expect(assets.length).toBeGreaterThanOrEqual(8);
    for (const asset of assets) {
      const expected = /\bbr\b/.test(asset.acceptEncoding) ? 'br' : 'gzip';
      expect({ path: asset.path, status: asset.status, encoding: asset.encoding }).toEqual({
        path: asset.path,
        status: 200,
        encoding: expected,
      });
    }
  });

  it('then nothing is fetched from another origin and no request fails', () => {
    const elsewhereOrFailed = weight.first.requests
      .filter((r) => !r.sameOrigin || r.error)
      .map((r) => `${r.path} ${r.error ?? ''}`);
    expect(elsewhereOrFailed).toEqual([]);
  });
});

describe('When the focal point opens the same link again in the same browser', () => {
  it('then the repeat load transfers at most 30 kB', () => {
    expect(budgetCheck(weight.repeat, budgets.repeatLoadBytes)).toBe('within budget');
  });

  it('then every asset comes from the browser cache, without asking the server', () => {
    const assets = assetRequests(weight.repeat);
    expect(assetPaths(weight.repeat)).toEqual(assetPaths(weight.first));
    for (const asset of assets)
      expect({ path: asset.path, fromCache: asset.fromCache, transferred: asset.transferred }).toEqual({
        path: asset.path,
        fromCache: true,
        transferred: 0,
      });
  });
});

describe('When the link is opened again once the offline worker is installed', () => {
  it('then the worker fetches only the page and its data, and answers every asset from its cache', () => {
    const byWorker = weight.repeat.requests.filter((r) => r.byServiceWorker);
    expect(
      listing({ ...weight.repeat, requests: byWorker }).map((line) => line.replace(/^\S+ \S+ \d+ B /, '')),
    ).toEqual(['/respond/<token>', '/api/respondent/<token>']);
    const document = weight.repeat.requests.find((r) => r.type === 'Document');
    expect(document?.fromServiceWorker).toBe(true);
    for (const asset of assetRequests(weight.repeat))
      expect({ path: asset.path, fromServiceWorker: asset.fromServiceWorker }).toEqual({
        path: asset.path,
        fromServiceWorker: true,
      });
  });
});
