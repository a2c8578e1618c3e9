// Fault: the database stops while a focal point is answering in a real browser. The page must
// be told at once (503), keep the answers in the browser, and save them once the database is back.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import {
  ferretdbPid,
  isAlive,
  requestWithin,
  startServiceProcess,
  stopServiceProcess,
  type ServiceProcess,
} from '../helpers/service-process';

jest.setTimeout(180_000);

describe('When the database stops while a focal point is answering', () => {
  let dataDir: string;
  let service: ServiceProcess;
  let browser: Browser;
  let databasePid: number | undefined;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'capgap-fault-respondent-'));
    [service, browser] = await Promise.all([startServiceProcess(dataDir), launchBrowser()]);
  });

  afterAll(async () => {
    if (databasePid && isAlive(databasePid)) process.kill(databasePid, 'SIGCONT');
    await browser?.close();
    await stopServiceProcess(service);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('then the page says so within seconds, keeps the answers, and saves them once it is back', async () => {
    const token = service.tokens['United Kingdom'];
    const page = await browser.newPage();
    await page.goto(`${service.baseUrl}/respond/${token}?lang=en`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.getByRole('button', { name: 'Next' }).click(); // past the introduction
    await page
      .locator('[data-name="a1_1"] label')
      .filter({ has: page.locator('input[value="2"]') })
      .click();

    databasePid = ferretdbPid(dataDir);
    process.kill(databasePid, 'SIGSTOP');
    await page.getByRole('button', { name: 'Next' }).click(); // saves the draft
    // The browser is online and the server answers 503: the page says the server is busy.
    await page.waitForSelector('#status[data-message="unavailable"]', { timeout: 10_000 });
    const kept = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), `capgap:draft:${token}`);
    expect(kept.answers).toMatchObject({ a1_1: 2 });

    process.kill(databasePid, 'SIGCONT');
    await page.waitForSelector('#status[data-message="saved"]', { timeout: 60_000 });
    const state = await (await requestWithin(`${service.baseUrl}/api/respondent/${token}`)).json();
    expect(state.response.answers).toMatchObject({ a1_1: 2 });
  });
});
