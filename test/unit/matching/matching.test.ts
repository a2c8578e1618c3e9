// Partnership matching on hand-computed examples from the real reference data: Ethiopia asking
// for help in A2, Kenya as a peer, an organization; demand and peer rules at their thresholds;
// unmet demand and its reasons; pins and exclusions refused with the pair named; explanations in
// three languages.
import {
  buildMatchingContext,
  candidateTerms,
  demandFrom,
  explainMatch,
  MATCHING_METHODOLOGY_VERSION,
  organizationProviders,
  peerProvidersFrom,
  resolveMatchingSettings,
  runMatching,
  type MatchingRun,
} from '../../../server/matching';
import { demoPartners } from '../../../server/partners/demo-partners';
import { sharedGroups } from '../../../server/reference/groups';
import { country, explainData, insufficient, organization, reference, roundDate, scored } from './fixtures';

const settings = resolveMatchingSettings();
const ctx = buildMatchingContext(reference, roundDate, settings);
const W = 3 + 1 + 1 + 1 + 2 + 1 + 1 + 1 + 1 + 1; // the default weights
const corridor = (stock: number) => Math.log10(1 + stock) / Math.log10(1 + 1_000_000);

function run(input: Partial<Parameters<typeof runMatching>[0]>): MatchingRun {
  const outcome = runMatching({ reference, date: roundDate, scores: [], organizations: [], ...input });
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join('; '));
  return outcome.run;
}

const ethiopia = country('ETH', [scored('A2', 30, 56), scored('A5', 10, 80)], { workingLanguages: ['eng'] });
const kenya = country('KEN', [scored('A2', 85, 3, 'yes'), scored('A5', 20, 60)]);

describe('When Ethiopia (30 in A2, working in English) is paired with Kenya (85, shares)', () => {
  const [demand] = demandFrom([ethiopia], settings);
  const [peer] = peerProvidersFrom([kenya], settings);
  const { score, terms } = candidateTerms(ctx, demand, peer);
  const term = (name: string) => terms.find((t) => t.term === name)!;

  it('then the reference data says: shared border, COMESA, IGAD and IGAD-RCP in force (not the EAC: Ethiopia is no member), 34,203 Ethiopian-born in Kenya and none the other way', () => {
    expect(reference.countries.find((c) => c.iso3 === 'ETH')!.borders).toContain('KEN');
    expect(sharedGroups(reference.groups, 'ETH', 'KEN', roundDate)).toEqual(['COMESA', 'IGAD', 'IGAD-RCP']);
    expect(reference.corridors.ETH.KEN).toBe(34203);
    expect(reference.corridors.KEN?.ETH).toBeUndefined();
  });

  it('then each term has the hand-computed raw value, weight and contribution, and they add up to the score', () => {
    const expected: Record<string, [number | null, number]> = {
      strength: [(85 - 30) / 100, 3],
      subRegion: [1, 1], // both in Eastern Africa
      groups: [1, 1], // three shared groups: full value from two
      border: [1, 1],
      language: [1, 2], // English: Ethiopia's working language, Kenya's official one
      corridor: [corridor(34203), 1],
      south: [1, 1], // both in Africa (UN regions)
      incomeHdi: [0.5, 1], // low vs lower middle income (0.5), HDI low vs medium (0.5)
      worksIn: [null, 1], // a peer: not applicable
      modality: [null, 1], // Ethiopia stated no wish
    };
    for (const [name, [raw, weight]] of Object.entries(expected)) {
      expect(term(name).raw === null).toBe(raw === null);
      if (raw !== null) expect(term(name).raw).toBeCloseTo(raw, 12);
      expect(term(name).weight).toBe(weight);
      expect(term(name).contribution).toBeCloseTo(raw === null ? 0 : (100 * weight * raw) / W, 12);
    }
    const sum = 3 * 0.55 + 1 + 1 + 1 + 2 + corridor(34203) + 1 + 0.5;
    expect(score).toBeCloseTo((100 * sum) / W, 10);
    expect(score).toBeCloseTo(68.5052, 4);
  });

  it('then the fast total used for allocation is the same score', () => {
    const r = run({ scores: [ethiopia, kenya] });
    expect(r.allocation.matches).toEqual([
      expect.objectContaining({ country: 'ETH', area: 'A2', providerId: 'gov:KEN', pinned: false }),
    ]);
    expect(r.allocation.matches[0].score).toBeCloseTo(score, 10);
    expect(r.allocation.matches[0].value).toBeCloseTo((56 * score) / 100, 10);
    expect(r.methodologyVersion).toBe(MATCHING_METHODOLOGY_VERSION);
  });

  it('then the explanation names the real numbers in English, French and Spanish', () => {
    const match = { country: 'ETH', area: 'A2', provider: peer, pair: { score, terms }, slots: { free: 1, of: 2 } };
    expect(explainMatch(match, 'en', explainData)).toBe(
      'Kenya 85 vs your 30 on A2 Analysis and Migration Profiles · both in Eastern Africa · both members of COMESA, IGAD, and IGAD-RCP · shared border · English · ' +
        '34,203 migrants Ethiopia → Kenya · both in the global South · similar level: low income / lower middle income, HDI low / medium · 1 of 2 slots free',
    );
    expect(explainMatch(match, 'fr', explainData)).toBe(
      "Kenya 85 contre 30 pour vous en A2 Analyse et profils migratoires · même région : Afrique de l'Est · membres communs de COMESA, IGAD et IGAD-RCP · frontière commune · langue : anglais · " +
        '34\u202f203 migrants Éthiopie → Kenya · tous deux du Sud global · niveaux proches : faible revenu / revenu intermédiaire inférieur, IDH faible / moyen · 1 place libre sur 2',
    );
    expect(explainMatch(match, 'es', explainData)).toBe(
      'Kenya 85 frente a sus 30 en A2 Análisis y perfiles migratorios · ambos en África oriental · ambos miembros de COMESA, IGAD e IGAD-RCP · frontera común · idioma: inglés · ' +
        '34.203 migrantes Etiopía → Kenya · ambos del Sur global · niveles cercanos: ingreso bajo / ingreso mediano bajo, IDH bajo / medio · 1 de 2 plazas libres',
    );
  });

  it('then without a working language the pair shares none (Amharic vs English and Swahili) and the phrase is left out', () => {
    const [bare] = demandFrom([{ ...ethiopia, workingLanguages: [] }], settings);
    const pair = candidateTerms(ctx, bare, peer);
    expect(pair.terms.find((t) => t.term === 'language')!.raw).toBe(0);
    expect(pair.score).toBeCloseTo(score - (100 * 2) / W, 10);
    expect(explainMatch({ country: 'ETH', area: 'A2', provider: peer, pair }, 'en', explainData)).not.toMatch(
      /English/,
    );
  });
});

describe('When the corridor runs both ways (Uganda asking, Kenya offering)', () => {
  it('then both directions add up before the log scale, and both are explained', () => {
    const [demand] = demandFrom([country('UGA', [scored('A2', 40, 50)])], settings);
    const [peer] = peerProvidersFrom([kenya], settings);
    const pair = candidateTerms(ctx, demand, peer);
    const term = pair.terms.find((t) => t.term === 'corridor')!;
    expect(term.facts).toEqual({
      term: 'corridor',
      requester: 'UGA',
      provider: 'KEN',
      fromRequester: 309490,
      toRequester: 36822,
    });
    expect(term.raw).toBeCloseTo(corridor(309490 + 36822), 12);
    expect(explainMatch({ country: 'UGA', area: 'A2', provider: peer, pair }, 'en', explainData)).toContain(
      '309,490 migrants Uganda → Kenya, 36,822 migrants Kenya → Uganda',
    );
  });
});

describe('When an organization working in Eastern Africa offers A2 with 3 slots', () => {
  const org = organization('ngo-1', {
    name: { en: 'Data Alliance', fr: 'Alliance des données' },
    scope: { global: false, regions: ['Eastern Africa'] },
    modalities: ['technical-assistance', 'training'],
    languages: ['eng', 'fra'],
  });

  it('then it scores on strength (the setting), language, where it works and modality, with no country terms', () => {
    const [demand] = demandFrom([{ ...ethiopia, wantedModalities: ['training', 'funding'] }], settings);
    const [provider] = organizationProviders([org]);
    const pair = candidateTerms(ctx, demand, provider);
    const raw = Object.fromEntries(pair.terms.map((t) => [t.term, t.raw]));
    expect(raw).toEqual({
      strength: 0.5,
      subRegion: null,
      groups: null,
      border: null,
      language: 1,
      corridor: null,
      south: null,
      incomeHdi: null,
      worksIn: 0.75,
      modality: 0.5,
    });
    expect(pair.score).toBeCloseTo((100 * (3 * 0.5 + 2 + 0.75 + 0.5)) / W, 10);
  });

  it('then the explanation gives its room: "2 of 3 slots free" after one match', () => {
    const r = run({ scores: [ethiopia], organizations: [org] });
    const [match] = r.allocation.matches;
    expect(match).toEqual(expect.objectContaining({ providerId: 'ngo-1', slots: { free: 2, of: 3 } }));
    const provider = r.providers.find((p) => p.id === 'ngo-1')!;
    const text = explainMatch(
      { country: 'ETH', area: 'A2', provider, pair: r.terms[0], slots: match.slots },
      'en',
      explainData,
    );
    expect(text).toBe(
      'Data Alliance offers A2 Analysis and Migration Profiles (technical assistance and training) · English · works in Eastern Africa · 2 of 3 slots free',
    );
    const fr = explainMatch(
      { country: 'ETH', area: 'A2', provider, pair: r.terms[0], slots: match.slots },
      'fr',
      explainData,
    );
    expect(fr).toBe(
      "Alliance des données propose A2 Analyse et profils migratoires (assistance technique et formation) · langue : anglais · zone d'action : Afrique de l'Est · 2 places libres sur 3",
    );
  });

  it('then it is not proposed to a country where it does not work (Brazil), unless the setting allows it', () => {
    const brazil = country('BRA', [scored('A2', 10, 90)]);
    expect(run({ scores: [brazil], organizations: [org] }).allocation.unmet).toEqual([
      expect.objectContaining({ country: 'BRA', reason: 'no-eligible-provider', eligible: 0 }),
    ]);
    const loose = run({ scores: [brazil], organizations: [org], settings: { organizationsOnlyWhereTheyWork: false } });
    expect(loose.allocation.matches.map((m) => m.providerId)).toEqual(['ngo-1']);
  });
});

describe('When demand and peers are derived from scores', () => {
  it('then only scored areas with priority ≥ 20 are demand; insufficient data never is', () => {
    const demand = demandFrom(
      [country('ETH', [scored('A1', 10, 20), scored('A2', 10, 19.99), insufficient('A3'), scored('A4', 10, null)])],
      settings,
    );
    expect(demand.map((d) => d.area)).toEqual(['A1']);
    expect(
      demandFrom([country('ETH', [scored('A2', 10, 19.99)])], resolveMatchingSettings({ priorityThreshold: 10 })),
    ).toHaveLength(1);
  });

  it('then a peer needs capacity ≥ 75 and "yes" ("maybe" only when allowed), with 2 slots per area unless stated', () => {
    const scores = [
      country('KEN', [
        scored('A1', 75, 0, 'yes'),
        scored('A2', 74.9, 0, 'yes'),
        scored('A3', 90, 0, 'maybe'),
        scored('A4', 90, 0, 'no'),
        scored('A5', 80, 0, 'yes', 5),
      ]),
    ];
    expect(peerProvidersFrom(scores, settings)[0].areas).toEqual({
      A1: { capacity: 75, slots: 2 },
      A5: { capacity: 80, slots: 5 },
    });
    expect(Object.keys(peerProvidersFrom(scores, resolveMatchingSettings({ allowMaybe: true }))[0].areas)).toEqual([
      'A1',
      'A3',
      'A5',
    ]);
  });

  it('then a peer must be at least 25 points ahead: 80 helps 55 but not 55.1', () => {
    const peer = country('KEN', [scored('A2', 80, 0, 'yes')]);
    expect(run({ scores: [peer, country('ETH', [scored('A2', 55, 50)])] }).allocation.matches).toHaveLength(1);
    expect(run({ scores: [peer, country('ETH', [scored('A2', 55.1, 50)])] }).allocation.unmet[0].reason).toBe(
      'no-eligible-provider',
    );
  });

  it('then a government is never its own partner, even pinned', () => {
    const outcome = runMatching({
      reference,
      date: roundDate,
      scores: [country('KEN', [scored('A2', 80, 0, 'yes'), scored('A3', 10, 50)])],
      organizations: [],
      pins: [{ country: 'KEN', area: 'A3', providerId: 'gov:KEN' }],
    });
    expect(outcome.ok ? [] : outcome.problems.map((p) => p.reason)).toEqual(['same-country']);
  });
});

describe('When demand cannot be met', () => {
  const peers = [country('KEN', [scored('A2', 90, 0, 'yes', 1)])];

  it('then each short (country, area) is reported with its reason: no eligible provider, all slots taken, or excluded', () => {
    const r = run({
      scores: [
        ...peers,
        country('ETH', [scored('A2', 10, 90), scored('A5', 10, 90)]),
        country('UGA', [scored('A2', 10, 30)]),
        country('TZA', [scored('A2', 10, 40)]),
      ],
      exclusions: [{ country: 'TZA', area: 'A2', providerId: 'gov:KEN' }],
      settings: { partnersPerArea: 1 },
    });
    expect(r.allocation.matches.map((m) => `${m.country} ${m.area} ${m.providerId}`)).toEqual(['ETH A2 gov:KEN']);
    expect(r.allocation.unmet).toEqual([
      {
        country: 'ETH',
        area: 'A5',
        wanted: 1,
        assigned: 0,
        reason: 'no-eligible-provider',
        eligible: 0,
        excluded: 0,
        full: 0,
      },
      { country: 'TZA', area: 'A2', wanted: 1, assigned: 0, reason: 'excluded', eligible: 1, excluded: 1, full: 0 },
      {
        country: 'UGA',
        area: 'A2',
        wanted: 1,
        assigned: 0,
        reason: 'all-slots-taken',
        eligible: 1,
        excluded: 0,
        full: 1,
      },
    ]);
  });

  it('then the higher priority × score wins the last slot, and a pin overrides it', () => {
    const scores = [...peers, country('ETH', [scored('A2', 10, 90)]), country('UGA', [scored('A2', 10, 30)])];
    expect(run({ scores }).allocation.matches.map((m) => m.country)).toEqual(['ETH']);
    const pinned = run({ scores, pins: [{ country: 'UGA', area: 'A2', providerId: 'gov:KEN' }] });
    expect(pinned.allocation.matches).toEqual([
      expect.objectContaining({ country: 'UGA', pinned: true, slots: { free: 0, of: 1 } }),
    ]);
  });
});

describe('When pins and exclusions are wrong', () => {
  const scores = [
    country('KEN', [scored('A2', 90, 0, 'yes', 1)]),
    country('ETH', [scored('A2', 10, 90)]),
    country('UGA', [scored('A2', 70, 90)]),
    country('TZA', [scored('A2', 10, 50)]),
  ];
  const problems = (input: Partial<Parameters<typeof runMatching>[0]>) => {
    const outcome = runMatching({ reference, date: roundDate, scores, organizations: [], ...input });
    return outcome.ok ? [] : outcome.problems.map((p) => [p.reason, p.message]);
  };

  it('then a pair both pinned and excluded is refused, naming the pair', () => {
    const pair = { country: 'ETH', area: 'A2', providerId: 'gov:KEN' };
    expect(problems({ pins: [pair], exclusions: [pair] })).toEqual([
      ['pinned-and-excluded', 'ETH A2 ↔ gov:KEN is both pinned and excluded'],
    ]);
  });

  it('then a pin on an ineligible pair is refused with the reason', () => {
    expect(problems({ pins: [{ country: 'UGA', area: 'A2', providerId: 'gov:KEN' }] })).toEqual([
      ['margin-too-small', 'UGA A2 ↔ gov:KEN names a peer not far enough ahead in this area'],
    ]);
    expect(
      problems({
        pins: [
          { country: 'ETH', area: 'A3', providerId: 'gov:KEN' },
          { country: 'ETH', area: 'A2', providerId: 'nobody' },
        ],
      }),
    ).toEqual([
      ['no-such-provider', 'ETH A2 ↔ nobody names an unknown provider'],
      ['no-such-demand', 'ETH A3 ↔ gov:KEN names a country and area that is not demand in this run'],
    ]);
  });

  it('then pins beyond the provider’s slots or the partners wanted are refused', () => {
    expect(
      problems({
        pins: [
          { country: 'ETH', area: 'A2', providerId: 'gov:KEN' },
          { country: 'TZA', area: 'A2', providerId: 'gov:KEN' },
        ],
      }),
    ).toEqual([['pins-exceed-slots', 'TZA A2 ↔ gov:KEN is one pin more than the provider has slots']]);
    const orgs = [organization('a'), organization('b')];
    const pins = ['a', 'b'].map((providerId) => ({ country: 'ETH', area: 'A2', providerId }));
    expect(problems({ organizations: orgs, pins, settings: { partnersPerArea: 1 } })).toEqual([
      ['pins-exceed-wants', 'ETH A2 ↔ b is one pin more than the partners wanted in this area'],
    ]);
  });
});

describe('When settings are given', () => {
  it('then unknown terms and out-of-range values are refused, and weights change the score', () => {
    expect(() => resolveMatchingSettings({ weights: { charm: 1 } as never })).toThrow('unknown matching term charm');
    expect(() => resolveMatchingSettings({ partnersPerArea: 0 })).toThrow(/partnersPerArea/);
    expect(() => resolveMatchingSettings({ weights: { strength: -1 } })).toThrow(/weight of strength/);
    const onlyBorder = resolveMatchingSettings({
      weights: {
        strength: 0,
        subRegion: 0,
        groups: 0,
        language: 0,
        corridor: 0,
        south: 0,
        incomeHdi: 0,
        worksIn: 0,
        modality: 0,
      },
    });
    const c = buildMatchingContext(reference, roundDate, onlyBorder);
    const [demand] = demandFrom([ethiopia], onlyBorder);
    expect(candidateTerms(c, demand, peerProvidersFrom([kenya], onlyBorder)[0]).score).toBe(100);
  });

  it('then group memberships count at the round date: Somalia and Kenya share the EAC from 2024 only', () => {
    const [demand] = demandFrom([country('SOM', [scored('A2', 10, 50)])], settings);
    const [peer] = peerProvidersFrom([kenya], settings);
    const shared = (date: string) =>
      candidateTerms(buildMatchingContext(reference, date, settings), demand, peer).terms.find(
        (t) => t.term === 'groups',
      )!.facts;
    expect(shared('2023-06-30')).toEqual({ term: 'groups', shared: ['COMESA', 'IGAD', 'IGAD-RCP'] });
    expect(shared('2024-06-30')).toEqual({ term: 'groups', shared: ['COMESA', 'EAC', 'IGAD', 'IGAD-RCP'] });
  });
});

describe('When the organizations are the registry’s demo partners', () => {
  it('then they fit as they are stored, and each proposal for Ethiopia is one that works there and offers the area', () => {
    const organizations = demoPartners.map((p, i) => ({ ...p, id: `demo-${i}` }));
    const scores = [
      country(
        'ETH',
        ['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8', 'A9', 'A10'].map((a) => scored(a, 10, 80)),
        { workingLanguages: ['eng'] },
      ),
    ];
    const r = run({ scores, organizations });
    expect(r.allocation.matches.length).toBeGreaterThan(0);
    for (const m of r.allocation.matches) {
      const p = organizations.find((o) => o.id === m.providerId)!;
      expect(p.areas.map((a) => a.area)).toContain(m.area);
      expect(
        p.scope.global ||
          (p.scope.countries ?? []).includes('ETH') ||
          (p.scope.regions ?? []).some((x) => ['Africa', 'Sub-Saharan Africa', 'Eastern Africa'].includes(x)),
      ).toBe(true);
    }
  });
});
