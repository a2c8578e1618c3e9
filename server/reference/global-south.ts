// The three "global South" definitions of the concept note, as pure functions over a country's
// reference record, for scoring aggregates and the matching term "both in the South". Each
// follows ../shared/reference/README.md literally; ambiguous cases are settled here, once:
//
// 'un-regions'  Africa; Americas except the M49 sub-region Northern America (USA, Canada and
//               Bermuda, Greenland, Saint Pierre and Miquelon); Asia except Japan; Oceania except
//               the M49 sub-region "Australia and New Zealand" (which also holds Australia's
//               external territories). Only Japan is taken out of Asia: Israel, the Republic of
//               Korea, Singapore, the Gulf states and Cyprus (M49 Western Asia) count as South
//               under this definition. Europe is never South. No M49 region (Antarctica):
//               unclassified.
// 'world-bank'  Low, Lower middle and Upper middle income, the Gulf states excluded (the GCC
//               members, a setting) whatever their income group. No income group: unclassified.
// 'undp-hdi'    The HDI groups listed in the settings (default Low and Medium). No HDI group
//               (territories UNDP does not rank): unclassified.
//
// "Unclassified" is not South: isGlobalSouth answers false, southStatus says why, so that
// aggregates can report such countries apart instead of counting them as North.
import type { HdiGroup, ReferenceCountryData, WbIncome } from './reference.types';

export const southDefinitions = ['un-regions', 'world-bank', 'undp-hdi'] as const;
export type SouthDefinition = (typeof southDefinitions)[number];

export interface SouthSettings {
  /** HDI groups counted as South under 'undp-hdi'. */
  hdiSouthGroups: readonly HdiGroup[];
  /** ISO3 codes excluded from the South under 'world-bank' (the Gulf states). */
  gulfStates: readonly string[];
}

// The Gulf Cooperation Council's members, as in groupings.json (a unit test keeps them equal).
export const gccMembers = ['ARE', 'BHR', 'KWT', 'OMN', 'QAT', 'SAU'] as const;

export const defaultSouthSettings: SouthSettings = { hdiSouthGroups: ['Low', 'Medium'], gulfStates: gccMembers };

export type SouthStatus = 'south' | 'north' | 'unclassified';

type Classified = Pick<ReferenceCountryData, 'iso3' | 'region' | 'subRegion' | 'wbIncome' | 'hdiGroup'>;

const southIncomes: readonly WbIncome[] = ['Low income', 'Lower middle income', 'Upper middle income'];

export function southStatus(
  country: Classified,
  definition: SouthDefinition,
  settings: SouthSettings = defaultSouthSettings,
): SouthStatus {
  const yes = (south: boolean): SouthStatus => (south ? 'south' : 'north');
  switch (definition) {
    case 'un-regions':
      switch (country.region) {
        case null:
          return 'unclassified';
        case 'Africa':
          return 'south';
        case 'Americas':
          return yes(country.subRegion !== 'Northern America');
        case 'Asia':
          return yes(country.iso3 !== 'JPN');
        case 'Oceania':
          return yes(country.subRegion !== 'Australia and New Zealand');
        default:
          return 'north';
      }
    case 'world-bank':
      if (settings.gulfStates.includes(country.iso3)) return 'north';
      return country.wbIncome === null ? 'unclassified' : yes(southIncomes.includes(country.wbIncome));
    case 'undp-hdi':
      return country.hdiGroup === null ? 'unclassified' : yes(settings.hdiSouthGroups.includes(country.hdiGroup));
  }
}

/** True when the country is in the global South under the definition (unclassified → false). */
export function isGlobalSouth(
  country: Classified,
  definition: SouthDefinition,
  settings: SouthSettings = defaultSouthSettings,
): boolean {
  return southStatus(country, definition, settings) === 'south';
}
