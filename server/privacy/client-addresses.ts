// Storing, reading, erasing and expiring client addresses (client-address.model.ts). A record
// that keeps a request's address stores it here and keeps the returned reference; readers
// resolve references, and a reference whose address expired or was erased resolves to nothing.
import { appendToSequence, latestInSequence, sequenceEntryId } from '../db/append-sequence';
import { isDuplicateKey } from '../db/claim-number';
import { ClientAddress } from './client-address.model';
import { PrivacyState } from './privacy-state.model';

export interface ClientAddressFields {
  ip: string;
  userAgent?: string;
}

const dayKey = (day: string) => `client-address:${day}`;
const dayOf = (at: Date) => at.toISOString().slice(0, 10);
const nextDay = (day: string) => dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000));

/** The earliest day that may still hold addresses: where the sweep starts. */
const oldestDayId = 'client-addresses:oldest-day';
let oldestSeen: { db: unknown; day: string } | undefined;

/** Keeps the sweep's starting day at or before `day` (a record may be written with a past time). */
async function noteDay(day: string): Promise<void> {
  const db = PrivacyState.db.db;
  if (oldestSeen && oldestSeen.db === db && oldestSeen.day <= day) return;
  const stored = await PrivacyState.findById(oldestDayId).lean();
  if (!stored) {
    try {
      await PrivacyState.create({ _id: oldestDayId, value: day });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      return noteDay(day);
    }
  } else if (stored.value > day) {
    await PrivacyState.updateOne({ _id: oldestDayId }, { $set: { value: day } });
  }
  oldestSeen = { db, day: stored && stored.value < day ? stored.value : day };
}

/** Stores a client address seen at `at` (default now); returns its reference. */
export async function storeClientAddress(fields: ClientAddressFields, at = new Date()): Promise<string> {
  const day = dayOf(at);
  await noteDay(day);
  const { entry } = await appendToSequence(ClientAddress, dayKey(day), () => ({
    ip: fields.ip,
    ...(fields.userAgent ? { userAgent: fields.userAgent } : {}),
    at,
  }));
  return entry._id;
}

/** The addresses of the given references that still exist (expired and erased ones are left out). */
export async function readClientAddresses(refs: readonly string[]): Promise<Map<string, ClientAddressFields>> {
  const unique = [...new Set(refs)];
  const docs = await Promise.all(unique.map((ref) => ClientAddress.findById(ref).lean()));
  const found = new Map<string, ClientAddressFields>();
  for (const doc of docs)
    if (doc) found.set(doc._id, { ip: doc.ip, ...(doc.userAgent ? { userAgent: doc.userAgent } : {}) });
  return found;
}

/** Erases the addresses of the given references (idempotent); returns how many were still there. */
export async function eraseClientAddresses(refs: readonly string[]): Promise<number> {
  let erased = 0;
  for (const ref of new Set(refs)) erased += (await ClientAddress.deleteOne({ _id: ref })).deletedCount;
  return erased;
}

/**
 * Removes every address of the days wholly older than `retentionDays` before `now`: each such
 * day's sequence is emptied by _id, then the starting day moves past it, so a pass interrupted
 * midway redoes at most one day, and a pass reads nothing but the days it empties.
 */
export async function sweepClientAddresses(
  retentionDays: number,
  now = new Date(),
): Promise<{ days: number; removed: number }> {
  const cutoff = dayOf(new Date(now.getTime() - retentionDays * 86_400_000));
  const oldest = await PrivacyState.findById(oldestDayId).lean();
  let days = 0;
  let removed = 0;
  for (let day = oldest?.value; day !== undefined && day < cutoff; day = nextDay(day)) {
    const key = dayKey(day);
    const newest = await latestInSequence(ClientAddress, key);
    for (let first = 1; first <= newest; first += 50) {
      const ids = Array.from({ length: Math.min(50, newest - first + 1) }, (_, i) => sequenceEntryId(key, first + i));
      const results = await Promise.all(ids.map((_id) => ClientAddress.deleteOne({ _id })));
      removed += results.reduce((n, r) => n + r.deletedCount, 0);
    }
    await PrivacyState.updateOne({ _id: oldestDayId, value: day }, { $set: { value: nextDay(day) } });
    days++;
  }
  return { days, removed };
}
