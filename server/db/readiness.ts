// Whether the database can serve requests now, for /readyz: a small write with a deadline.
// A ping is not enough: a database on a full disk answers pings but refuses every save.
import mongoose from 'mongoose';
import { databaseOutage, type DatabaseOutage } from './outage';

const probeDeadlineMs = 1_500;
const duplicateKey = 11000;

export async function probeDatabase(): Promise<'ready' | DatabaseOutage> {
  const db = mongoose.connection.db;
  if (!db) return 'unavailable';
  try {
    const probes = db.collection<{ _id: string; at: Date }>('readiness_probes');
    await probes.updateOne({ _id: 'readyz' }, { $set: { at: new Date() } }, { upsert: true, timeoutMS: probeDeadlineMs });
    return 'ready';
  } catch (err) {
    // Two first probes at once can both try to insert the document: one wrote, so it can write.
    if ((err as { code?: unknown }).code === duplicateKey) return 'ready';
    return databaseOutage(err) ?? 'unavailable';
  }
}
