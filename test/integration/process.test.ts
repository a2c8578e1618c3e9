// The service as a process (server/main.ts run by tsx): a bad configuration stops it with the
// variable named; SIGTERM lets an in-flight request finish before the process exits.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../server/paths';

function startService(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'server', 'main.ts')], {
    cwd: projectRoot,
    env: { ...process.env, LOG_LEVEL: 'info', SEED_DEMO: 'false', PORT: '0', DB_NAME: `proc_${process.pid}`, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function collect(child: ChildProcess): { out: () => string } {
  let text = '';
  child.stdout!.on('data', (c: Buffer) => (text += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (text += c.toString()));
  return { out: () => text };
}

const exitOf = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

async function waitFor(check: () => RegExpMatchArray | null, what: string, ms = 30_000): Promise<RegExpMatchArray> {
  const until = Date.now() + ms;
  for (;;) {
    const m = check();
    if (m) return m;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('When the configuration has a bad value', () => {
  it('then the process stops at once with a message naming the variable', async () => {
    const child = startService({ PORT: 'eighty', BODY_LIMIT: 'huge' });
    const log = collect(child);
    expect(await exitOf(child)).toBe(1);
    expect(log.out()).toMatch(/PORT/);
    expect(log.out()).toMatch(/BODY_LIMIT/);
  });
});

describe('When a questionnaire in the forms folder is broken', () => {
  it('then the service does not start, and says which file and what is wrong', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'capgap-forms-'));
    fs.cpSync(path.join(projectRoot, 'forms'), dir, { recursive: true });
    const file = path.join(dir, 'a1-pilot', 'v1.json');
    fs.writeFileSync(
      file,
      fs.readFileSync(file, 'utf8').replace('"visibleIf": "{a1_share}', '"visibleIf": "{a1_shared}'),
    );
    try {
      const child = startService({ FORMS_DIR: dir, MONGODB_URI: process.env.MONGODB_URI! });
      const log = collect(child);
      expect(await exitOf(child)).toBe(1);
      expect(log.out()).toContain(file);
      expect(log.out()).toMatch(/a1_shared.*is not a question of this form/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('When the service gets SIGTERM during a request', () => {
  it('then the request finishes, connections close and the process exits cleanly', async () => {
    const child = startService({ MONGODB_URI: process.env.MONGODB_URI! });
    const log = collect(child);
    const [, port] = await waitFor(() => log.out().match(/listening on http:\/\/[^:]+:(\d+)/), 'the service to listen');

    // Send the headers and half of the body, so the request is in flight when SIGTERM comes.
    const body = JSON.stringify({ answers: { a1_1: 2 } });
    const socket = net.connect(Number(port), '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    let reply = '';
    let closedByServer = false;
    socket.on('data', (c: Buffer) => (reply += c.toString()));
    socket.on('end', () => (closedByServer = true));
    socket.write(
      `POST /api/forms/a1-pilot/responses HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`,
    );
    await new Promise((r) => setTimeout(r, 200));

    const exited = exitOf(child);
    child.kill('SIGTERM');
    await waitFor(() => log.out().match(/SIGTERM/), 'the shutdown to start');
    socket.write(body.slice(10));

    await waitFor(() => reply.match(/^HTTP\/1\.1 (\d+)/), 'the in-flight reply');
    expect(reply).toMatch(/^HTTP\/1\.1 422/); // answered in full: validation ran, missing answers named
    expect(await exited).toBe(0);
    expect(closedByServer).toBe(true);
    expect(log.out()).toMatch(/stopped/);
    socket.destroy();
  });
});
