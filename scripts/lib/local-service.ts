// The service on this machine for a measuring script: a database server started the way the
// service starts one (server/db), and the real app on a free loopback port.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import { createApp } from '../../server/app';
import { loadConfig, type Config } from '../../server/config';
import { startDatabaseServer, type RunningDatabase } from '../../server/db/database-server';
import type { FormRegistry } from '../../server/forms/form-registry';
import { createLogger } from '../../server/http/logger';
import { AssetStore } from '../../server/respondent/assets';

export function startLocalDatabase(dataDir: string, log: (message: string) => void): Promise<RunningDatabase> {
  const config = loadConfig();
  return startDatabaseServer({ kind: config.dbServer, mongodbUri: config.mongodbUri, dataDir, log });
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
  const assets = new AssetStore(forms);
  await assets.precompress();
  return listenOnFreePort(createApp({ config, logger: createLogger(config.logLevel), forms, assets }));
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}
