// The mongoose connection. Models are registered on the default mongoose instance, so every
// module imports `mongoose` and the service connects exactly once here.
//
// Deadlines, so that no request waits on a database that does not answer:
//   - choosing a server (a new operation while the database is down) gives up after 2 s;
//   - the driver checks the server every second and gives up on a check after 1.5 s; a failed
//     check interrupts the operations in flight (a stopped database is noticed in ~2.5 s);
//   - one round trip of an operation gives up after 30 s (a guard: no operation takes that long);
//   - a read that failed is not retried by the driver: the retry would wait another 2 s for the
//     database that just failed; the client retries after the 503 instead (writes are still
//     retried where the server supports it, which makes an interrupted write safe to repeat);
//   - mongoose does not queue operations for more than 2 s while disconnected.
// Only the first connection is patient (30 s): a database starting next to the service, as in
// docker-compose, may take a moment.
// The errors this gives are recognized by server/db/outage.ts and answered 503.
import mongoose from 'mongoose';

const databaseDeadlines = {
  serverSelectionTimeoutMS: 2_000,
  heartbeatFrequencyMS: 1_000,
  connectTimeoutMS: 1_500,
  socketTimeoutMS: 30_000,
  retryReads: false,
} as const;

export async function connectDatabase(uri: string, dbName: string): Promise<typeof mongoose> {
  mongoose.set('strictQuery', true);
  // No sanitizeFilter: it silently turned any operator our code forgot to mark trusted() into an
  // equality match that finds nothing. $-operator injection is stopped at the edge instead:
  // every body is checked by ajv against a schema that types each field (an object is never
  // accepted where a value goes, and $-keys are refused), query strings parse to strings only
  // ('simple' parser) and route parameters are strings.
  mongoose.set('sanitizeFilter', false);
  mongoose.set('bufferTimeoutMS', databaseDeadlines.serverSelectionTimeoutMS);
  const patience = Date.now() + 30_000;
  for (;;) {
    try {
      await mongoose.connect(uri, { dbName, autoIndex: true, ...databaseDeadlines });
      return mongoose;
    } catch (err) {
      if ((err as Error).name !== 'MongooseServerSelectionError' || Date.now() > patience) throw err;
      await new Promise((r) => setTimeout(r, 1_000));
    }
  }
}

/** Logs when the connection is lost and when it is back, so an outage shows in the log. */
export function logConnectionChanges(log: { warn(message: string): void; info(message: string): void }): void {
  let closing = false; // our own disconnect at shutdown is no outage
  mongoose.connection.on('disconnecting', () => (closing = true));
  mongoose.connection.on(
    'disconnected',
    () => closing || log.warn('database: connection lost; requests answer 503 until it is back'),
  );
  mongoose.connection.on('reconnected', () => log.info('database: connection is back'));
}

export async function disconnectDatabase(): Promise<void> {
  await mongoose.disconnect();
}
