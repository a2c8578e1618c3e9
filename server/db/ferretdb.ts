// FerretDB v1 (MongoDB wire protocol over SQLite): the embedded default where no mongod can be
// had. The binary is built once from the Go module proxy (scripts/ferretdb) and cached under
// .cache/ferretdb (server/db/ferretdb-build.ts), so later starts and CI's second run reuse it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { RunningDatabase, StartLog } from './database-server';
import { ensureFerretdbBinary, FERRETDB_VERSION } from './ferretdb-build';

/** A FerretDB another capgap process already runs on this data folder (two would corrupt it). */
function findRunning(dataDir: string): RunningDatabase | undefined {
  try {
    const { uri, pid } = JSON.parse(fs.readFileSync(path.join(dataDir, 'running.json'), 'utf8'));
    process.kill(pid, 0); // throws when no such process
    return { kind: 'ferretdb', uri, description: `FerretDB already running for ${dataDir} (pid ${pid}) at ${uri}`, stop: async () => {} };
  } catch {
    return undefined;
  }
}

/**
 * Starts FerretDB on a free loopback port with its SQLite files in dataDir, or joins the one
 * that the service already runs there (so scripts can work while the service is up).
 */
export async function startFerretdb(dataDir: string, log: StartLog): Promise<RunningDatabase> {
  const running = findRunning(dataDir);
  if (running) return running;
  const binary = await ensureFerretdbBinary(log);
  fs.mkdirSync(dataDir, { recursive: true });
  const child = spawn(binary, ['-listen', '127.0.0.1:0', '-data', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });

  const uri = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`FerretDB did not start within 30 s: ${stderr}`)), 30_000);
    const lines = readline.createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const m = /^ready (mongodb:\/\/\S+)$/.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`FerretDB exited with code ${code}: ${stderr}`));
    });
    child.once('error', reject);
  });

  const runningFile = path.join(dataDir, 'running.json');
  fs.writeFileSync(runningFile, JSON.stringify({ uri, pid: child.pid }));
  return {
    kind: 'ferretdb',
    uri,
    description: `FerretDB ${FERRETDB_VERSION} (SQLite in ${dataDir}) at ${uri}`,
    stop: async () => {
      await stopChild(child);
      fs.rmSync(runningFile, { force: true });
    },
  };
}

export function stopChild(child: import('node:child_process').ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
