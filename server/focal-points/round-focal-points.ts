// Queries of the focal points of one round that read only that round's documents: its import
// batches by _id ("<roundId>-1", "-2", …), then each focal point by _id.
import { Types } from 'mongoose';
import { isDuplicateKey } from '../db/claim-number';
import { FocalPointBatch } from './focal-point-batch.model';
import { FocalPoint } from './focal-point.model';

export type FocalPointDoc = NonNullable<Awaited<ReturnType<typeof findFocalPoint>>>;
export type NewFocalPoint = { country: string; name: string; email: string; language: string; ministry: string };

const batchId = (roundId: string, n: number) => `${roundId}-${n}`;

export function findFocalPoint(id: string | Types.ObjectId) {
  return FocalPoint.findById(id).lean();
}

/** The ids of the focal points of a round, in import order, and how many batches hold them. */
async function focalPointIdsOf(roundId: string): Promise<{ ids: Types.ObjectId[]; batches: number }> {
  const ids: Types.ObjectId[] = [];
  for (let n = 1; ; n++) {
    const batch = await FocalPointBatch.findById(batchId(roundId, n), { focalPointIds: 1 }).lean();
    if (!batch) return { ids, batches: n - 1 };
    ids.push(...batch.focalPointIds);
  }
}

/** The focal points of a round, by country and email. */
export async function listRoundFocalPoints(roundId: string | Types.ObjectId): Promise<FocalPointDoc[]> {
  const { ids } = await focalPointIdsOf(String(roundId));
  const found = await Promise.all(ids.map((id) => findFocalPoint(id)));
  // A batch whose focal points could not all be stored names a few that do not exist: skip them.
  return found
    .filter((f): f is FocalPointDoc => f !== null)
    .sort((a, b) =>
      a.country === b.country ? (a.email < b.email ? -1 : a.email > b.email ? 1 : 0) : a.country < b.country ? -1 : 1,
    );
}

/**
 * Adds focal points to a round: their batch first (so a failure afterwards leaves at worst ids
 * that name nothing, never focal points missing from the round's list), then the focal points.
 */
export async function addRoundFocalPoints(roundId: Types.ObjectId, rows: NewFocalPoint[]): Promise<void> {
  if (!rows.length) return;
  const docs = rows.map((r) => ({ _id: new Types.ObjectId(), roundId, ...r }));
  const { batches } = await focalPointIdsOf(String(roundId));
  // Another import may take the next number first: then take the one after (a few tries).
  for (let n = batches + 1; ; n++) {
    try {
      await FocalPointBatch.create({
        _id: batchId(String(roundId), n),
        roundId,
        focalPointIds: docs.map((d) => d._id),
      });
      break;
    } catch (err) {
      if (!isDuplicateKey(err) || n > batches + 20) throw err;
    }
  }
  await FocalPoint.insertMany(docs);
}
