// An append-only sequence of documents with _ids "<key>:<n>" (n = 1, 2, 3 …). Appending is the
// insert of the next _id, so of concurrent appenders exactly one gets each number, nothing can
// overwrite an acknowledged entry, and a crash leaves no gap (there is no claim apart from the
// write). The newest number is found from a head pointer (updated after each append, best
// effort: it may lag, never lead) by probing _ids upwards, galloping then bisecting, so a read
// costs a few lookups by _id however long the sequence grows — on FerretDB v1 a lookup by _id is
// the only query that does not read the whole collection.
import mongoose, { type Model } from 'mongoose';
import { isDuplicateKey } from './claim-number';

const sequenceHeadSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    n: { type: Number, required: true },
  },
  { versionKey: false },
);

export const SequenceHead = mongoose.model('SequenceHead', sequenceHeadSchema);

export const sequenceEntryId = (key: string, n: number) => `${key}:${n}`;

type EntryModel = Model<any>;

const exists = async (model: EntryModel, key: string, n: number) =>
  n <= 0 || (await model.exists({ _id: sequenceEntryId(key, n) })) !== null;

/** The number of the newest entry of the sequence (0 when it is empty). */
export async function latestInSequence(model: EntryModel, key: string): Promise<number> {
  const head = await SequenceHead.findById(key).lean();
  let known = head?.n ?? 0; // exists
  if (!(await exists(model, key, known + 1))) return known;
  // Gallop: known + 1 exists; find a number that does not.
  let step = 2;
  let missing = known + step;
  while (await exists(model, key, missing)) {
    known = missing;
    step *= 2;
    missing = known + step;
  }
  // Bisect between the last that exists and the first known missing.
  while (missing - known > 1) {
    const mid = Math.floor((known + missing) / 2);
    if (await exists(model, key, mid)) known = mid;
    else missing = mid;
  }
  return known;
}

/** Moves the head pointer forward to n (never back). A lost update only makes the next probe longer. */
async function advanceHead(key: string, n: number): Promise<void> {
  try {
    await SequenceHead.updateOne({ _id: key }, { $max: { n } }, { upsert: true });
  } catch (err) {
    if (!isDuplicateKey(err)) throw err; // two first upserts raced: the other one wrote it
  }
}

/**
 * Stores `entry` as number n exactly, or returns false when n is taken: for writers that must
 * build on the entry they read (a draft saved on revision n − 1), where losing the race means
 * "read again and merge", not "append on top".
 */
export async function insertInSequence(model: EntryModel, key: string, n: number, entry: object): Promise<boolean> {
  try {
    await model.create({ ...entry, _id: sequenceEntryId(key, n) });
  } catch (err) {
    if (isDuplicateKey(err)) return false;
    throw err;
  }
  await advanceHead(key, n);
  return true;
}

export interface Appended<T> {
  n: number;
  entry: T;
}

/**
 * Appends the entry `build(n, previous)` as number n = newest + 1, where `previous` is entry
 * n − 1 as stored (null for the first). When another appender takes n first, builds again on
 * top of its entry. Throws after `maxTries` lost races (a sign of a very hot sequence).
 */
export async function appendToSequence<T extends object>(
  model: EntryModel,
  key: string,
  build: (n: number, previous: (T & { _id: string }) | null) => T,
  maxTries = 100,
): Promise<Appended<T & { _id: string }>> {
  let n = (await latestInSequence(model, key)) + 1;
  for (let attempt = 0; attempt < maxTries; attempt++, n++) {
    // null also when entry n − 1 was deleted outside the service: the entry is still written,
    // and whoever checks the sequence (e.g. the audit chain) sees the gap.
    const previous = n > 1 ? await model.findById(sequenceEntryId(key, n - 1)).lean<T & { _id: string }>() : null;
    const entry = { ...build(n, previous), _id: sequenceEntryId(key, n) };
    try {
      await model.create(entry);
    } catch (err) {
      if (isDuplicateKey(err)) continue; // someone else has n: try n + 1 on top of theirs
      throw err;
    }
    await advanceHead(key, n);
    return { n, entry };
  }
  throw new Error(`append to ${key}: lost ${maxTries} races in a row`);
}

/** The entries at the given numbers, in the same order (null where missing), read by _id in parallel. */
export function readSequence<T>(model: EntryModel, key: string, numbers: number[]): Promise<Array<T | null>> {
  return Promise.all(numbers.map((n) => model.findById(sequenceEntryId(key, n)).lean<T>() as Promise<T | null>));
}
