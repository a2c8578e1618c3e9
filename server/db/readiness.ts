// Whether the database can serve requests now, for /readyz: a small write with a deadline.
// A ping is not enough: a database on a full disk answers pings but refuses every save.
import mongoose from 'mongoose';
import { databaseOutage, type DatabaseOutage } from './outage';

const probeDeadlineMs = 1_500;
const duplicateKey = 11000;

export async function probeDatabase(): Promise<'ready' | DatabaseOutage> {
  const db = mongoose.connection.db;
  if (!db) return 'unavailable';
  const probes = db.collection<{ _id: string; at: Date }>('readiness_probes');
  const write = probes.updateOne({ _id: 'readyz' }, { $set: { at: new Date() } }, { upsert: true }).then(
    () => 'ready' as const,
    // Two first probes at once can both try to insert the document: one wrote, so it can write.
    (err: unknown) =>
      (err as { code?: unknown }).code === duplicateKey ? 'ready' : (databaseOutage(err) ?? 'unavailable'),
  );
  // The driver's own deadlines end the write within about 2.5 s; the probe answers sooner.
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'unavailable'>(
    (resolve) => (timer = setTimeout(() => resolve('unavailable'), probeDeadlineMs)),
  );
  try {
    return await Promise.race([write, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
