// Properties of matching on random instances over real reference countries (fast-check): slots
// and k are never exceeded, pins are kept, exclusions never proposed, shuffled inputs give the
// same result, no blocking pair exists (checked here independently of allocate.ts), the greedy
// keeps at least half of a brute-force optimum, unmet reasons agree with the counts, and the fast
// score used for allocation equals the sum of the reported term contributions.
import fc from 'fast-check';
import {
  allocate,
  buildMatchingContext,
  candidateTerms,
  demandFrom,
  organizationProviders,
  peerProvidersFrom,
  resolveMatchingSettings,
  scoreCandidates,
  type Allocation,
  type CandidateSet,
  type CountryScoreList,
  type OrganizationInput,
  type PairRef,
  type Provider,
} from '../../../server/matching';
import { modalities, pairKey, partnerKinds } from '../../../server/matching/matching.types';
import type { FrameworkArea } from '../../../server/partners/partner-vocabulary';
import { reference, roundDate } from './fixtures';

const pool = [
  'ETH',
  'KEN',
  'UGA',
  'TZA',
  'SOM',
  'NGA',
  'GHA',
  'SEN',
  'FRA',
  'DEU',
  'BRA',
  'ARG',
  'IND',
  'NPL',
  'FJI',
  'JPN',
  'MEX',
  'EGY',
];
const areas: FrameworkArea[] = ['A1', 'A2', 'A3'];

const areaScore = (area: string) =>
  fc.oneof(
    {
      weight: 1,
      arbitrary: fc.constant({
        area,
        status: 'insufficient data' as const,
        capacity: null,
        priority: null,
        target: 100,
        share: null,
      }),
    },
    {
      weight: 6,
      arbitrary: fc.record({
        area: fc.constant(area),
        status: fc.constant('scored' as const),
        // Coarse values make ties in score and value likely, so that tie-breaking is exercised.
        capacity: fc.constantFrom(0, 10, 25, 40, 50, 60, 75, 80, 90, 100),
        priority: fc.constantFrom(0, 15, 20, 40, 60, 80, 100),
        target: fc.constant(100),
        share: fc.constantFrom('yes' as const, 'maybe' as const, 'no' as const),
        slots: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
      }),
    },
  );

const countries: fc.Arbitrary<CountryScoreList[]> = fc
  .uniqueArray(fc.constantFrom(...pool), { minLength: 2, maxLength: 7 })
  .chain((codes) =>
    fc.tuple(
      ...codes.map((code) =>
        fc.record({
          country: fc.constant(code),
          areas: fc.tuple(...areas.map(areaScore)),
          workingLanguages: fc.subarray(['eng', 'fra', 'spa']),
          wantedModalities: fc.subarray([...modalities]),
        }),
      ),
    ),
  );

const scope = fc
  .record({
    global: fc.boolean(),
    regions: fc.subarray(['Africa', 'Eastern Africa', 'Sub-Saharan Africa', 'Americas', 'Asia'], { maxLength: 2 }),
    countries: fc.subarray(pool, { maxLength: 3 }),
  })
  .map((s) => ({
    global: s.global || (s.regions.length === 0 && s.countries.length === 0),
    regions: s.regions,
    countries: s.countries,
  }));

const organizations: fc.Arbitrary<OrganizationInput[]> = fc
  .array(
    fc.record({
      kind: fc.constantFrom(...partnerKinds),
      country: fc.option(fc.constantFrom(...pool), { nil: undefined }),
      areas: fc.subarray(areas, { minLength: 1 }).map((list) => list.map((area) => ({ area }))),
      modalities: fc.subarray([...modalities]),
      scope,
      languages: fc.subarray(['eng', 'fra', 'spa', 'ara']),
      total: fc.integer({ min: 0, max: 4 }),
      perArea: fc.option(
        fc.dictionary(fc.constantFrom(...areas), fc.integer({ min: 0, max: 2 })) as fc.Arbitrary<
          Partial<Record<FrameworkArea, number>>
        >,
        { nil: undefined },
      ),
    }),
    { maxLength: 5 },
  )
  .map((list) =>
    list.map(({ total, perArea, country, ...o }, i) => ({
      id: `org-${i}`,
      name: { en: `Org ${i}` },
      ...o,
      ...(country && { country }),
      slots: { total, ...(perArea && { perArea }) },
    })),
  );

const instance = fc.record({
  countries,
  organizations,
  k: fc.integer({ min: 1, max: 3 }),
  pinPicks: fc.array(fc.nat(), { maxLength: 4 }),
  exclusionPicks: fc.array(fc.nat(), { maxLength: 4 }),
  seed: fc.nat(),
});
type Instance = typeof instance extends fc.Arbitrary<infer T> ? T : never;

interface Built {
  candidates: CandidateSet;
  pins: PairRef[];
  exclusions: PairRef[];
  k: number;
  ctx: ReturnType<typeof buildMatchingContext>;
}

const pairOf = (c: CandidateSet, i: number): PairRef => {
  const d = c.demands[c.demandIndex[i]];
  return { country: d.country, area: d.area, providerId: c.providers[c.providerIndex[i]].id };
};

/** The three capacities a pair uses: the requester's k, the provider's total and its area slots. */
const limitsOf = (pair: PairRef, p: Provider, k: number): [string, number][] => [
  [`d|${pair.country}|${pair.area}`, k],
  [`t|${p.id}`, p.totalSlots ?? Infinity],
  [`a|${p.id}|${pair.area}`, p.areas[pair.area]?.slots ?? Infinity],
];

/** Candidates of an instance, and pins that fit (room on both sides) and exclusions among eligible pairs. */
function build(inst: Instance): Built {
  const settings = resolveMatchingSettings({ partnersPerArea: inst.k });
  const ctx = buildMatchingContext(reference, roundDate, settings);
  const providers = [...peerProvidersFrom(inst.countries, settings), ...organizationProviders(inst.organizations)];
  const candidates = scoreCandidates(ctx, demandFrom(inst.countries, settings), providers);
  const exclusions: PairRef[] = [];
  const pins: PairRef[] = [];
  if (candidates.size > 0) {
    for (const pick of inst.exclusionPicks) exclusions.push(pairOf(candidates, pick % candidates.size));
    const excluded = new Set(exclusions.map(pairKey));
    const used = new Map<string, number>();
    for (const pick of inst.pinPicks) {
      const i = pick % candidates.size;
      const pair = pairOf(candidates, i);
      const limits = limitsOf(pair, candidates.providers[candidates.providerIndex[i]], inst.k);
      const fits =
        !excluded.has(pairKey(pair)) &&
        !pins.some((q) => pairKey(q) === pairKey(pair)) &&
        limits.every(([key, cap]) => (used.get(key) ?? 0) < cap);
      if (!fits) continue;
      pins.push(pair);
      for (const [key] of limits) used.set(key, (used.get(key) ?? 0) + 1);
    }
  }
  return { candidates, pins, exclusions, k: inst.k, ctx };
}

function run(b: Built): Allocation {
  const outcome = allocate(b.ctx, b.candidates, { partnersPerArea: b.k, pins: b.pins, exclusions: b.exclusions });
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join('; '));
  return outcome.allocation;
}

/** A seeded Fisher–Yates shuffle (fast-check already drew the seed). */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed + 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const params = { numRuns: 300 };

describe('Matching properties on random instances over real reference countries', () => {
  it('never exceeds k per (country, area), nor a provider’s slots per area or in total', () => {
    fc.assert(
      fc.property(instance, (inst) => {
        const b = build(inst);
        const { matches } = run(b);
        const count = (key: (m: PairRef) => string) =>
          matches.reduce((m, x) => m.set(key(x), (m.get(key(x)) ?? 0) + 1), new Map<string, number>());
        for (const n of count((m) => `${m.country}|${m.area}`).values()) expect(n).toBeLessThanOrEqual(b.k);
        const providers = new Map(b.candidates.providers.map((p) => [p.id, p]));
        for (const [id, n] of count((m) => m.providerId))
          expect(n).toBeLessThanOrEqual(providers.get(id)!.totalSlots ?? Infinity);
        for (const [key, n] of count((m) => `${m.providerId}|${m.area}`)) {
          const [id, area] = key.split('|');
          expect(n).toBeLessThanOrEqual(providers.get(id)!.areas[area]?.slots ?? Infinity);
        }
        expect(new Set(matches.map(pairKey)).size).toBe(matches.length);
      }),
      params,
    );
  });

  it('keeps every pin, proposes no excluded pair and only eligible ones', () => {
    fc.assert(
      fc.property(instance, (inst) => {
        const b = build(inst);
        const { matches } = run(b);
        const proposed = new Set(matches.map(pairKey));
        for (const pin of b.pins) expect(proposed.has(pairKey(pin))).toBe(true);
        for (const ex of b.exclusions) expect(proposed.has(pairKey(ex))).toBe(false);
        const eligible = new Set(Array.from({ length: b.candidates.size }, (_, i) => pairKey(pairOf(b.candidates, i))));
        for (const m of matches) expect(eligible.has(pairKey(m))).toBe(true);
        expect(
          matches
            .filter((m) => m.pinned)
            .map(pairKey)
            .sort(),
        ).toEqual(b.pins.map(pairKey).sort());
      }),
      params,
    );
  });

  it('gives the same result whatever the order of countries, areas, organizations, pins and exclusions', () => {
    fc.assert(
      fc.property(instance, (inst) => {
        const b = build(inst);
        const shuffled: Instance = {
          ...inst,
          countries: shuffle(inst.countries, inst.seed).map((c, i) => ({
            ...c,
            areas: shuffle(c.areas, inst.seed + i),
            workingLanguages: shuffle(c.workingLanguages ?? [], i),
          })),
          organizations: shuffle(inst.organizations, inst.seed + 7).map((o, i) => ({
            ...o,
            areas: shuffle(o.areas, i),
            scope: {
              global: o.scope.global,
              regions: shuffle(o.scope.regions ?? [], i + 1),
              countries: shuffle(o.scope.countries ?? [], i + 2),
            },
          })),
        };
        const s = build(shuffled);
        const again = run({ ...s, pins: shuffle(b.pins, inst.seed), exclusions: shuffle(b.exclusions, inst.seed + 3) });
        expect(again).toEqual(run(b));
      }),
      params,
    );
  });

  it('leaves no blocking pair: no unmatched eligible pair where both sides have room or hold a worse, unpinned partner they could drop', () => {
    fc.assert(
      fc.property(instance, (inst) => {
        const b = build(inst);
        const { matches } = run(b);
        const c = b.candidates;
        const providers = new Map(c.providers.map((p) => [p.id, p]));
        const valueOf = new Map<string, number>();
        for (let i = 0; i < c.size; i++)
          valueOf.set(pairKey(pairOf(c, i)), (c.demands[c.demandIndex[i]].priority * c.score[i]) / 100);
        const matched = new Set(matches.map(pairKey));
        const excluded = new Set(b.exclusions.map(pairKey));
        for (let i = 0; i < c.size; i++) {
          const pair = pairOf(c, i);
          if (matched.has(pairKey(pair)) || excluded.has(pairKey(pair))) continue;
          const v = valueOf.get(pairKey(pair))!;
          const mine = matches.filter((m) => m.country === pair.country && m.area === pair.area);
          const requesterWants = mine.length < b.k || mine.some((m) => !m.pinned && m.value < v);
          const provider = providers.get(pair.providerId)!;
          const held = matches.filter((m) => m.providerId === pair.providerId);
          const inArea = held.filter((m) => m.area === pair.area);
          const areaFull = inArea.length >= (provider.areas[pair.area]?.slots ?? Infinity);
          const totalFull = held.length >= (provider.totalSlots ?? Infinity);
          const providerWants = areaFull
            ? inArea.some((m) => !m.pinned && m.value < v)
            : totalFull
              ? held.some((m) => !m.pinned && m.value < v)
              : true;
          expect({ pair, blocking: requesterWants && providerWants }).toEqual({ pair, blocking: false });
        }
      }),
      params,
    );
  });

  it('keeps at least half the total value of a brute-force optimum (small instances, no pins)', () => {
    fc.assert(
      fc.property(instance, (inst) => {
        const b = { ...build(inst), pins: [] as PairRef[] };
        const c = b.candidates;
        const excluded = new Set(b.exclusions.map(pairKey));
        const open = Array.from({ length: c.size }, (_, i) => i).filter((i) => !excluded.has(pairKey(pairOf(c, i))));
        fc.pre(open.length <= 14);
        const value = (i: number) => (c.demands[c.demandIndex[i]].priority * c.score[i]) / 100;
        let best = 0;
        for (let mask = 0; mask < 1 << open.length; mask++) {
          const used = new Map<string, number>();
          let ok = true;
          let total = 0;
          for (let j = 0; j < open.length && ok; j++) {
            if (!(mask & (1 << j))) continue;
            const i = open[j];
            for (const [key, cap] of limitsOf(pairOf(c, i), c.providers[c.providerIndex[i]], b.k)) {
              used.set(key, (used.get(key) ?? 0) + 1);
              if (used.get(key)! > cap) ok = false;
            }
            total += value(i);
          }
          if (ok && total > best) best = total;
        }
        const greedy = run(b).matches.reduce((s, m) => s + m.value, 0);
        expect(greedy).toBeGreaterThanOrEqual(best / 2 - 1e-9);
        expect(greedy).toBeLessThanOrEqual(best + 1e-9);
      }),
      { numRuns: 200 },
    );
  });

  it('reports every short (country, area) once, with a reason that agrees with its counts', () => {
    fc.assert(
      fc.property(instance, (inst) => {
        const b = build(inst);
        const { matches, unmet } = run(b);
        for (const d of b.candidates.demands) {
          const assigned = matches.filter((m) => m.country === d.country && m.area === d.area).length;
          const short = unmet.filter((u) => u.country === d.country && u.area === d.area);
          expect(short.length).toBe(assigned < b.k ? 1 : 0);
          if (short.length === 0) continue;
          const [u] = short;
          expect(u.assigned).toBe(assigned);
          expect(u.eligible).toBe(u.assigned + u.excluded + u.full);
          expect(u.reason).toBe(
            u.eligible === u.assigned ? 'no-eligible-provider' : u.full === 0 ? 'excluded' : 'all-slots-taken',
          );
        }
      }),
      params,
    );
  });

  it('scores each pair for allocation exactly as the sum of its reported term contributions', () => {
    fc.assert(
      fc.property(instance, (inst) => {
        const b = build(inst);
        const c = b.candidates;
        for (let i = 0; i < c.size; i++) {
          const detailed = candidateTerms(b.ctx, c.demands[c.demandIndex[i]], c.providers[c.providerIndex[i]]);
          expect(Math.abs(detailed.score - c.score[i])).toBeLessThan(1e-9);
          expect(detailed.score).toBeGreaterThanOrEqual(0);
          expect(detailed.score).toBeLessThanOrEqual(100 + 1e-9);
        }
      }),
      { numRuns: 100 },
    );
  });
});
