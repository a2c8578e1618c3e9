// The shapes of the project's own reference data (server/reference/data/*.json), shared by the
// build script that writes the files, the loader that checks them, the database models and the
// pure helpers (global South, groupings). Plain data only: no mongoose, no I/O.

export const wbIncomeGroups = ['Low income', 'Lower middle income', 'Upper middle income', 'High income'] as const;
export type WbIncome = (typeof wbIncomeGroups)[number];

export const hdiGroups = ['Very High', 'High', 'Medium', 'Low'] as const;
export type HdiGroup = (typeof hdiGroups)[number];

// Types present in groupings.csv; the build stops on a new one so that it is added here knowingly.
export const groupTypes = ['rec', 'rcp', 'regional_org'] as const;
export type GroupType = (typeof groupTypes)[number];

export interface CountryNames {
  en: string;
  fr: string;
  es: string;
}

export interface ReferenceCountryData {
  iso3: string;
  iso2: string;
  /** UN M49 numeric code as UNSD writes it, three digits ("004"). */
  m49: string;
  names: CountryNames;
  /** UN M49 region, sub-region and intermediate region; null where M49 has none (Antarctica). */
  region: string | null;
  subRegion: string | null;
  intermediateRegion: string | null;
  ldc: boolean;
  lldc: boolean;
  sids: boolean;
  wbRegion: string | null;
  wbIncome: WbIncome | null;
  hdiGroup: HdiGroup | null;
  /** UNDP HDI value for 2022 (0–1). */
  hdi: number | null;
  /** ISO 3166 alpha-3 codes of land neighbours (only those present in the country list), sorted. */
  borders: string[];
  /** ISO 639-3 codes of official languages, sorted. */
  languages: string[];
}

/** One membership. Dates are ISO calendar dates; a member is active on d when since ≤ d < until. */
export interface GroupMembership {
  iso3: string;
  since?: string;
  until?: string;
}

export interface CountryGroupData {
  code: string;
  name: string;
  type: GroupType;
  members: GroupMembership[];
}

/** International migrant stock in 2019: corridors[origin][destination] = persons (> 0). */
export type Corridors = Record<string, Record<string, number>>;

export interface ReferenceData {
  countries: ReferenceCountryData[];
  groups: CountryGroupData[];
  corridors: Corridors;
}
