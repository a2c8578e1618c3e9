// FerretDB v1 (MongoDB wire protocol over SQLite): the embedded default where no mongod can be
// had. The binary is built once from the Go module proxy (scripts/ferretdb) and cached under
// .cache/ferretdb (server/db/ferretdb-build.ts), so later starts and CI's second run reuse it.
//
// Its lifetime is tied to the process that starts it: FerretDB runs with -stop-with-stdin and
// its standard input is a pipe from us, so it stops when we exit, kill -9 included, and never
// lingers as an orphan holding the SQLite files. Its log goes to ferretdb.log in its data
// folder (the previous run's to ferretdb.log.1), never to our standard error. If it dies while
// we run, it is started again on the same address, so the driver reconnects by itself; when
// that keeps failing, `onLost` is called (the service then exits for its supervisor).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import mongoose from 'mongoose';
import type { RunningDatabase, StartLog } from './database-server';
import { ensureFerretdbBinary, FERRETDB_VERSION } from './ferretdb-build';

const restartAttempts = 5;

/** True when a MongoDB-protocol server answers a ping at uri within a second. */
async function answers(uri: string): Promise<boolean> {
  const probe = mongoose.createConnection(uri, { serverSelectionTimeoutMS: 1_000, connectTimeoutMS: 1_000 });
  try {
    await probe.asPromise();
    await probe.db!.admin().command({ ping: 1 }, { timeoutMS: 1_000 });
    return true;
  } catch {
    return false;
  } finally {
    await probe.close().catch(() => {});
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The FerretDB another capgap process runs on this data folder (so scripts can work while the
 * service is up; two servers on one folder would disagree about its files). Joined only when it
 * answers. A record left by a process that is gone is ignored.
 */
async function findRunning(dataDir: string): Promise<RunningDatabase | undefined> {
  let recorded: { uri: string; pid: number };
  try {
    recorded = JSON.parse(fs.readFileSync(path.join(dataDir, 'running.json'), 'utf8'));
  } catch {
    return undefined;
  }
  const { uri, pid } = recorded;
  if (!isAlive(pid) || !isFerretdb(pid)) return undefined;
  if (!(await answers(uri)))
    throw new Error(`FerretDB (pid ${pid}) holds ${dataDir} but does not answer at ${uri}; stop it, then start again`);
  return {
    kind: 'ferretdb',
    uri,
    description: `FerretDB already running for ${dataDir} (pid ${pid}) at ${uri}`,
    stop: async () => {},
  };
}

/** Whether pid runs a FerretDB binary; true where the system does not say (no /proc). */
function isFerretdb(pid: number): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('ferretdb');
  } catch {
    return !fs.existsSync('/proc/self');
  }
}

/** Starts one FerretDB process listening on `listen` and resolves with its URI once it is ready. */
async function launch(binary: string, dataDir: string, listen: string): Promise<{ child: ChildProcess; uri: string }> {
  const logFile = path.join(dataDir, 'ferretdb.log');
  if (fs.existsSync(logFile)) fs.renameSync(logFile, `${logFile}.1`);
  const logFd = fs.openSync(logFile, 'a');
  const child = spawn(binary, ['-listen', listen, '-data', dataDir, '-stop-with-stdin'], {
    stdio: ['pipe', 'pipe', logFd],
  });
  fs.closeSync(logFd);
  const logTail = () => {
    try {
      return fs.readFileSync(logFile, 'utf8').slice(-2000).trim();
    } catch {
      return '(no log)';
    }
  };

  const uri = await new Promise<string>((resolve, reject) => {
    const fail = (err: Error) => {
      clearTimeout(timer);
      child.off('exit', onExit);
      reject(err);
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
      fail(new Error(`FerretDB exited (${signal ?? `code ${code}`}): ${logTail()}`));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`FerretDB did not start within 30 s: ${logTail()}`));
    }, 30_000);
    child.once('exit', onExit);
    child.once('error', fail);
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = /^ready (mongodb:\/\/\S+)$/.exec(line);
      if (m) {
        clearTimeout(timer);
        child.off('exit', onExit); // from now on its exit is the supervisor's business
        resolve(m[1]);
      }
    });
  });
  return { child, uri };
}

/**
 * Starts FerretDB on a free loopback port with its SQLite files in dataDir, or joins the one
 * that another capgap process already runs there.
 */
export async function startFerretdb(
  dataDir: string,
  log: StartLog,
  onLost: (err: Error) => void,
): Promise<RunningDatabase> {
  const running = await findRunning(dataDir);
  if (running) return running;
  const binary = await ensureFerretdbBinary(log);
  fs.mkdirSync(dataDir, { recursive: true });
  const runningFile = path.join(dataDir, 'running.json');

  const first = await launch(binary, dataDir, '127.0.0.1:0');
  const { uri } = first;
  let { child } = first;
  const address = new URL(uri).host; // restarts listen here again: the driver keeps its URI
  let stopping = false;
  let restarting: Promise<void> | undefined;

  const supervise = () => {
    fs.writeFileSync(runningFile, JSON.stringify({ uri, pid: child.pid }));
    child.once('exit', (code, signal) => {
      if (stopping) return;
      log(`FerretDB (pid ${child.pid}) exited (${signal ?? `code ${code}`}); starting it again at ${address}`);
      restarting = restart().finally(() => (restarting = undefined));
    });
  };

  const restart = async () => {
    let lastError: unknown;
    for (let attempt = 1; attempt <= restartAttempts && !stopping; attempt++) {
      try {
        ({ child } = await launch(binary, dataDir, address));
        supervise();
        log(`FerretDB started again (pid ${child.pid})`);
        return;
      } catch (err) {
        lastError = err;
        log(
          `FerretDB did not start again (attempt ${attempt} of ${restartAttempts}): ${err instanceof Error ? err.message : String(err)}`,
        );
        await new Promise((r) => setTimeout(r, attempt * 1_000));
      }
    }
    if (!stopping) onLost(new Error(`FerretDB could not be started again at ${address}`, { cause: lastError }));
  };

  supervise();
  return {
    kind: 'ferretdb',
    uri,
    description: `FerretDB ${FERRETDB_VERSION} (SQLite in ${dataDir}, log in ferretdb.log) at ${uri}`,
    stop: async () => {
      stopping = true;
      await restarting;
      await stopChild(child);
      fs.rmSync(runningFile, { force: true });
    },
  };
}

function stopChild(child: ChildProcess): Promise<void> {
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
