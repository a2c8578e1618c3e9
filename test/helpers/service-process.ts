// The service as a real process (server/main.ts run by tsx) with its own embedded FerretDB in a
// data folder of the test's choosing, and the demo round seeded: for fault tests that kill,
// stop or starve the service or its database. Nothing is shared with the test run's database.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../server/paths';

export interface ServiceProcess {
  child: ChildProcess;
  baseUrl: string;
  /** Demo country links by country name (the same at every start on the same data folder). */
  tokens: Record<string, string>;
  output(): string;
  exited: Promise<number | null>;
}

/** Starts the service on dataDir and resolves once it listens (rejects if it exits first). */
export async function startServiceProcess(dataDir: string, env: Record<string, string> = {}): Promise<ServiceProcess> {
  const { MONGODB_URI: _shared, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'server', 'main.ts')], {
    cwd: projectRoot,
    env: {
      ...inherited,
      DB_SERVER: 'ferretdb',
      DATA_DIR: dataDir,
      PORT: '0',
      SEED_DEMO: 'true',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout!.on('data', (c: Buffer) => (text += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (text += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));

  const until = Date.now() + 90_000;
  let port: string | undefined;
  while (!(port = /listening on http:\/\/[^:]+:(\d+)/.exec(text)?.[1]) || !/Health: /.test(text)) {
    if (exitCode !== undefined)
      throw new Error(`the service exited with code ${exitCode} before listening:\n${text.slice(-3000)}`);
    if (Date.now() > until) throw new Error(`the service did not listen within 90 s:\n${text.slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const tokens: Record<string, string> = {};
  for (const m of text.matchAll(/^ {2}(\S[^\n]*?)\s+\S*\/respond\/(\S+)$/gm)) tokens[m[1].trim()] = m[2];
  return { child, baseUrl: `http://127.0.0.1:${port}`, tokens, output: () => text, exited };
}

/** Stops the service with SIGTERM (SIGKILL after 20 s) and waits for it to exit. */
export async function stopServiceProcess(service: ServiceProcess | undefined): Promise<void> {
  if (!service || service.child.exitCode !== null || service.child.signalCode !== null) return;
  const force = setTimeout(() => service.child.kill('SIGKILL'), 20_000);
  service.child.kill('SIGTERM');
  await service.exited;
  clearTimeout(force);
}

/** The pid of the FerretDB that the service runs on dataDir, as it records it. */
export function ferretdbPid(dataDir: string): number {
  return JSON.parse(fs.readFileSync(path.join(dataDir, 'ferretdb', 'running.json'), 'utf8')).pid;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A request that must be answered within `ms` (a hang guard, not a benchmark). */
export async function requestWithin(url: string, init: RequestInit = {}, ms = 5_000): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(ms) });
  } catch (err) {
    if ((err as Error).name === 'TimeoutError')
      throw new Error(`${init.method ?? 'GET'} ${url} was not answered within ${ms / 1000} s`, { cause: err });
    throw err;
  }
}

/** Saves a draft of the country's response from the revision it has now; returns the answer. */
export async function saveDraft(
  service: ServiceProcess,
  country: string,
  answers: Record<string, unknown>,
): Promise<Response> {
  const api = `${service.baseUrl}/api/respondent/${service.tokens[country]}`;
  const current = await (await requestWithin(api)).json();
  return requestWithin(`${api}/draft`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ answers, baseRevision: current.response.revision, locale: 'en' }),
  });
}

/** Polls until `check` holds, or fails after `ms` naming what it waited for. */
export async function eventually(check: () => Promise<boolean>, what: string, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check().catch(() => false))) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
