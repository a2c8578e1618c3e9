// Brings the reference data in MongoDB in line with the bundled files at every start
// (server/main.ts), idempotently: a second run writes nothing. Countries follow the files.
// Group memberships follow the files too, except where an admin has edited them: a membership
// with editedBy is kept as edited, and one an admin removed (a tombstone in `removed`) is not
// brought back. Several instances may start at once: duplicate inserts are ignored and a group
// is written as its next revision only by the one that claims it (group-revision.ts).
import { writeNextGroupRevision } from './group-revision';
import { isDuplicateKey } from '../db/claim-number';
import { countryFacts, loadReferenceData } from './reference-data';
import { CountryGroup, ReferenceCountry } from './reference.model';
import type { CountryGroupData, ReferenceCountryData, ReferenceData } from './reference.types';

export interface SeedSummary {
  countriesAdded: number;
  countriesUpdated: number;
  groupsAdded: number;
  groupsUpdated: number;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function isDuplicateKeyOnly(err: unknown): boolean {
  if (isDuplicateKey(err)) return true;
  const { writeErrors } = err as { writeErrors?: unknown[] };
  return Array.isArray(writeErrors) && writeErrors.length > 0 && writeErrors.every(isDuplicateKey);
}

async function insertIgnoringDuplicates(
  insert: (options: { ordered: false }) => Promise<unknown>,
  count: number,
): Promise<number> {
  if (!count) return 0;
  try {
    await insert({ ordered: false });
    return count;
  } catch (err) {
    if (!isDuplicateKeyOnly(err)) throw err;
    const e = err as { insertedDocs?: unknown[]; result?: { insertedCount?: number } };
    return e.result?.insertedCount ?? e.insertedDocs?.length ?? 0;
  }
}

async function seedCountries(
  countries: readonly ReferenceCountryData[],
): Promise<Pick<SeedSummary, 'countriesAdded' | 'countriesUpdated'>> {
  const stored = new Map((await ReferenceCountry.find().lean()).map((c) => [c.iso3, c]));
  const missing = countries.filter((c) => !stored.has(c.iso3)).map(countryFacts);
  const changed = countries.filter((c) => {
    const s = stored.get(c.iso3);
    return s && !same(countryFacts(s as unknown as ReferenceCountryData), countryFacts(c));
  });
  if (changed.length) {
    await ReferenceCountry.bulkWrite(
      changed.map((c) => ({ updateOne: { filter: { iso3: c.iso3 }, update: { $set: countryFacts(c) } } })),
    );
  }
  return {
    countriesAdded: await insertIgnoringDuplicates((o) => ReferenceCountry.insertMany(missing, o), missing.length),
    countriesUpdated: changed.length,
  };
}

interface StoredMember {
  iso3: string;
  since?: string | null;
  until?: string | null;
  editedBy?: string | null;
  editedAt?: Date | null;
}

/** The members a group should have: edited ones as they are, the others as in the file. */
export function mergeMembers(
  file: CountryGroupData,
  stored: readonly StoredMember[],
  removed: readonly { iso3: string }[],
): StoredMember[] {
  const inFile = new Map(file.members.map((m) => [m.iso3, m]));
  const tombstones = new Set(removed.map((r) => r.iso3));
  const kept: StoredMember[] = [];
  for (const m of stored) {
    if (m.editedBy) kept.push(m);
    else if (inFile.has(m.iso3) && !tombstones.has(m.iso3)) kept.push({ ...inFile.get(m.iso3)! });
  }
  const present = new Set(kept.map((m) => m.iso3));
  for (const m of file.members) if (!present.has(m.iso3) && !tombstones.has(m.iso3)) kept.push({ ...m });
  return kept.sort((a, b) => (a.iso3 < b.iso3 ? -1 : 1));
}

const plainMember = ({ iso3, since, until, editedBy, editedAt }: StoredMember) => ({
  iso3,
  since: since ?? undefined,
  until: until ?? undefined,
  editedBy: editedBy ?? undefined,
  editedAt: editedAt ? new Date(editedAt).toISOString() : undefined,
});

type StoredGroup = NonNullable<Awaited<ReturnType<typeof findStoredGroup>>>;

const findStoredGroup = (code: string) => CountryGroup.findOne({ code }).lean();

/** `stored` is the group as read with all the others (undefined: not in the database yet). */
async function seedGroup(
  file: CountryGroupData,
  stored: StoredGroup | undefined,
): Promise<'added' | 'updated' | 'unchanged'> {
  for (let attempt = 0; attempt < 5; attempt++) {
    if (attempt > 0) stored = (await findStoredGroup(file.code)) ?? undefined; // someone else wrote it meanwhile
    if (!stored) {
      const doc = { code: file.code, name: file.name, type: file.type, members: file.members };
      const added = await insertIgnoringDuplicates((o) => CountryGroup.insertMany([doc], o), 1);
      if (added) return 'added';
      continue; // another instance inserted it meanwhile: merge into theirs
    }
    const members = mergeMembers(file, stored.members, stored.removed);
    if (
      stored.name === file.name &&
      stored.type === file.type &&
      same(members.map(plainMember), stored.members.map(plainMember))
    )
      return 'unchanged';
    if (await writeNextGroupRevision(stored, 'seed', { name: file.name, type: file.type, members })) return 'updated';
  }
  throw new Error(`reference seed: group ${file.code} kept changing while seeding`);
}

/** Inserts or refreshes the reference data in the database; returns what it changed. */
export async function seedReferenceData(data: ReferenceData = loadReferenceData()): Promise<SeedSummary> {
  const summary: SeedSummary = { ...(await seedCountries(data.countries)), groupsAdded: 0, groupsUpdated: 0 };
  const stored = new Map((await CountryGroup.find().lean()).map((g) => [g.code, g]));
  for (const group of data.groups) {
    const outcome = await seedGroup(group, stored.get(group.code));
    if (outcome === 'added') summary.groupsAdded++;
    if (outcome === 'updated') summary.groupsUpdated++;
  }
  return summary;
}
