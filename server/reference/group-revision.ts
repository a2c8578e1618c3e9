// Writing a country group as its next revision, for the admin edits (reference-store.ts) and
// the seed (seed-reference.ts) alike: the revision number is claimed first
// (server/db/revision-claim.ts), so of two concurrent writers from the same revision one
// writes and the other reads the group again and redoes its change on top.
import type { Types } from 'mongoose';
import { claimRevision } from '../db/revision-claim';
import { CountryGroup } from './reference.model';

/**
 * Writes `set` as the revision after `group.revision` and returns the group as written; null if
 * another writer got there first.
 */
export async function writeNextGroupRevision(
  group: { _id: Types.ObjectId; revision: number },
  by: string,
  set: Record<string, unknown>,
) {
  const revision = await claimRevision({
    scope: 'group',
    model: CountryGroup,
    docId: String(group._id),
    current: group.revision,
    by,
  });
  if (revision === null) return null;
  return CountryGroup.findByIdAndUpdate(group._id, { $set: { ...set, revision } }, { returnDocument: 'after' }).lean();
}
