// Persistence of scores, the only code touching the score models: storing a country's next
// snapshot and reading its newest one, always by _id (score-snapshot.model.ts says why), so a
// round's reads cost the same however many rounds are stored. The current copy leaves out the
// answers behind each area (`indicators`, half the snapshot): FerretDB's cost of a read grows
// with the document, and lists, exports and aggregates never show them.
import type { Types } from 'mongoose';
import { isDuplicateKey } from '../db/claim-number';
import { inParallel } from '../db/in-parallel';
import { CurrentScore, currentScoreId, ScoreSnapshot, snapshotId } from './score-snapshot.model';

/** A snapshot as stored (plain data); in the current copy, areas come without `indicators`. */
export interface StoredSnapshot {
  _id?: string;
  sequence: number;
  roundId: Types.ObjectId;
  country: string;
  formId: string;
  formVersion: number;
  methodologyVersion: string;
  settings?: {
    completenessThreshold?: number | null;
    defaultTargetLevel?: number | null;
    weights?: { indicator?: string | null; weight?: number | null }[];
  } | null;
  responseRevision: number;
  computedAt: Date;
  reason: 'submitted' | 'recomputed';
  areas: unknown[];
}

const withoutIndicators = ({ indicators: _answers, ...area }: { indicators?: unknown }) => area;

/** Points the country's current copy at `snapshot` (an upsert; two first upserts may collide once). */
async function writeCurrent(snapshot: StoredSnapshot): Promise<void> {
  const _id = currentScoreId(String(snapshot.roundId), snapshot.country);
  const copy = { ...snapshot, _id, areas: snapshot.areas.map((a) => withoutIndicators(a as { indicators?: unknown })) };
  try {
    await CurrentScore.replaceOne({ _id }, copy, { upsert: true });
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    await CurrentScore.replaceOne({ _id }, copy);
  }
}

/**
 * The country's newest scores, or undefined when it has none: the current copy (areas without
 * indicators), then a look for snapshots stored after it. The copy lags only when a writer
 * stopped between its two writes, or two writers wrote it in the wrong order; then the newest
 * snapshot is returned (in full) and the copy brought up to date.
 */
export async function findLatestSummary(roundId: string, country: string): Promise<StoredSnapshot | undefined> {
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

/** The newest scores of each of the countries that has some, by country (see findLatestSummary). */
export async function findLatestSummaries(
  roundId: string,
  countries: readonly string[],
): Promise<Map<string, StoredSnapshot>> {
  const found = await inParallel(countries, (country) => findLatestSummary(roundId, country));
  return new Map(found.flatMap((s) => (s ? [[s.country, s] as const] : [])));
}

/** The country's newest snapshot in full, with the answers behind each area. */
export async function findLatestSnapshot(roundId: string, country: string): Promise<StoredSnapshot | undefined> {
  const latest = await findLatestSummary(roundId, country);
  const id = latest && snapshotId(roundId, country, latest.sequence);
  if (!latest || latest._id === id) return latest;
  return (await ScoreSnapshot.findById(id).lean<StoredSnapshot>()) ?? undefined;
}

/**
 * Stores the country's snapshot number `snapshot.sequence`, or returns undefined when another
 * writer stored that number first (the caller looks again at what is newest). The insert of
 * the unique _id is the claim: never two snapshots with one number.
 */
export async function insertSnapshot(snapshot: StoredSnapshot): Promise<StoredSnapshot | undefined> {
  let stored: StoredSnapshot;
  try {
    const created = await ScoreSnapshot.create({
      ...snapshot,
      _id: snapshotId(String(snapshot.roundId), snapshot.country, snapshot.sequence),
    });
    stored = created.toObject() as StoredSnapshot;
  } catch (err) {
    if (isDuplicateKey(err)) return undefined;
    throw err;
  }
  await writeCurrent(stored);
  return stored;
}
