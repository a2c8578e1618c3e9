// FerretDB v1 (MongoDB wire protocol over SQLite): the embedded default where no mongod can be
// had. The binary is built once from the Go module proxy (scripts/ferretdb) and cached under
// .cache/ferretdb, so later starts and CI's second run reuse it.
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { promisify } from 'node:util';
import { projectRoot } from '../paths';
import type { RunningDatabase, StartLog } from './database-server';

const FERRETDB_VERSION = 'v1.24.2';
const sourceDir = path.join(projectRoot, 'scripts', 'ferretdb');
export const ferretdbBinary = path.join(projectRoot, '.cache', 'ferretdb', `ferretdb-${FERRETDB_VERSION}`);

/** Builds the FerretDB binary unless a cached one exists. Needs Go and the Go module proxy. */
export async function ensureFerretdbBinary(log: StartLog): Promise<string> {
  if (fs.existsSync(ferretdbBinary)) return ferretdbBinary;
  log(`building FerretDB ${FERRETDB_VERSION} from the Go module proxy (first run only, a few minutes)…`);
  fs.mkdirSync(path.dirname(ferretdbBinary), { recursive: true });
  // Build to a private name, then rename: two processes building at once never see half a file.
  const partial = `${ferretdbBinary}.${process.pid}.partial`;
  try {
    await promisify(execFile)('go', ['build', '-o', partial, '.'], {
      cwd: sourceDir,
      env: { ...process.env, CGO_ENABLED: '0' },
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (err) {
    const e = err as { code?: string; stderr?: string; message: string };
    throw new Error(e.code === 'ENOENT' ? 'the go command is not installed' : `go build failed: ${e.stderr || e.message}`);
  }
  fs.renameSync(partial, ferretdbBinary);
  return ferretdbBinary;
}

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
