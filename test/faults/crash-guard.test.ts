// A failure that escapes every handler (a bug): the service logs it, stops accepting requests,
// stops its database and exits with code 1, so that its supervisor starts a clean one — rather
// than running on in a state nobody planned for.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {
  eventually,
  ferretdbPid,
  isAlive,
  startServiceProcess,
  stopServiceProcess,
  type ServiceProcess,
} from '../helpers/service-process';

const fixture = path.join(__dirname, '..', 'fixtures', 'plant-failure.mjs');

const refused = (baseUrl: string) =>
  new Promise<boolean>((resolve) => {
    const { hostname, port } = new URL(baseUrl);
    const socket = net.connect({ host: hostname, port: Number(port) });
    socket.once('connect', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(true));
  });

describe.each(['rejection', 'exception'])('When an unhandled %s happens in the service', (kind) => {
  let service: ServiceProcess | undefined;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'capgap-crash-'));
    service = await startServiceProcess(dataDir, { NODE_OPTIONS: `--import ${fixture}`, PLANTED_FAILURE: kind });
  });

  afterAll(async () => {
    await stopServiceProcess(service);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('then it logs the error, stops listening, stops its database and exits with code 1', async () => {
    const database = ferretdbPid(dataDir);
    expect((await fetch(`${service!.baseUrl}/healthz`)).status).toBe(200);
    service!.child.kill('SIGUSR2');
    const code = await Promise.race([
      service!.exited,
      new Promise((r) => setTimeout(() => r('still running'), 15_000)),
    ]);
    expect(code).toBe(1);
    expect(service!.output()).toMatch(new RegExp(`"level":60.*planted ${kind}`));
    expect(await refused(service!.baseUrl)).toBe(true);
    await eventually(async () => !isAlive(database), 'the database to stop with the service', 10_000);
  });
});
