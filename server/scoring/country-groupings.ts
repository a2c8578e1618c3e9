// Which groups a country falls in, for the aggregate views: UN M49 region and sub-region,
// World Bank income group, UNDP HDI group, REC/RCP memberships on a date, and the round's
// "global South" definition. Pure: the caller passes the reference data.
import { AppError } from '../http/problem';
import { southDefinitions, southStatus, type SouthDefinition, type SouthSettings } from '../reference/global-south';
import { groupsOf } from '../reference/groups';
import type { CountryGroupData, ReferenceCountryData } from '../reference/reference.types';

export const groupingDimensions = ['region', 'subregion', 'income', 'hdi', 'group', 'south'] as const;
export type GroupingDimension = (typeof groupingDimensions)[number];

/** The ?by= of a request, checked: region when absent, 400 naming the parameter when unknown. */
export function dimensionOf(value: unknown): GroupingDimension {
  const by = value ?? 'region';
  if (!(groupingDimensions as readonly unknown[]).includes(by)) {
    throw new AppError('invalidInput', undefined, [
      { field: 'query.by', message: `must be one of ${groupingDimensions.join(', ')}` },
    ]);
  }
  return by as GroupingDimension;
}

/** The ?south= of a request, checked: undefined when absent (the round's own), 400 when unknown. */
export function southDefinitionOf(value: unknown): SouthDefinition | undefined {
  if (value === undefined) return undefined;
  if (!(southDefinitions as readonly unknown[]).includes(value)) {
    throw new AppError('invalidInput', undefined, [
      { field: 'query.south', message: `must be one of ${southDefinitions.join(', ')}` },
    ]);
  }
  return value as SouthDefinition;
}

export interface GroupingContext {
  countries: Map<string, ReferenceCountryData>;
  groups: readonly CountryGroupData[];
  south: { definition: SouthDefinition; settings: SouthSettings };
  /** Memberships are taken on this day (REC and RCP membership changes over time). */
  date: Date;
}

/** Group keys such as "region:Africa", "group:ECOWAS", "south:un-regions:south"; none for unknown countries. */
export function groupKeysOf(iso3: string, dimension: GroupingDimension, ctx: GroupingContext): string[] {
  const c = ctx.countries.get(iso3);
  if (!c) return [];
  switch (dimension) {
    case 'region':
      return c.region ? [`region:${c.region}`] : [];
    case 'subregion':
      return c.subRegion ? [`subregion:${c.subRegion}`] : [];
    case 'income':
      return c.wbIncome ? [`income:${c.wbIncome}`] : [];
    case 'hdi':
      return c.hdiGroup ? [`hdi:${c.hdiGroup}`] : [];
    case 'group':
      return groupsOf(ctx.groups, iso3, ctx.date).map((code) => `group:${code}`);
    case 'south':
      return [`south:${ctx.south.definition}:${southStatus(c, ctx.south.definition, ctx.south.settings)}`];
  }
}
