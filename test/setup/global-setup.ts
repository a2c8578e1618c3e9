// Starts the database server for the whole test run through server/db, exactly as the service
// does (MONGODB_URI if set, else a local mongod, else FerretDB), and hands its URI to the
// test workers through the environment. Each test file then uses a database of its own.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../server/config';
import { startDatabaseServer, type RunningDatabase } from '../../server/db/database-server';

declare global {
  var __capgapTestDatabase: { server: RunningDatabase; dataDir: string } | undefined;
}

export default async function globalSetup(): Promise<void> {
  const config = loadConfig();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'capgap-test-db-'));
  const server = await startDatabaseServer({
    kind: config.dbServer,
    mongodbUri: config.mongodbUri,
    dataDir,
    log: (message) => process.stdout.write(`[test database] ${message}\n`),
  });
  process.stdout.write(`\n[test database] ${server.description}\n`);
  process.env.MONGODB_URI = server.uri;
  globalThis.__capgapTestDatabase = { server, dataDir };
}
