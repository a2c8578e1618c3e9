// Claiming the next number of a sequence (an outbox message's attempt, a response's revision)
// by inserting a document whose _id names it. Every MongoDB-compatible server enforces a unique
// _id, so of several writers inserting the same number exactly one succeeds — unlike a
// conditional update, which on FerretDB v1 several concurrent writers can all "win".
// A number is skipped only when its holder died before using it (the caller's `abandoned`).

/** A duplicate key error (E11000): the unique _id (or index) was already taken. */
export const isDuplicateKey = (err: unknown) => (err as { code?: number }).code === 11000;

/**
 * Inserts the claim of `first`, or of the next numbers when the previous one was abandoned (at
 * most `tries` numbers). Returns the number claimed, or null when another writer holds it.
 */
export async function claimNumber(
  first: number,
  insert: (n: number) => Promise<unknown>,
  abandoned: (n: number) => Promise<boolean>,
  tries = 3,
): Promise<number | null> {
  for (let n = first; n < first + tries; n++) {
    try {
      await insert(n);
      return n;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      if (!(await abandoned(n))) return null;
    }
  }
  return null;
}
