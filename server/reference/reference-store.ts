// Reading the reference data from the database, and the admin edits of group memberships.
// Edits are read-modify-write of the group's next revision (group-revision.ts; FerretDB has
// neither transactions nor positional array updates), and record who made them and when; such edits
// survive every later seed (see seed-reference.ts).
import { AppError } from '../http/problem';
import { writeNextGroupRevision } from './group-revision';
import { isActiveOn, isoDay } from './groups';
import { CountryGroup, ReferenceCountry } from './reference.model';
import type { CountryGroupData, GroupType, ReferenceCountryData } from './reference.types';
import { countryFacts } from './reference-data';

export interface MemberView {
  iso3: string;
  since?: string;
  until?: string;
  /** In force today. */
  active: boolean;
  editedBy?: string;
  editedAt?: string;
}

export interface GroupView {
  code: string;
  name: string;
  type: GroupType;
  members: MemberView[];
  /** Memberships an admin removed (kept so that the seed does not bring them back). */
  removed: { iso3: string; editedBy: string; editedAt: string }[];
  updatedAt?: string;
}

type StoredGroup = NonNullable<Awaited<ReturnType<typeof findGroup>>>;

function findGroup(code: string) {
  return CountryGroup.findOne({ code }).lean();
}

function groupView(g: StoredGroup, today = isoDay()): GroupView {
  return {
    code: g.code,
    name: g.name,
    type: g.type as GroupType,
    members: g.members.map((m) => ({
      iso3: m.iso3,
      ...(m.since ? { since: m.since } : {}),
      ...(m.until ? { until: m.until } : {}),
      active: isActiveOn({ since: m.since ?? undefined, until: m.until ?? undefined }, today),
      ...(m.editedBy ? { editedBy: m.editedBy, editedAt: m.editedAt?.toISOString() } : {}),
    })),
    removed: g.removed.map((r) => ({ iso3: r.iso3, editedBy: r.editedBy, editedAt: r.editedAt.toISOString() })),
    updatedAt: g.updatedAt?.toISOString(),
  };
}

/** Countries sorted by ISO3; `region` matches an M49 region, sub-region or intermediate region. */
export async function listCountries(region?: string): Promise<ReferenceCountryData[]> {
  const filter = region ? { $or: [{ region }, { subRegion: region }, { intermediateRegion: region }] } : {};
  const stored = await ReferenceCountry.find(filter).sort({ iso3: 1 }).lean();
  return stored.map((c) => countryFacts(c as unknown as ReferenceCountryData));
}

export async function getCountry(iso3: string): Promise<ReferenceCountryData> {
  const stored = await ReferenceCountry.findOne({ iso3 }).lean();
  if (!stored) throw new AppError('notFound', `No country ${iso3}`);
  return countryFacts(stored as unknown as ReferenceCountryData);
}

/** A country's memberships (past, present and future), sorted by group code. */
export async function membershipsOf(
  iso3: string,
): Promise<(Omit<MemberView, 'iso3'> & { code: string; name: string; type: GroupType })[]> {
  const groups = await CountryGroup.find({ 'members.iso3': iso3 }).sort({ code: 1 }).lean();
  return groups.flatMap((g) =>
    groupView(g)
      .members.filter((m) => m.iso3 === iso3)
      .map(({ iso3: _, ...m }) => ({ code: g.code, name: g.name, type: g.type as GroupType, ...m })),
  );
}

export async function listGroups(): Promise<GroupView[]> {
  const groups = await CountryGroup.find().sort({ code: 1 }).lean();
  return groups.map((g) => groupView(g));
}

export async function getGroup(code: string): Promise<GroupView> {
  const g = await findGroup(code);
  if (!g) throw new AppError('notFound', `No group ${code}`);
  return groupView(g);
}

/** The groups as plain data for groupsOf/sharedGroups, admins' edits included. */
export async function currentGroups(): Promise<CountryGroupData[]> {
  const groups = await CountryGroup.find().sort({ code: 1 }).lean();
  return groups.map((g) => ({
    code: g.code,
    name: g.name,
    type: g.type as GroupType,
    members: g.members.map((m) => ({
      iso3: m.iso3,
      ...(m.since ? { since: m.since } : {}),
      ...(m.until ? { until: m.until } : {}),
    })),
  }));
}

interface EditedMembers {
  members: {
    iso3: string;
    since?: string | null;
    until?: string | null;
    editedBy?: string | null;
    editedAt?: Date | null;
  }[];
  removed: { iso3: string; editedBy: string; editedAt: Date }[];
}

type Edit = (g: StoredGroup, editedAt: Date) => EditedMembers;

/** Applies an edit to a group's members, retrying if someone else changed the group meanwhile. */
async function editGroup(code: string, editedBy: string, edit: Edit): Promise<GroupView> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const g = await findGroup(code);
    if (!g) throw new AppError('notFound', `No group ${code}`);
    const { members, removed } = edit(g, new Date());
    const written = await writeNextGroupRevision(g, editedBy, { members, removed });
    if (written) return groupView(written);
  }
  throw new AppError('conflict', `Group ${code} is being edited by someone else; try again`);
}

export interface MembershipInput {
  since?: string;
  until?: string;
}

/** Adds a membership or replaces its dates; `created` tells which. */
export async function putMembership(
  code: string,
  iso3: string,
  input: MembershipInput,
  editedBy: string,
): Promise<{ created: boolean; group: GroupView }> {
  if (!(await ReferenceCountry.exists({ iso3 }))) throw new AppError('notFound', `No country ${iso3}`);
  let created = false;
  const group = await editGroup(code, editedBy, (g, editedAt) => {
    created = !g.members.some((m) => m.iso3 === iso3);
    const member = { iso3, since: input.since, until: input.until, editedBy, editedAt };
    return {
      members: [...g.members.filter((m) => m.iso3 !== iso3), member].sort((a, b) => (a.iso3 < b.iso3 ? -1 : 1)),
      removed: g.removed.filter((r) => r.iso3 !== iso3),
    };
  });
  return { created, group };
}

/** Removes a membership, leaving a tombstone so the seed does not restore it. */
export async function deleteMembership(code: string, iso3: string, editedBy: string): Promise<GroupView> {
  return editGroup(code, editedBy, (g, editedAt) => {
    if (!g.members.some((m) => m.iso3 === iso3)) throw new AppError('notFound', `${iso3} is not a member of ${code}`);
    return {
      members: g.members.filter((m) => m.iso3 !== iso3),
      removed: [...g.removed.filter((r) => r.iso3 !== iso3), { iso3, editedBy, editedAt }],
    };
  });
}
