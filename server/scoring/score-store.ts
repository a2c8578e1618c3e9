// Persistence of scores, the only code touching the score models: storing a country's next
// snapshot and reading its newest one, always by _id (score-snapshot.model.ts says why), so a
// round's reads cost the same however many rounds are stored.
import type { Types } from 'mongoose';
import { isDuplicateKey } from '../db/claim-number';
import { CurrentScore, currentScoreId, ScoreSnapshot, snapshotId } from './score-snapshot.model';

/** A snapshot as stored (plain data). */
export interface StoredSnapshot {
  sequence: number;
  roundId: Types.ObjectId;
  country: string;
  formId: string;
  formVersion: number;
  methodologyVersion: string;
  settings?: { completenessThreshold?: number | null; defaultTargetLevel?: number | null; weights?: { indicator?: string | null; weight?: number | null }[] } | null;
  responseRevision: number;
  computedAt: Date;
  reason: 'submitted' | 'recomputed';
  areas: unknown[];
}

/** Points the country's current copy at `snapshot` (an upsert; two first upserts may collide once). */
async function writeCurrent(snapshot: StoredSnapshot): Promise<void> {
  const _id = currentScoreId(String(snapshot.roundId), snapshot.country);
  const { _id: _snapshotId, ...fields } = snapshot as StoredSnapshot & { _id?: unknown };
  try {
    await CurrentScore.replaceOne({ _id }, { ...fields, _id }, { upsert: true });
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    await CurrentScore.replaceOne({ _id }, { ...fields, _id });
  }
}

/**
 * The country's newest snapshot, or undefined when it has none: the current copy, then a look
 * for the snapshots after it. The copy lags only when a writer stopped between its two writes,
 * or two writers wrote it in the wrong order; a lagging copy is brought up to date.
 */
export async function findLatestSnapshot(roundId: string, country: string): Promise<StoredSnapshot | undefined> {
  const current = (await CurrentScore.findById(currentScoreId(roundId, country)).lean<StoredSnapshot>()) ?? undefined;
  let latest = current;
  for (let next = (current?.sequence ?? 0) + 1; ; next++) {
    const newer = await ScoreSnapshot.findById(snapshotId(roundId, country, next)).lean<StoredSnapshot>();
    if (!newer) break;
    latest = newer;
  }
  if (latest && latest !== current) await writeCurrent(latest);
  return latest;
}

/** The newest snapshot of each of the countries that has one, by country. */
export async function findLatestSnapshots(roundId: string, countries: readonly string[]): Promise<Map<string, StoredSnapshot>> {
  const found = await Promise.all(countries.map((country) => findLatestSnapshot(roundId, country)));
  return new Map(found.flatMap((s) => (s ? [[s.country, s] as const] : [])));
}

/**
 * Stores the country's snapshot number `snapshot.sequence`, or returns undefined when another
 * writer stored that number first (the caller looks again at what is newest). The insert of
 * the unique _id is the claim: never two snapshots with one number.
 */
export async function insertSnapshot(snapshot: StoredSnapshot): Promise<StoredSnapshot | undefined> {
  let stored: StoredSnapshot;
  try {
    const created = await ScoreSnapshot.create({ _id: snapshotId(String(snapshot.roundId), snapshot.country, snapshot.sequence), ...snapshot });
    stored = created.toObject() as StoredSnapshot;
  } catch (err) {
    if (isDuplicateKey(err)) return undefined;
    throw err;
  }
  await writeCurrent(stored);
  return stored;
}
