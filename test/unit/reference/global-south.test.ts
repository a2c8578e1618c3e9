// The three "global South" definitions of the concept note, on countries whose answer is known,
// and on the edge cases settled in server/reference/global-south.ts.
import {
  defaultSouthSettings,
  gccMembers,
  isGlobalSouth,
  southDefinitions,
  southStatus,
} from '../../../server/reference/global-south';
import { loadReferenceData } from '../../../server/reference/reference-data';

const data = loadReferenceData();
const country = (iso3: string) => data.countries.find((c) => c.iso3 === iso3)!;
const statuses = (iso3: string) => southDefinitions.map((d) => southStatus(country(iso3), d));

describe('When a country is classified as global South or not', () => {
  it('then Kenya is South under all three definitions', () => {
    expect(statuses('KEN')).toEqual(['south', 'south', 'south']);
  });

  it('then Switzerland is South under none', () => {
    expect(statuses('CHE')).toEqual(['north', 'north', 'north']);
  });

  it('then Japan is North, taken out of Asia by name', () => {
    expect(statuses('JPN')).toEqual(['north', 'north', 'north']);
  });

  it('then Saudi Arabia is South by UN regions but not by World Bank (Gulf state) nor HDI (Very High)', () => {
    expect(statuses('SAU')).toEqual(['south', 'north', 'north']);
  });

  it('then a Gulf state is excluded under World Bank whatever its income group', () => {
    const lowerOman = { ...country('OMN'), wbIncome: 'Upper middle income' as const };
    expect(isGlobalSouth(lowerOman, 'world-bank')).toBe(false);
    expect(isGlobalSouth(lowerOman, 'world-bank', { ...defaultSouthSettings, gulfStates: [] })).toBe(true);
  });

  it('then the Gulf states of the setting are the GCC members of the groupings file', () => {
    expect([...gccMembers]).toEqual(data.groups.find((g) => g.code === 'GCC')!.members.map((m) => m.iso3));
  });

  it('then UN regions follow the reference README literally: only Japan leaves Asia', () => {
    for (const iso3 of ['ISR', 'KOR', 'SGP', 'CYP', 'QAT'])
      expect([iso3, isGlobalSouth(country(iso3), 'un-regions')]).toEqual([iso3, true]);
    expect(isGlobalSouth(country('MEX'), 'un-regions')).toBe(true);
    expect(isGlobalSouth(country('BRB'), 'un-regions')).toBe(true); // Caribbean: Latin America and the Caribbean
    for (const iso3 of ['USA', 'CAN', 'BMU', 'AUS', 'NZL', 'NFK', 'DEU'])
      expect([iso3, isGlobalSouth(country(iso3), 'un-regions')]).toEqual([iso3, false]);
    expect(isGlobalSouth(country('FJI'), 'un-regions')).toBe(true);
  });

  it('then a country with no HDI group is unclassified under UNDP, hence not South', () => {
    expect(country('PRK').hdiGroup).toBeNull();
    expect(southStatus(country('PRK'), 'undp-hdi')).toBe('unclassified');
    expect(isGlobalSouth(country('PRK'), 'undp-hdi')).toBe(false);
    expect(isGlobalSouth(country('PRK'), 'un-regions')).toBe(true);
  });

  it('then Antarctica is unclassified: no M49 region, no income or HDI group', () => {
    expect(statuses('ATA')).toEqual(['unclassified', 'unclassified', 'unclassified']);
  });

  it('then which HDI groups count as South is a setting (default Low and Medium)', () => {
    expect(isGlobalSouth(country('DZA'), 'undp-hdi')).toBe(false); // High
    expect(
      isGlobalSouth(country('DZA'), 'undp-hdi', { ...defaultSouthSettings, hdiSouthGroups: ['Low', 'Medium', 'High'] }),
    ).toBe(true);
    expect(isGlobalSouth(country('NER'), 'undp-hdi')).toBe(true); // Low
  });
});
