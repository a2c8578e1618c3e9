// Writing a country group as its next revision, for the admin edits (reference-store.ts) and
// the seed (seed-reference.ts) alike: the revision number is claimed first
// (server/db/revision-claim.ts), so of two concurrent writers from the same revision one
// writes and the other reads the group again and redoes its change on top.
import type { Types } from 'mongoose';
import { claimRevision } from '../db/revision-claim';
import { CountryGroup } from './reference.model';

/** Writes `set` as the revision after `group.revision`; false if another writer got there first. */
export async function writeNextGroupRevision(group: { _id: Types.ObjectId; revision: number }, by: string, set: Record<string, unknown>): Promise<boolean> {
  const storedRevision = async () => (await CountryGroup.findById(group._id, { revision: 1 }).lean())?.revision ?? 0;
  const revision = await claimRevision({ scope: 'group', docId: String(group._id), current: group.revision, by, storedRevision });
  if (revision === null) return false;
  await CountryGroup.updateOne({ _id: group._id }, { $set: { ...set, revision } });
  return true;
}
