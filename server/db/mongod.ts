// A real mongod, either installed on this machine (on PATH or MONGOMS_SYSTEM_BINARY) or
// downloaded by mongodb-memory-server where the network allows it. Both run through
// mongodb-memory-server-core, which picks a free port and waits until mongod answers.
import { execFileSync } from 'node:child_process';
import dns from 'node:dns/promises';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../paths';
import type { RunningDatabase } from './database-server';

/** The path of a locally installed mongod, if there is one. */
export function findLocalMongod(): string | undefined {
  const given = process.env.MONGOMS_SYSTEM_BINARY;
  if (given) return fs.existsSync(given) ? given : undefined;
  try {
    return execFileSync('sh', ['-c', 'command -v mongod'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Starts mongod with its files in dataDir (kept between runs). With `systemBinary` unset,
 * mongodb-memory-server downloads a mongod build, which fails quickly where the network is closed.
 * A mongod that dies before stop() is reported to onLost (it is not started again here: mongod
 * recovers its journal at start, which belongs to the service's own restart).
 */
export async function startMongod(
  dataDir: string,
  onLost: (err: Error) => void,
  systemBinary?: string,
): Promise<RunningDatabase> {
  const downloadDir = path.join(projectRoot, '.cache', 'mongodb-binaries');
  if (!systemBinary) await assertDownloadPossible(downloadDir);
  // Imported lazily: the package is only needed on this path.
  const { MongoMemoryServer } = await import('mongodb-memory-server-core');
  fs.mkdirSync(dataDir, { recursive: true });
  const server = await MongoMemoryServer.create({
    binary: systemBinary ? { systemBinary } : { downloadDir },
    instance: { dbPath: dataDir, storageEngine: 'wiredTiger', ip: '127.0.0.1' },
  });
  const uri = server.getUri();
  let stopping = false;
  server.instanceInfo?.instance.mongodProcess?.once('exit', (code, signal) => {
    if (!stopping) onLost(new Error(`mongod exited (${signal ?? `code ${code}`})`));
  });
  return {
    kind: systemBinary ? 'mongod' : 'memory-server',
    uri,
    description: `${systemBinary ? `mongod (${systemBinary})` : 'mongod downloaded by mongodb-memory-server'} with data in ${dataDir} at ${uri}`,
    stop: async () => {
      stopping = true;
      await server.stop({ doCleanup: false });
    },
  };
}

/** Fails fast, with one line, where no mongod was downloaded before and its host cannot be resolved. */
async function assertDownloadPossible(downloadDir: string): Promise<void> {
  if (fs.existsSync(downloadDir) && fs.readdirSync(downloadDir).length > 0) return;
  const host = new URL(process.env.MONGOMS_DOWNLOAD_MIRROR ?? 'https://fastdl.mongodb.org').hostname;
  try {
    await dns.lookup(host);
  } catch {
    throw new Error(`cannot download mongod: ${host} does not resolve (no network)`);
  }
}
