// The service as a process (server/main.ts by tsx, with its own embedded database) stopped
// while a send hangs on a relay that greets and then never answers (nodemailer waits 60 s of
// silence before it gives up): it must still exit promptly and cleanly, and take its database
// server down with it.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { connectDatabase } from '../../server/db/connect';
import { queueEmail } from '../../server/email/queue-email';
import { projectRoot } from '../../server/paths';
import { startSilentRelay } from '../helpers/silent-relay';

async function waitFor<T>(check: () => T | null | undefined | false, what: string, ms = 60_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const found = check();
    if (found) return found;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const refused = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });

/** After a failure: the database server the service left behind (pid in its running file). */
function killLeftDatabase(dataDir: string): void {
  try {
    const { pid } = JSON.parse(fs.readFileSync(path.join(dataDir, 'ferretdb', 'running.json'), 'utf8')) as {
      pid: number;
    };
    process.kill(pid, 'SIGKILL');
  } catch {
    // none left (or no running file): nothing to do
  }
}

describe('When the service gets SIGTERM while a send hangs on a silent relay', () => {
  it('then it exits with 0 well before its 20 s fallback, and its database server is gone', async () => {
    const relay = await startSilentRelay({ greeting: '220 relay.ministry.example ESMTP' });
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'capgap-stuck-send-'));
    const dbName = `stuck_send_${process.pid}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      LOG_LEVEL: 'info',
      SEED_DEMO: 'false',
      PORT: '0',
      DB_SERVER: 'ferretdb',
      DATA_DIR: dataDir,
      DB_NAME: dbName,
      SMTP_URL: `smtp://127.0.0.1:${relay.port}`,
    };
    delete env.MONGODB_URI;
    const child: ChildProcess = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(projectRoot, 'server', 'main.ts')],
      { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const [, dbUri, dbPort] = await waitFor(
        () => /at (mongodb:\/\/127\.0\.0\.1:(\d+)\/?)/.exec(out),
        'the database to start',
      );
      await waitFor(() => /listening on http/.test(out), 'the service to listen');

      // A message for the worker, which connects to the relay, is greeted and then waits.
      await connectDatabase(dbUri, dbName);
      await queueEmail({
        to: 'focal.point@ministry.example',
        template: 'invitation',
        locale: 'en',
        data: {
          name: 'Ana',
          countryName: 'Chile',
          roundName: 'Round',
          deadline: new Date('2027-03-15T12:00:00Z'),
          link: 'https://capgap.example/respond/tok_1234567890abcdef',
        },
      });
      await mongoose.disconnect();
      await waitFor(() => relay.connections.length > 0, 'the worker to connect to the relay', 30_000);

      const signalledAt = Date.now();
      child.kill('SIGTERM');
      const code = await exited;
      expect(code).toBe(0);
      expect(Date.now() - signalledAt).toBeLessThan(15_000); // hang guard: the fallback exits at 20 s with 1
      expect(out).toMatch(/"stopped"/);
      expect(await refused(Number(dbPort))).toBe(true);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      killLeftDatabase(dataDir);
      await relay.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
