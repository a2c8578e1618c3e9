// Faults of the database under a running service: stopped (SIGSTOP), killed (SIGKILL), and a
// full disk. Readiness and saves must answer within seconds, saying 503 with Retry-After while
// the database cannot serve, and work again once it can, without restarting the service.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  eventually,
  ferretdbPid,
  isAlive,
  requestWithin,
  saveDraft,
  startServiceProcess,
  stopServiceProcess,
  type ServiceProcess,
} from '../helpers/service-process';

jest.setTimeout(180_000);

// The service answers an outage in about 2 s; the guard only tells an answer from a hang (before,
// /readyz took 39 s and saves hung), with room for a loaded test machine.
const outageAnswerMs = 8_000;

async function expectUnavailable(response: Response): Promise<void> {
  expect(response.status).toBe(503);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
  expect((await response.json()).code).toMatch(/^503\./);
}

const ready = (service: ServiceProcess) => async () =>
  (await requestWithin(`${service.baseUrl}/readyz`)).status === 200;

describe('When the database process stops or dies under the service', () => {
  let dataDir: string;
  let service: ServiceProcess;
  const databasePids: number[] = [];

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'capgap-fault-outage-'));
    service = await startServiceProcess(dataDir);
    databasePids.push(ferretdbPid(dataDir));
    expect((await saveDraft(service, 'United Kingdom', { a1_1: 1 })).status).toBe(200);
  });

  afterAll(async () => {
    for (const pid of databasePids) if (isAlive(pid)) process.kill(pid, 'SIGCONT');
    await stopServiceProcess(service);
    for (const pid of databasePids) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('then, while it is stopped, /readyz and saves answer 503 with Retry-After instead of hanging', async () => {
    process.kill(ferretdbPid(dataDir), 'SIGSTOP');
    await expectUnavailable(await requestWithin(`${service.baseUrl}/readyz`, {}, outageAnswerMs));
    await expectUnavailable(
      await requestWithin(
        `${service.baseUrl}/api/respondent/${service.tokens['United Kingdom']}/draft`,
        {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ answers: { a1_1: 2 }, baseRevision: 1, locale: 'en' }),
        },
        outageAnswerMs,
      ),
    );
    expect((await requestWithin(`${service.baseUrl}/healthz`)).status).toBe(200);
  });

  it('then, once it continues, the service is ready again and saves work', async () => {
    process.kill(ferretdbPid(dataDir), 'SIGCONT');
    await eventually(ready(service), '/readyz to say ready', 15_000);
    expect((await saveDraft(service, 'United Kingdom', { a1_1: 3 })).status).toBe(200);
  });

  it('then, once it is killed, the service starts it again and saves work', async () => {
    const killed = ferretdbPid(dataDir);
    process.kill(killed, 'SIGKILL');
    await eventually(async () => ferretdbPid(dataDir) !== killed, 'a new database process', 15_000);
    databasePids.push(ferretdbPid(dataDir));
    await eventually(ready(service), '/readyz to say ready', 15_000);
    expect((await saveDraft(service, 'United Kingdom', { a1_1: 4 })).status).toBe(200);
    const state = await (
      await requestWithin(`${service.baseUrl}/api/respondent/${service.tokens['United Kingdom']}`)
    ).json();
    expect(state.response.answers).toMatchObject({ a1_1: 4 });
  });
});

describe('When the database dies and cannot be started again', () => {
  let dataDir: string;
  let service: ServiceProcess;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'capgap-fault-lost-'));
    service = await startServiceProcess(dataDir);
  });

  afterAll(async () => {
    await stopServiceProcess(service);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('then the service exits with code 1, for its supervisor to restart it', async () => {
    const folder = path.join(dataDir, 'ferretdb');
    const pid = ferretdbPid(dataDir);
    // Its data folder is moved away and a plain file put in its place: no start can succeed.
    fs.renameSync(folder, `${folder}.moved`);
    fs.writeFileSync(folder, 'not a folder');
    process.kill(pid, 'SIGKILL');
    expect(await service.exited).toBe(1);
    expect(service.output()).toMatch(/could not be started again/);
  });
});

/** Mounts a small disk (a 64 MB tmpfs) on dir; false where this machine does not allow it (not root). */
function mountSmallDisk(dir: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64m', 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Whether a small disk can be mounted here, tried on a scratch folder and undone at once. */
function canMountSmallDisk(): boolean {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'capgap-mount-check-'));
  const mounted = mountSmallDisk(scratch);
  if (mounted) execFileSync('umount', [scratch]);
  fs.rmSync(scratch, { recursive: true, force: true });
  return mounted;
}

// A full disk is made with a small tmpfs, which needs root; elsewhere this test is skipped.
describe('When the disk of the database is full', () => {
  let mountPoint: string | undefined;
  let service: ServiceProcess | undefined;

  afterAll(async () => {
    await stopServiceProcess(service);
    if (mountPoint) {
      execFileSync('umount', [mountPoint]);
      fs.rmSync(mountPoint, { recursive: true, force: true });
    }
  });

  (canMountSmallDisk() ? it : it.skip)(
    'then /readyz and saves answer 503 with Retry-After, and saves work once there is room',
    async () => {
      mountPoint = fs.mkdtempSync(path.join(os.tmpdir(), 'capgap-fault-disk-'));
      if (!mountSmallDisk(mountPoint)) throw new Error(`cannot mount a tmpfs on ${mountPoint}`);
      const filler = path.join(mountPoint, 'filler');
      // The demo seed writes enough for the database to checkpoint its write-ahead log, which then
      // keeps its size and takes the next writes without needing the disk. A clean stop removes
      // the log: started again (the seed changes nothing), every write needs room on the disk.
      service = await startServiceProcess(path.join(mountPoint, 'data'));
      await stopServiceProcess(service);
      service = await startServiceProcess(path.join(mountPoint, 'data'));
      expect((await saveDraft(service, 'United Kingdom', { a1_1: 1 })).status).toBe(200);

      // Fill the disk to the last block.
      try {
        execFileSync('dd', ['if=/dev/zero', `of=${filler}`, 'bs=64k'], { stdio: 'ignore' });
      } catch {
        // dd stops with an error when the disk is full: that is the point
      }
      await expectUnavailable(await requestWithin(`${service.baseUrl}/readyz`, {}, outageAnswerMs));
      await expectUnavailable(await saveDraft(service, 'United Kingdom', { a1_1: 2 }));

      fs.rmSync(filler);
      await eventually(ready(service), '/readyz to say ready', 15_000);
      expect((await saveDraft(service, 'United Kingdom', { a1_1: 3 })).status).toBe(200);
    },
  );
});
