// The reference facts matching needs, indexed once per run: per country its M49 places, borders,
// official languages, income and HDI groups, South status under the round's definition, and the
// groups it belongs to on the round's date. Scoring a pair then costs a few lookups, which
// matters with hundreds of thousands of pairs. Pure: the caller passes the reference data (the
// bundled files or the organizer-edited groups from the database) and the date.
import { isGlobalSouth } from '../reference/global-south';
import { isActiveOn, isoDay } from '../reference/groups';
import {
  hdiGroups,
  wbIncomeGroups,
  type CountryGroupData,
  type Corridors,
  type HdiGroup,
  type ReferenceCountryData,
  type WbIncome,
} from '../reference/reference.types';
import type { MatchingSettings } from './matching-settings';

export interface CountryFacts {
  iso3: string;
  region: string | null;
  subRegion: string | null;
  intermediateRegion: string | null;
  borders: ReadonlySet<string>;
  /** Official languages, ISO 639-3. */
  languages: readonly string[];
  income: WbIncome | null;
  hdiGroup: HdiGroup | null;
  /** Position in the ordered income / HDI groups, -1 when unknown. */
  incomeRank: number;
  hdiRank: number;
  south: boolean;
  /** Codes of the groups of the counted types it belongs to on the round's date, sorted. */
  groups: readonly string[];
}

export interface MatchingReference {
  countries: readonly ReferenceCountryData[];
  groups: readonly CountryGroupData[];
  corridors: Corridors;
}

export interface MatchingContext {
  settings: MatchingSettings;
  /** The round's date (YYYY-MM-DD): group memberships in force that day count. */
  date: string;
  countries: ReadonlyMap<string, CountryFacts>;
  corridors: Corridors;
  /** Σ of the weights: the score is 100 × Σ w·raw ÷ this. */
  weightSum: number;
}

export function buildMatchingContext(
  reference: MatchingReference,
  date: Date | string,
  settings: MatchingSettings,
): MatchingContext {
  const day = isoDay(date);
  const counted = reference.groups.filter((g) => settings.groupTypes.includes(g.type));
  const groupsByCountry = new Map<string, string[]>();
  for (const g of counted) {
    for (const m of g.members) {
      if (!isActiveOn(m, day)) continue;
      const list = groupsByCountry.get(m.iso3) ?? [];
      if (!list.includes(g.code)) list.push(g.code);
      groupsByCountry.set(m.iso3, list);
    }
  }
  const countries = new Map<string, CountryFacts>();
  for (const c of reference.countries) {
    countries.set(c.iso3, {
      iso3: c.iso3,
      region: c.region,
      subRegion: c.subRegion,
      intermediateRegion: c.intermediateRegion,
      borders: new Set(c.borders),
      languages: [...c.languages].sort(),
      income: c.wbIncome,
      hdiGroup: c.hdiGroup,
      incomeRank: c.wbIncome === null ? -1 : wbIncomeGroups.indexOf(c.wbIncome),
      hdiRank: c.hdiGroup === null ? -1 : hdiGroups.indexOf(c.hdiGroup),
      south: isGlobalSouth(c, settings.southDefinition, settings.south),
      groups: (groupsByCountry.get(c.iso3) ?? []).sort(),
    });
  }
  const weightSum = Object.values(settings.weights).reduce((s, w) => s + w, 0);
  return { settings, date: day, countries, corridors: reference.corridors, weightSum };
}

/** The facts of a country; a code the reference data does not know is a caller's mistake. */
export function factsOf(ctx: MatchingContext, iso3: string): CountryFacts {
  const facts = ctx.countries.get(iso3);
  if (!facts) throw new RangeError(`unknown country ${iso3}: not in the reference data`);
  return facts;
}
