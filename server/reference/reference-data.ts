// Loads the project's reference data (server/reference/data, built by
// scripts/build-reference-data.ts) once, checks it against its schemas and its own
// cross-references, and hands out typed, frozen plain data. The files are imported (not read
// from disk) so that the TypeScript build copies them into dist/ with the code.
import type { Schema } from 'ajv';
import { compileSchema, toFieldErrors } from '../http/ajv';
import corridorsFile from './data/corridors.json';
import countriesFile from './data/countries.json';
import groupingsFile from './data/groupings.json';
import { corridorsFileSchema, countriesFileSchema, groupsFileSchema } from './reference-data.schemas';
import type { CountryGroupData, Corridors, ReferenceCountryData, ReferenceData } from './reference.types';

export class ReferenceDataError extends Error {}

function checked<T>(file: string, data: unknown, schema: Schema): T {
  const check = compileSchema<T>(schema);
  if (!check(data)) {
    const first = toFieldErrors(check.errors, file)
      .slice(0, 5)
      .map((e) => `${e.field} ${e.message}`);
    throw new ReferenceDataError(`server/reference/data/${file} does not match its schema: ${first.join('; ')}`);
  }
  return data;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Checks that every country code used anywhere is a known country. */
function checkReferences(data: ReferenceData): void {
  const known = new Set(data.countries.map((c) => c.iso3));
  if (known.size !== data.countries.length) throw new ReferenceDataError('countries.json lists a country twice');
  const unknown = (where: string, codes: Iterable<string>) => {
    const bad = [...codes].filter((c) => !known.has(c));
    if (bad.length) throw new ReferenceDataError(`${where} names unknown countries: ${bad.join(', ')}`);
  };
  for (const c of data.countries) unknown(`countries.json ${c.iso3} borders`, c.borders);
  for (const g of data.groups) {
    unknown(
      `groupings.json ${g.code}`,
      g.members.map((m) => m.iso3),
    );
    const bad = g.members.find((m) => m.since && m.until && m.until < m.since);
    if (bad) throw new ReferenceDataError(`groupings.json ${g.code} ${bad.iso3}: until is before since`);
  }
  for (const [origin, row] of Object.entries(data.corridors))
    unknown(`corridors.json ${origin}`, [origin, ...Object.keys(row)]);
}

/** Checks raw file contents against the schemas and each other; throws ReferenceDataError. */
export function validateReferenceData(raw: { countries: unknown; groups: unknown; corridors: unknown }): ReferenceData {
  const data: ReferenceData = {
    countries: checked<ReferenceCountryData[]>('countries.json', raw.countries, countriesFileSchema),
    groups: checked<CountryGroupData[]>('groupings.json', raw.groups, groupsFileSchema),
    corridors: checked<Corridors>('corridors.json', raw.corridors, corridorsFileSchema),
  };
  checkReferences(data);
  return data;
}

let cached: ReferenceData | undefined;

/** The reference data, loaded and checked on first use; throws ReferenceDataError if broken. */
export function loadReferenceData(): ReferenceData {
  cached ??= deepFreeze(
    validateReferenceData({ countries: countriesFile, groups: groupingsFile, corridors: corridorsFile }),
  );
  return cached;
}

/** Migrant stock from origin to destination in 2019 (0 when none is recorded). */
export function corridorStock(corridors: Corridors, origin: string, destination: string): number {
  return corridors[origin]?.[destination] ?? 0;
}

/** The facts of a country in a fixed key order, from the file or from a stored document. */
export function countryFacts(c: ReferenceCountryData): ReferenceCountryData {
  return {
    iso3: c.iso3,
    iso2: c.iso2,
    m49: c.m49,
    names: { en: c.names.en, fr: c.names.fr, es: c.names.es },
    region: c.region ?? null,
    subRegion: c.subRegion ?? null,
    intermediateRegion: c.intermediateRegion ?? null,
    ldc: c.ldc,
    lldc: c.lldc,
    sids: c.sids,
    wbRegion: c.wbRegion ?? null,
    wbIncome: c.wbIncome ?? null,
    hdiGroup: c.hdiGroup ?? null,
    hdi: c.hdi ?? null,
    borders: [...c.borders],
    languages: [...c.languages],
  };
}
