// Which MongoDB-compatible server the service talks to. The server, the scripts and the tests
// all come here, so they resolve it the same way, in this order:
//   1. MONGODB_URI, if set (production, docker-compose, Atlas);
//   2. a local mongod (on PATH or MONGOMS_SYSTEM_BINARY), with a persistent data folder;
//   3. a mongod downloaded by mongodb-memory-server, where the network allows it;
//   4. FerretDB v1 over SQLite, built once from the Go module proxy.
// DB_SERVER=uri|mongod|memory-server|ferretdb forces one of them.
// A server started here lives and dies with this process. FerretDB is started again when it
// dies; when that fails, or a mongod started here dies, `onLost` is called.
import path from 'node:path';
import type { DbServerKind } from '../config';
import { startFerretdb } from './ferretdb';
import { findLocalMongod, startMongod } from './mongod';

export interface RunningDatabase {
  kind: Exclude<DbServerKind, 'auto'>;
  uri: string;
  description: string;
  /** Stops the server if this process started it; a no-op for MONGODB_URI. */
  stop(): Promise<void>;
}

export type StartLog = (message: string) => void;

export interface DatabaseServerOptions {
  kind: DbServerKind;
  mongodbUri?: string;
  /** Parent folder of the server's data; each kind keeps its files in its own subfolder. */
  dataDir: string;
  log: StartLog;
  /** The server this process started is gone for good (default: logged). */
  onLost?: (err: Error) => void;
}

type Attempt = { kind: RunningDatabase['kind']; start: () => Promise<RunningDatabase | undefined> };

export async function startDatabaseServer(options: DatabaseServerOptions): Promise<RunningDatabase> {
  const { kind, mongodbUri, dataDir, log } = options;
  const onLost = options.onLost ?? ((err: Error) => log(`database server lost: ${err.message}`));
  const attempts: Attempt[] = [
    {
      kind: 'uri',
      start: async () =>
        mongodbUri
          ? { kind: 'uri', uri: mongodbUri, description: `MONGODB_URI (${redact(mongodbUri)})`, stop: async () => {} }
          : undefined,
    },
    {
      kind: 'mongod',
      start: async () => {
        const binary = findLocalMongod();
        return binary ? startMongod(path.join(dataDir, 'mongod'), onLost, binary) : undefined;
      },
    },
    { kind: 'memory-server', start: () => startMongod(path.join(dataDir, 'mongod'), onLost) },
    { kind: 'ferretdb', start: () => startFerretdb(path.join(dataDir, 'ferretdb'), log, onLost) },
  ];

  const chosen = kind === 'auto' ? attempts : attempts.filter((a) => a.kind === kind);
  const failures: string[] = [];
  for (const attempt of chosen) {
    try {
      const running = await attempt.start();
      if (running) return running;
      failures.push(`${attempt.kind}: not available`);
    } catch (err) {
      const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
      failures.push(`${attempt.kind}: ${message}`);
      if (kind === 'auto') log(`database server "${attempt.kind}" unavailable (${message}); trying the next one`);
    }
  }
  throw new Error(
    [
      'No MongoDB-compatible server could be started. Tried:',
      ...failures.map((f) => `  - ${f}`),
      'Options: set MONGODB_URI to a running MongoDB; install mongod (on PATH or MONGOMS_SYSTEM_BINARY);',
      'allow mongodb-memory-server to download mongod; or install Go so FerretDB can be built from the Go module proxy.',
    ].join('\n'),
  );
}

function redact(uri: string): string {
  return uri.replace(/\/\/([^@/]*)@/, '//***@');
}
