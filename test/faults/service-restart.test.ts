// Fault: the service is killed with kill -9. Its embedded FerretDB must not outlive it, and the
// next start on the same data folder must come up first time with every acknowledged save.
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

describe('When the service is killed with kill -9 and started again', () => {
  const dataDir = path.join(os.tmpdir(), `capgap-fault-restart-${process.pid}`);
  const started: ServiceProcess[] = [];
  const databasePids: number[] = [];

  afterAll(async () => {
    for (const service of started) await stopServiceProcess(service);
    for (const pid of databasePids) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('then its database stops with it, the restart is ready at once and the earlier save is there', async () => {
    const first = await startServiceProcess(dataDir);
    started.push(first);
    const firstDatabase = ferretdbPid(dataDir);
    databasePids.push(firstDatabase);
    const saved = await saveDraft(first, 'United Kingdom', { a1_1: 2 });
    expect(saved.status).toBe(200);

    first.child.kill('SIGKILL');
    await first.exited;
    await eventually(async () => !isAlive(firstDatabase), 'the database to stop with the service', 10_000);

    const second = await startServiceProcess(dataDir);
    started.push(second);
    databasePids.push(ferretdbPid(dataDir));
    expect((await requestWithin(`${second.baseUrl}/readyz`)).status).toBe(200);
    const state = await (
      await requestWithin(`${second.baseUrl}/api/respondent/${second.tokens['United Kingdom']}`)
    ).json();
    expect(state.response.answers).toMatchObject({ a1_1: 2 });
    // It keeps serving: the database has not died of a write to the dead service's pipe.
    expect((await saveDraft(second, 'United Kingdom', { a1_1: 3 })).status).toBe(200);
    // Its output goes to a file in its data folder, not to the service's standard error.
    expect(fs.existsSync(path.join(dataDir, 'ferretdb', 'ferretdb.log'))).toBe(true);
  });
});
