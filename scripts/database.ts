// Scripts reach the database exactly as the service does (server/db): MONGODB_URI, a local
// mongod, or the embedded FerretDB (joining the service's own if it is running).
import { loadConfig } from '../server/config';
import { connectDatabase, disconnectDatabase } from '../server/db/connect';
import { startDatabaseServer } from '../server/db/database-server';

export async function withDatabase<T>(work: () => Promise<T>): Promise<T> {
  const config = loadConfig();
  const server = await startDatabaseServer({
    kind: config.dbServer,
    mongodbUri: config.mongodbUri,
    dataDir: config.dataDir,
    log: (message) => console.error(message),
  });
  console.error(`database: ${server.description}`);
  await connectDatabase(server.uri, config.dbName);
  try {
    return await work();
  } finally {
    await disconnectDatabase();
    await server.stop();
  }
}
