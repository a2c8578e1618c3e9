// The committed data files (server/reference/data): they load and check, they refer only to
// known countries, they hold the facts the matching explanations quote, and they are exactly
// what the build script makes from the shared CSVs (when those are at hand).
import worldCountriesData from 'world-countries';
import worldCountriesPackage from 'world-countries/package.json';
import fs from 'node:fs';
import path from 'node:path';
import { buildReferenceFiles, type WorldCountry } from '../../../scripts/lib/reference-build';
import { projectRoot } from '../../../server/paths';
import {
  corridorStock,
  loadReferenceData,
  ReferenceDataError,
  validateReferenceData,
} from '../../../server/reference/reference-data';

const data = loadReferenceData();
const byIso3 = new Map(data.countries.map((c) => [c.iso3, c]));

describe('When the reference data is loaded', () => {
  it('then it holds every country of the M49 list with names in English, French and Spanish', () => {
    expect(data.countries).toHaveLength(248);
    for (const c of data.countries) {
      expect(c.names.en.length * c.names.fr.length * c.names.es.length).toBeGreaterThan(0);
    }
    expect(byIso3.get('CIV')!.names).toEqual({ en: 'Côte d’Ivoire', fr: 'Côte d’Ivoire', es: 'Côte d’Ivoire' });
    expect(byIso3.get('CHE')!.names).toEqual({ en: 'Switzerland', fr: 'Suisse', es: 'Suiza' });
  });

  it('then quoted CSV fields with commas came through whole', () => {
    expect(byIso3.get('AFG')!.wbRegion).toBe('Middle East, North Africa, Afghanistan & Pakistan');
    expect(byIso3.get('BES')!.names.en).toBe('Bonaire, Sint Eustatius and Saba');
  });

  it('then every country code in groupings, corridors and borders is a known country', () => {
    const codes = [
      ...data.groups.flatMap((g) => g.members.map((m) => m.iso3)),
      ...Object.entries(data.corridors).flatMap(([o, row]) => [o, ...Object.keys(row)]),
      ...data.countries.flatMap((c) => c.borders),
    ];
    expect(codes.filter((c) => !byIso3.has(c))).toEqual([]);
  });

  it('then land borders are symmetric and Kenya borders its five neighbours', () => {
    expect(byIso3.get('KEN')!.borders).toEqual(expect.arrayContaining(['ETH', 'SOM', 'SSD', 'TZA', 'UGA']));
    for (const c of data.countries)
      for (const b of c.borders) expect([b, byIso3.get(b)!.borders]).toEqual([b, expect.arrayContaining([c.iso3])]);
  });

  it('then official languages are ISO 639-3 codes (Kenya: English, Swahili)', () => {
    expect(byIso3.get('KEN')!.languages).toEqual(['eng', 'swa']);
    expect(byIso3.get('NER')!.languages).toContain('fra');
  });

  it('then the Ethiopia → Kenya corridor has a positive 2019 stock, and unknown pairs are 0', () => {
    expect(corridorStock(data.corridors, 'ETH', 'KEN')).toBe(34203);
    expect(corridorStock(data.corridors, 'KEN', 'ATA')).toBe(0);
  });

  it('then classifications are typed values or null, never blank strings', () => {
    expect(byIso3.get('KEN')).toMatchObject({
      region: 'Africa',
      subRegion: 'Sub-Saharan Africa',
      intermediateRegion: 'Eastern Africa',
      wbIncome: 'Lower middle income',
      hdiGroup: 'Medium',
      hdi: 0.601,
      m49: '404',
    });
    expect(byIso3.get('ATA')).toMatchObject({ region: null, wbIncome: null, hdiGroup: null, hdi: null });
    expect(byIso3.get('AFG')).toMatchObject({ m49: '004', ldc: true, lldc: true, sids: false });
  });

  it('then the groupings carry the ECOWAS exit of Burkina Faso, Mali and Niger', () => {
    const ecowas = data.groups.find((g) => g.code === 'ECOWAS')!;
    expect(ecowas.type).toBe('rec');
    expect(ecowas.members.filter((m) => m.until)).toEqual([
      { iso3: 'BFA', until: '2025-01-29' },
      { iso3: 'MLI', until: '2025-01-29' },
      { iso3: 'NER', until: '2025-01-29' },
    ]);
    expect(new Set(data.groups.map((g) => g.type))).toEqual(new Set(['rec', 'rcp', 'regional_org']));
  });

  it('then the data is frozen: no caller can change it for the others', () => {
    expect(Object.isFrozen(data.countries[0].borders)).toBe(true);
  });
});

describe('When a data file is broken', () => {
  const ken = data.countries.find((c) => c.iso3 === 'KEN')!;
  const eac = { code: 'EAC', name: 'East African Community', type: 'rec', members: [{ iso3: 'KEN' }] };
  const withKenya = (change: object) => ({ countries: [{ ...ken, ...change }], groups: [eac], corridors: {} });

  it('then loading stops with the file and field named', () => {
    expect(() => validateReferenceData(withKenya({ wbIncome: 'Middle income' }))).toThrow(
      /countries\.json\.0\.wbIncome must be one of/,
    );
    expect(() =>
      validateReferenceData({
        ...withKenya({}),
        groups: [{ code: 'EAC', name: 'x', type: 'rec', members: [{ iso3: 'KEN', since: '2020-13-01' }] }],
      }),
    ).toThrow(/groupings\.json\.0\.members\.0\.since must match format "date"/);
  });

  it('then a reference to an unknown country is refused', () => {
    expect(validateReferenceData(withKenya({ borders: [] })).countries).toHaveLength(1);
    expect(() => validateReferenceData({ ...withKenya({ borders: [] }), corridors: { ETH: { KEN: 5 } } })).toThrow(
      /corridors\.json ETH names unknown countries: ETH/,
    );
    expect(() =>
      validateReferenceData({ ...withKenya({ borders: [] }), groups: [{ ...eac, members: [{ iso3: 'UGA' }] }] }),
    ).toThrow(ReferenceDataError);
    expect(() => validateReferenceData(withKenya({}))).toThrow(/KEN borders names unknown countries: ETH, SOM/);
  });
});

const sharedDir = path.join(projectRoot, '..', 'shared', 'reference');
const haveSources = fs.existsSync(path.join(sharedDir, 'countries.csv'));

describe('When the reference data is rebuilt from its sources', () => {
  (haveSources ? it : it.skip)('then the build gives exactly the committed files (deterministic, up to date)', () => {
    const read = (f: string) => fs.readFileSync(path.join(sharedDir, f), 'utf8');
    const build = () =>
      buildReferenceFiles({
        csv: {
          'countries.csv': read('countries.csv'),
          'groupings.csv': read('groupings.csv'),
          'corridors_2019.csv': read('corridors_2019.csv'),
        },
        worldCountries: worldCountriesData as WorldCountry[],
        worldCountriesVersion: worldCountriesPackage.version,
      });
    const files = build();
    expect(build()).toEqual(files);
    for (const [name, content] of Object.entries(files)) {
      expect([name, fs.readFileSync(path.join(projectRoot, 'server', 'reference', 'data', name), 'utf8')]).toEqual([
        name,
        content,
      ]);
    }
  });
});
