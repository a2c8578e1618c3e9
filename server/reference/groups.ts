// Pure helpers over group memberships (RECs, RCPs, regional organisations), for scoring
// aggregates and partnership matching. They take the groups as plain data — the bundled file
// (loadReferenceData().groups) or the organizer-edited copy in the database (listGroups()) — so
// they are testable without I/O and the caller decides which copy counts.
import type { CountryGroupData, GroupMembership } from './reference.types';

/** An ISO calendar date (YYYY-MM-DD) for a Date or a date string; today (UTC) when omitted. */
export function isoDay(date?: Date | string): string {
  if (date === undefined) return new Date().toISOString().slice(0, 10);
  if (typeof date === 'string') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
    return date;
  }
  if (Number.isNaN(date.getTime())) throw new RangeError('invalid Date');
  return date.toISOString().slice(0, 10);
}

/**
 * Whether a membership is in force on a day: since ≤ day < until. `until` is the day the
 * country is out (Burkina Faso, Mali and Niger left ECOWAS on 2025-01-29: not members that day).
 * ISO dates compare correctly as strings.
 */
export function isActiveOn(member: Pick<GroupMembership, 'since' | 'until'>, day: string): boolean {
  return (!member.since || member.since <= day) && (!member.until || day < member.until);
}

/** Codes of the groups a country belongs to on a date (default today), sorted. */
export function groupsOf(groups: readonly CountryGroupData[], iso3: string, date?: Date | string): string[] {
  const day = isoDay(date);
  return groups
    .filter((g) => g.members.some((m) => m.iso3 === iso3 && isActiveOn(m, day)))
    .map((g) => g.code)
    .sort();
}

/** Codes of the groups both countries belong to on a date (for "shares EAC and IGAD"). */
export function sharedGroups(
  groups: readonly CountryGroupData[],
  a: string,
  b: string,
  date?: Date | string,
): string[] {
  const ofB = new Set(groupsOf(groups, b, date));
  return groupsOf(groups, a, date).filter((code) => ofB.has(code));
}

/** Members of a group on a date (default today), sorted. */
export function membersOf(group: CountryGroupData, date?: Date | string): string[] {
  const day = isoDay(date);
  return group.members
    .filter((m) => isActiveOn(m, day))
    .map((m) => m.iso3)
    .sort();
}
