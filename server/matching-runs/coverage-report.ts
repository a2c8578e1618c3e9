// Where partnerships cannot fill the gaps: a run's unmet demand added up by area, by UN M49 region
// and sub-region, and by regional grouping (REC / RCP membership in force on the run's date) — a
// signal for donors. Pure: the run's unmet demand and the reference facts come in.
import type { UnmetDemand, UnmetReason } from '../matching/allocate';
import { isActiveOn } from '../reference/groups';
import type { CountryGroupData, ReferenceCountryData } from '../reference/reference.types';
import type { Column } from '../exports/table-writer';

export const coverageDimensions = ['area', 'region', 'subRegion', 'group'] as const;
export type CoverageDimension = (typeof coverageDimensions)[number];

export interface CoverageRow {
  dimension: CoverageDimension;
  /** The area (A1 …), the region or sub-region name, or the group code. */
  key: string;
  /** (country, area) pairs left short. */
  gaps: number;
  countries: number;
  /** Partners wanted and not found, summed. */
  missingPartners: number;
  byReason: Record<UnmetReason, number>;
}

export interface CoverageReport {
  run: number;
  date: string;
  unmet: number;
  rows: CoverageRow[];
}

export function coverageOf(
  run: { n: number; date: string; unmet: readonly UnmetDemand[] },
  countries: readonly ReferenceCountryData[],
  groups: readonly CountryGroupData[],
): CoverageReport {
  const place = new Map(countries.map((c) => [c.iso3, c]));
  const groupsOf = new Map<string, string[]>();
  for (const g of groups) {
    for (const m of g.members)
      if (isActiveOn(m, run.date)) groupsOf.set(m.iso3, [...(groupsOf.get(m.iso3) ?? []), g.code]);
  }
  const rows = new Map<string, CoverageRow & { countrySet: Set<string> }>();
  const add = (dimension: CoverageDimension, key: string | null | undefined, u: UnmetDemand) => {
    if (!key) return;
    const id = `${dimension}|${key}`;
    const row = rows.get(id) ?? {
      dimension,
      key,
      gaps: 0,
      countries: 0,
      missingPartners: 0,
      byReason: { 'no-eligible-provider': 0, 'all-slots-taken': 0, excluded: 0 },
      countrySet: new Set<string>(),
    };
    row.gaps++;
    row.countrySet.add(u.country);
    row.missingPartners += u.wanted - u.assigned;
    row.byReason[u.reason]++;
    rows.set(id, row);
  };
  for (const u of run.unmet) {
    const c = place.get(u.country);
    add('area', u.area, u);
    add('region', c?.region, u);
    add('subRegion', c?.subRegion, u);
    for (const g of groupsOf.get(u.country) ?? []) add('group', g, u);
  }
  const order = (d: CoverageDimension) => coverageDimensions.indexOf(d);
  return {
    run: run.n,
    date: run.date,
    unmet: run.unmet.length,
    rows: [...rows.values()]
      .map(({ countrySet, ...row }) => ({ ...row, countries: countrySet.size }))
      .sort(
        (a, b) =>
          order(a.dimension) - order(b.dimension) || b.missingPartners - a.missingPartners || (a.key < b.key ? -1 : 1),
      ),
  };
}

export const coverageColumns: Column<CoverageRow>[] = [
  { header: 'dimension', value: (r) => r.dimension, width: 12 },
  { header: 'key', value: (r) => r.key, width: 30 },
  { header: 'gaps', value: (r) => r.gaps },
  { header: 'countries', value: (r) => r.countries },
  { header: 'missing_partners', value: (r) => r.missingPartners },
  { header: 'no_eligible_provider', value: (r) => r.byReason['no-eligible-provider'] },
  { header: 'all_slots_taken', value: (r) => r.byReason['all-slots-taken'] },
  { header: 'excluded', value: (r) => r.byReason.excluded },
];
