// The service on this machine for a measuring script: a database server started the way the
// service starts one (server/db), and the real app on a free loopback port.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import mongoose from 'mongoose';
import { createApp } from '../../server/app';
import { loadConfig, type Config } from '../../server/config';
import { connectDatabase } from '../../server/db/connect';
import { startDatabaseServer, type RunningDatabase } from '../../server/db/database-server';
import type { FormRegistry } from '../../server/forms/form-registry';
import { createLogger } from '../../server/http/logger';
import { AssetStore } from '../../server/respondent/assets';

export function startLocalDatabase(dataDir: string, log: (message: string) => void): Promise<RunningDatabase> {
  const config = loadConfig();
  return startDatabaseServer({ kind: config.dbServer, mongodbUri: config.mongodbUri, dataDir, log });
}

/** Something to undo when the script ends, named for the report if it fails. */
export type Cleanup = { what: string; run: () => Promise<unknown> };

/** Runs the cleanups last first; one that fails is reported and the others still run. */
export async function runCleanups(cleanups: Cleanup[], report: (message: string) => void): Promise<void> {
  for (const cleanup of [...cleanups].reverse()) {
    await cleanup
      .run()
      .catch((err: unknown) =>
        report(`cleanup failed (${cleanup.what}): ${err instanceof Error ? err.message : String(err)}`),
      );
  }
}

/**
 * A throwaway database for a measuring script: a server on a temporary data folder, connected
 * under a fresh name (`<label>_<random>`). Its removal is added to `cleanups`.
 */
export async function openScratchDatabase(
  label: string,
  cleanups: Cleanup[],
  progress: (message: string) => void,
): Promise<RunningDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `capgap-${label}-db-`));
  cleanups.push({
    what: 'remove the data folder',
    run: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
  });
  const database = await startLocalDatabase(dataDir, (m) => progress(`database: ${m}`));
  cleanups.push({ what: 'stop the database server', run: () => database.stop() });
  progress(`database: ${database.description}`);
  await connectDatabase(database.uri, `${label}_${randomBytes(4).toString('hex')}`);
  cleanups.push({ what: 'disconnect', run: () => mongoose.disconnect() });
  cleanups.push({ what: 'drop the database', run: () => mongoose.connection.dropDatabase() });
  return database;
}

export interface Listening {
  server: Server;
  baseUrl: string;
}

export function listenOnFreePort(app: Express): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const server = app.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, baseUrl: `http://127.0.0.1:${port}` });
    });
    server.once('error', reject);
  });
}

/** The real app, silent, with its assets precompressed as server/main.ts does. */
export async function startLocalApp(forms: FormRegistry, overrides: Partial<Config> = {}): Promise<Listening> {
  const config = { ...loadConfig({ LOG_LEVEL: 'silent' }), ...overrides };
  const assets = await AssetStore.create(forms);
  return listenOnFreePort(createApp({ config, logger: createLogger(config.logLevel), forms, assets }));
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}
