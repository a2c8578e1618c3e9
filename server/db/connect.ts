// The mongoose connection. Models are registered on the default mongoose instance, so every
// module imports `mongoose` and the service connects exactly once here.
import mongoose from 'mongoose';

export async function connectDatabase(uri: string, dbName: string): Promise<typeof mongoose> {
  mongoose.set('strictQuery', true);
  // Query filters are built by our code, never from raw request objects; sanitizeFilter is a
  // second guard against $-operator injection.
  mongoose.set('sanitizeFilter', true);
  await mongoose.connect(uri, { dbName, serverSelectionTimeoutMS: 10_000, autoIndex: true });
  return mongoose;
}

export async function disconnectDatabase(): Promise<void> {
  await mongoose.disconnect();
}

/** True when the database answers a ping (used by /readyz). */
export async function pingDatabase(): Promise<boolean> {
  const db = mongoose.connection.db;
  if (!db || mongoose.connection.readyState !== 1) return false;
  try {
    await db.admin().command({ ping: 1 });
    return true;
  } catch {
    return false;
  }
}
