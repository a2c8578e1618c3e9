// Turns the shared reference CSVs (../shared/reference) and the world-countries package into the
// project's own data files (server/reference/data). Pure: inputs in, file texts out, so the
// output is the same byte for byte on every run (sorted rows and keys, fixed field order) and
// the tests can compare it with the committed files.
import { createHash } from 'node:crypto';
import {
  groupTypes,
  hdiGroups,
  wbIncomeGroups,
  type CountryGroupData,
  type Corridors,
  type GroupMembership,
  type GroupType,
  type HdiGroup,
  type ReferenceCountryData,
  type WbIncome,
} from '../../server/reference/reference.types';
import { validateReferenceData } from '../../server/reference/reference-data';
import { parseCsvRecords } from './csv-parse';

export interface WorldCountry {
  cca3: string;
  borders?: string[];
  languages?: Record<string, string>;
}

export interface BuildInputs {
  /** File name → text, for countries.csv, groupings.csv, corridors_2019.csv. */
  csv: Record<'countries.csv' | 'groupings.csv' | 'corridors_2019.csv', string>;
  worldCountries: WorldCountry[];
  worldCountriesVersion: string;
}

export class ReferenceBuildError extends Error {}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const fail = (where: string, message: string): never => {
  throw new ReferenceBuildError(`${where}: ${message}`);
};

function flag(value: string, where: string): boolean {
  if (value === 'True') return true;
  if (value === 'False') return false;
  return fail(where, `expected True or False, got ${JSON.stringify(value)}`);
}

function oneOf<T extends string>(value: string, allowed: readonly T[], where: string): T | null {
  if (value === '') return null;
  return (allowed as readonly string[]).includes(value)
    ? (value as T)
    : fail(where, `unknown value ${JSON.stringify(value)}`);
}

// Some membership dates are known to the year only ("2018"): stored as 1 January of that year.
function isoDate(value: string, where: string): string | undefined {
  if (value === '') return undefined;
  if (/^\d{4}$/.test(value)) return `${value}-01-01`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))) return value;
  return fail(where, `not a date: ${JSON.stringify(value)}`);
}

export function buildCountries(csv: string, world: WorldCountry[]): ReferenceCountryData[] {
  const rows = parseCsvRecords(csv, [
    'iso3',
    'iso2',
    'm49',
    'name_en',
    'name_fr',
    'name_es',
    'm49_region',
    'm49_sub_region',
    'm49_intermediate_region',
    'is_ldc',
    'is_lldc',
    'is_sids',
    'wb_region',
    'wb_income',
    'hdi_group_2022',
    'hdi_2022',
  ]);
  const known = new Set(rows.map((r) => r.iso3));
  const worldBy = new Map(world.map((c) => [c.cca3, c]));
  const countries = rows.map((r): ReferenceCountryData => {
    const where = `countries.csv ${r.iso3}`;
    if (!/^[A-Z]{3}$/.test(r.iso3)) fail(where, 'iso3 is not three capital letters');
    if (!/^\d{1,3}$/.test(r.m49)) fail(where, `bad M49 code ${r.m49}`);
    const hdi = r.hdi_2022 === '' ? null : Number(r.hdi_2022);
    if (hdi !== null && !(hdi >= 0 && hdi <= 1)) fail(where, `bad HDI ${r.hdi_2022}`);
    const wc = worldBy.get(r.iso3);
    return {
      iso3: r.iso3,
      iso2: r.iso2,
      m49: r.m49.padStart(3, '0'),
      names: { en: r.name_en, fr: r.name_fr, es: r.name_es },
      region: r.m49_region || null,
      subRegion: r.m49_sub_region || null,
      intermediateRegion: r.m49_intermediate_region || null,
      ldc: flag(r.is_ldc, `${where} is_ldc`),
      lldc: flag(r.is_lldc, `${where} is_lldc`),
      sids: flag(r.is_sids, `${where} is_sids`),
      wbRegion: r.wb_region || null,
      wbIncome: oneOf<WbIncome>(r.wb_income, wbIncomeGroups, `${where} wb_income`),
      hdiGroup: oneOf<HdiGroup>(r.hdi_group_2022, hdiGroups, `${where} hdi_group_2022`),
      hdi,
      // Neighbours outside the list (Kosovo, UNK, is not in M49) are left out, and so is a border
      // only one side lists (world-countries 5.1.0 gives Sri Lanka a land border with India).
      borders: [...new Set(wc?.borders ?? [])]
        .filter((b) => known.has(b) && (worldBy.get(b)?.borders ?? []).includes(r.iso3))
        .sort(byString),
      languages: Object.keys(wc?.languages ?? {}).sort(byString),
    };
  });
  if (known.size !== rows.length) fail('countries.csv', 'duplicate iso3');
  return countries.sort((a, b) => byString(a.iso3, b.iso3));
}

export function buildGroups(csv: string, known: Set<string>): CountryGroupData[] {
  const rows = parseCsvRecords(csv, ['group_code', 'group_name', 'group_type', 'iso3', 'member_since', 'member_until']);
  const groups = new Map<string, CountryGroupData>();
  rows.forEach((r, i) => {
    const where = `groupings.csv row ${i + 2} (${r.group_code} ${r.iso3})`;
    if (!known.has(r.iso3)) fail(where, 'country not in countries.csv');
    const type =
      oneOf<GroupType>(r.group_type, groupTypes, `${where} group_type`) ?? fail(where, 'group_type is blank');
    let group = groups.get(r.group_code);
    if (!group) {
      group = { code: r.group_code, name: r.group_name, type, members: [] };
      groups.set(r.group_code, group);
    } else if (group.name !== r.group_name || group.type !== type) {
      fail(where, "name or type differs from the group's first row");
    }
    if (group.members.some((m) => m.iso3 === r.iso3)) fail(where, 'member listed twice');
    const member: GroupMembership = { iso3: r.iso3 };
    const since = isoDate(r.member_since, `${where} member_since`);
    const until = isoDate(r.member_until, `${where} member_until`);
    if (since) member.since = since;
    if (until) member.until = until;
    if (since && until && until < since) fail(where, 'member_until is before member_since');
    group.members.push(member);
  });
  const sorted = [...groups.values()].sort((a, b) => byString(a.code, b.code));
  for (const g of sorted) g.members.sort((a, b) => byString(a.iso3, b.iso3));
  return sorted;
}

export function buildCorridors(csv: string, known: Set<string>): Corridors {
  const rows = parseCsvRecords(csv, ['origin_iso3', 'destination_iso3', 'migrant_stock_2019']);
  const pairs = new Map<string, Map<string, number>>();
  rows.forEach((r, i) => {
    const where = `corridors_2019.csv row ${i + 2}`;
    if (!known.has(r.origin_iso3) || !known.has(r.destination_iso3)) fail(where, 'country not in countries.csv');
    if (!/^\d+$/.test(r.migrant_stock_2019)) fail(where, `bad stock ${r.migrant_stock_2019}`);
    const stock = Number(r.migrant_stock_2019);
    if (stock === 0) return; // zero pairs carry no information
    const row = pairs.get(r.origin_iso3) ?? new Map<string, number>();
    if (row.has(r.destination_iso3)) fail(where, 'pair listed twice');
    pairs.set(r.origin_iso3, row.set(r.destination_iso3, stock));
  });
  const corridors: Corridors = {};
  for (const origin of [...pairs.keys()].sort(byString)) {
    const row = pairs.get(origin)!;
    corridors[origin] = Object.fromEntries([...row.keys()].sort(byString).map((d) => [d, row.get(d)!]));
  }
  return corridors;
}

/** JSON with one array element or object member per line: compact, yet diffs stay readable. */
export function formatJson(value: unknown[] | Record<string, unknown>): string {
  const lines = Array.isArray(value)
    ? value.map((v) => JSON.stringify(v))
    : Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  return `${open}\n${lines.join(',\n')}\n${close}\n`;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Builds every file of server/reference/data: name → content. */
export function buildReferenceFiles(inputs: BuildInputs): Record<string, string> {
  const countries = buildCountries(inputs.csv['countries.csv'], inputs.worldCountries);
  const known = new Set(countries.map((c) => c.iso3));
  const groups = buildGroups(inputs.csv['groupings.csv'], known);
  const corridors = buildCorridors(inputs.csv['corridors_2019.csv'], known);
  // The same check the service runs on these files at start: a build never writes files it would refuse.
  validateReferenceData({ countries, groups, corridors });
  const files: Record<string, string> = {
    'countries.json': formatJson(countries),
    'groupings.json': formatJson(groups),
    'corridors.json': formatJson(corridors),
  };
  files['SOURCES.md'] = sourcesMarkdown(inputs, { countries, groups, corridors });
  return files;
}

function sourcesMarkdown(
  inputs: BuildInputs,
  data: { countries: ReferenceCountryData[]; groups: CountryGroupData[]; corridors: Corridors },
): string {
  const listed = new Map(inputs.worldCountries.map((c) => [c.cca3, c.borders ?? []]));
  const oneSided = inputs.worldCountries
    .flatMap((c) =>
      (c.borders ?? []).filter((b) => listed.has(b) && !listed.get(b)!.includes(c.cca3)).map((b) => `${c.cca3}–${b}`),
    )
    .sort(byString);
  const memberships = data.groups.reduce((n, g) => n + g.members.length, 0);
  const pairs = Object.values(data.corridors).reduce((n, row) => n + Object.keys(row).length, 0);
  const yearOnly = parseCsvRecords(inputs.csv['groupings.csv'], [])
    .filter((r) => /^\d{4}$/.test(r.member_since) || /^\d{4}$/.test(r.member_until))
    .map((r) => `${r.group_code} ${r.iso3}`)
    .sort(byString);
  return `# Sources of the reference data

Generated by \`scripts/build-reference-data.ts\`; do not edit these files by hand (organizers edit
group memberships through the API, which the service keeps in its database).

| file | contents | sources |
|---|---|---|
| countries.json | ${data.countries.length} countries and territories: ISO 3166 alpha-3/alpha-2, UN M49 code, names in English, French and Spanish, M49 region / sub-region / intermediate region, LDC / LLDC / SIDS flags, World Bank region and income group, UNDP HDI group and HDI value (2022), land borders, official languages (ISO 639-3) | UN Statistics Division, *Standard country or area codes for statistical use* (M49): names, geoscheme, LDC/LLDC/SIDS; World Bank country metadata and income classification (as published mid-2026); UNDP *Human Development Report 2023/2024* composite indices (HDI 2022; groups Very High, High, Medium, Low; blank where UNDP publishes none); borders and languages from the \`world-countries\` npm package |
| groupings.json | ${data.groups.length} groupings (${groupTypes.join(', ')}), ${memberships} memberships with \`since\`/\`until\` where a change is known | treaty and secretariat membership lists of the Regional Economic Communities, other regional organisations and Regional Consultative Processes on migration, as of late 2025 (ECOWAS exit of Burkina Faso, Mali and Niger effective 29 January 2025) |
| corridors.json | ${pairs} origin → destination pairs, \`{"origin": {"destination": persons}}\` | UN DESA Population Division, *International Migrant Stock 2019*, by country of origin and destination (zero pairs left out; figures are estimates) |

- \`world-countries\` ${inputs.worldCountriesVersion} (https://github.com/mledoze/countries), licensed under the
  Open Database License (ODbL) 1.0: fields \`cca3\`, \`borders\` and \`languages\`. Neighbours that are not
  in the M49 list (Kosovo, \`UNK\`) are left out, and a land border is kept only when both countries
  list each other (this drops ${oneSided.join(', ') || 'nothing'}).
- A membership is active on a date d when \`since\` ≤ d < \`until\` (a country that left on 2025-01-29 is
  no longer a member that day). Dates the sources give to the year only are stored as 1 January of
  that year: ${yearOnly.join(', ') || 'none'}.

## Rebuilding

\`\`\`sh
npx tsx scripts/build-reference-data.ts                 # reads ../shared/reference
npx tsx scripts/build-reference-data.ts --from <dir>    # or another copy of the CSVs
npx tsx scripts/build-reference-data.ts --check         # exit 1 if the files here are stale
\`\`\`

The output is deterministic: rebuilding from the same inputs gives identical files. Inputs of
this build (SHA-256):

| input | sha256 |
|---|---|
${(['countries.csv', 'groupings.csv', 'corridors_2019.csv'] as const).map((f) => `| ${f} | \`${sha256(inputs.csv[f])}\` |`).join('\n')}
| world-countries ${inputs.worldCountriesVersion} | \`${sha256(JSON.stringify(inputs.worldCountries.map((c) => [c.cca3, c.borders ?? [], c.languages ?? {}])))}\` |
`;
}
