// The candidate score of a (requester country, area, provider) pair: a weighted sum of terms, each
// with a raw value in 0..1, so that score = 100 × Σ w·raw ÷ Σ w (0..100). A term that does not
// apply to the pair (a country term for an organization without a home country, "works in" for a
// peer, modality when the requester stated no wish) is null and adds nothing; the denominator
// stays Σ of all weights, so peers and organizations are ranked on one scale.
//
// Two paths, one set of formulas: scoreCandidates() computes only the totals, for every eligible
// pair (hundreds of thousands), and candidateTerms() reports each term with its raw value,
// weight, contribution and the facts behind it, for the pairs someone reads. Both call the same
// helpers below; a property test keeps their totals equal.
import { ineligibility, worksInRaw, worksInScore } from './eligibility';
import { factsOf, type CountryFacts, type MatchingContext } from './matching-context';
import { matchingTerms, type MatchingTerm } from './matching-settings';
import type { DemandItem, Modality, Provider } from './matching.types';

// ---- the raw value of each term ---------------------------------------------------------------

/** Peers: capacity margin ÷ 100; organizations: the setting (they have no capacity score). */
export function strengthRaw(ctx: MatchingContext, demand: DemandItem, provider: Provider): number {
  const capacity = provider.areas[demand.area]?.capacity ?? null;
  if (capacity === null) return ctx.settings.organizationStrength;
  return Math.min(1, Math.max(0, (capacity - demand.capacity) / 100));
}

/**
 * 1 in the same M49 intermediate region (Eastern Africa), or the same sub-region where M49 has no
 * intermediate level (South-eastern Asia); 0.5 in the same sub-region only (Sub-Saharan Africa
 * spans 48 countries, so it says less).
 */
export function subRegionRaw(a: CountryFacts, b: CountryFacts): number {
  if (a.intermediateRegion !== null && a.intermediateRegion === b.intermediateRegion) return 1;
  if (a.subRegion === null || a.subRegion !== b.subRegion) return 0;
  return a.intermediateRegion === null && b.intermediateRegion === null ? 1 : 0.5;
}

/** Elements common to two sorted lists (small: a country has a handful of groups or languages). */
export function commonSorted(a: readonly string[], b: readonly string[]): string[] {
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push(a[i]);
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return out;
}

/** How many elements two sorted lists have in common, without building the list (hot path). */
export function countCommonSorted(a: readonly string[], b: readonly string[]): number {
  let n = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      n++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return n;
}

/** Two shared groups or more give the full value: one shared REC is already a channel. */
export const groupsRaw = (shared: number): number => Math.min(shared, 2) / 2;

/** Migrant stock both ways, log-scaled: 10 migrants count, a million counts fully. */
export const corridorRaw = (stock: number, fullAt: number): number =>
  Math.min(1, Math.log10(1 + stock) / Math.log10(1 + fullAt));

export function corridorStock(
  ctx: MatchingContext,
  requester: string,
  provider: string,
): { fromRequester: number; toRequester: number } {
  return {
    fromRequester: ctx.corridors[requester]?.[provider] ?? 0,
    toRequester: ctx.corridors[provider]?.[requester] ?? 0,
  };
}

/** 1 for the same group, 0.5 for neighbouring groups, 0 otherwise; null when either is unknown. */
const closeness = (a: number, b: number): number | null =>
  a < 0 || b < 0 ? null : a === b ? 1 : Math.abs(a - b) === 1 ? 0.5 : 0;

/** Mean closeness of the income and HDI groups that are known for both; 0 when neither is. */
export function incomeHdiRaw(a: CountryFacts, b: CountryFacts): number {
  const income = closeness(a.incomeRank, b.incomeRank);
  const hdi = closeness(a.hdiRank, b.hdiRank);
  if (income === null) return hdi ?? 0;
  return hdi === null ? income : (income + hdi) / 2;
}

/** Languages the requester works in: official ones and any it stated, sorted. */
export const requesterLanguages = (demand: DemandItem, requester: CountryFacts): string[] =>
  [...new Set([...requester.languages, ...demand.workingLanguages])].sort();

/** Languages the provider works in: its country's official ones (if any) and its stated ones, sorted. */
export const providerLanguages = (provider: Provider, home: CountryFacts | null): string[] =>
  [...new Set([...(home?.languages ?? []), ...provider.languages])].sort();

/** The wanted modalities the provider offers; null (neutral) when nothing is wanted. */
export function modalityShared(wanted: readonly Modality[], offered: readonly Modality[]): Modality[] | null {
  return wanted.length === 0 ? null : wanted.filter((m) => offered.includes(m));
}

/** Share of the wanted modalities the provider offers (0..1); null when nothing is wanted. */
export function modalityRaw(wanted: readonly Modality[], offered: readonly Modality[]): number | null {
  if (wanted.length === 0) return null;
  let n = 0;
  for (const m of wanted) if (offered.includes(m)) n++;
  return n / wanted.length;
}

// ---- totals for every eligible pair -----------------------------------------------------------

export interface CandidateSet {
  demands: readonly DemandItem[];
  providers: readonly Provider[];
  /** Parallel arrays, one entry per eligible pair: indices into demands / providers, score 0..100. */
  demandIndex: Int32Array;
  providerIndex: Int32Array;
  score: Float64Array;
  size: number;
}

interface Prepared {
  languages: string[];
  facts: CountryFacts | null;
}

/** The score of an eligible pair; the languages are prepared once per demand and per provider. */
function scoreOf(
  ctx: MatchingContext,
  d: DemandItem,
  req: CountryFacts,
  reqLanguages: string[],
  p: Provider,
  prov: Prepared,
): number {
  const w = ctx.settings.weights;
  let sum = w.strength * strengthRaw(ctx, d, p);
  if (countCommonSorted(reqLanguages, prov.languages) > 0) sum += w.language;
  const home = prov.facts;
  if (home) {
    sum += w.subRegion * subRegionRaw(req, home);
    sum += w.groups * groupsRaw(countCommonSorted(req.groups, home.groups));
    if (req.borders.has(home.iso3)) sum += w.border;
    const stock = (ctx.corridors[req.iso3]?.[home.iso3] ?? 0) + (ctx.corridors[home.iso3]?.[req.iso3] ?? 0);
    sum += w.corridor * corridorRaw(stock, ctx.settings.corridorFullAt);
    if (req.south && home.south) sum += w.south;
    sum += w.incomeHdi * incomeHdiRaw(req, home);
  }
  if (p.kind !== 'government') sum += w.worksIn * worksInScore(p.where, req);
  const modality = modalityRaw(d.wantedModalities, p.modalities);
  if (modality !== null) sum += w.modality * modality;
  return (100 * sum) / ctx.weightSum;
}

/** Every eligible pair with its score. Providers are indexed by area, so only offers are visited. */
export function scoreCandidates(
  ctx: MatchingContext,
  demands: readonly DemandItem[],
  providers: readonly Provider[],
): CandidateSet {
  const byArea = new Map<string, number[]>();
  const prepared: Prepared[] = providers.map((p, i) => {
    for (const area of Object.keys(p.areas)) {
      const list = byArea.get(area) ?? [];
      list.push(i);
      byArea.set(area, list);
    }
    const facts = p.country === null ? null : factsOf(ctx, p.country);
    return { facts, languages: providerLanguages(p, facts) };
  });
  let capacity = 1024;
  let demandIndex = new Int32Array(capacity);
  let providerIndex = new Int32Array(capacity);
  let score = new Float64Array(capacity);
  let size = 0;
  for (let di = 0; di < demands.length; di++) {
    const d = demands[di];
    const req = factsOf(ctx, d.country);
    const reqLanguages = requesterLanguages(d, req);
    for (const pi of byArea.get(d.area) ?? []) {
      const p = providers[pi];
      if (ineligibility(ctx, d, p, req) !== null) continue;
      if (size === capacity) {
        capacity *= 2;
        const grow = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
          const b = make(capacity);
          b.set(a);
          return b;
        };
        demandIndex = grow(demandIndex, (n) => new Int32Array(n));
        providerIndex = grow(providerIndex, (n) => new Int32Array(n));
        score = grow(score, (n) => new Float64Array(n));
      }
      demandIndex[size] = di;
      providerIndex[size] = pi;
      score[size] = scoreOf(ctx, d, req, reqLanguages, p, prepared[pi]);
      size++;
    }
  }
  return { demands, providers, demandIndex, providerIndex, score, size };
}

// ---- terms, for the pairs someone reads -------------------------------------------------------

/** The facts behind each term, with codes (countries, groups, languages) that explanations name. */
export type TermFacts =
  | { term: 'strength'; providerCapacity: number; requesterCapacity: number }
  | { term: 'strength'; providerCapacity: null; requesterCapacity: number; modalities: Modality[] }
  | { term: 'subRegion'; region: string | null; level: 'intermediate-region' | 'sub-region' | null }
  | { term: 'groups'; shared: string[] }
  | { term: 'border'; shared: boolean }
  | { term: 'language'; shared: string[] }
  | { term: 'corridor'; requester: string; provider: string; fromRequester: number; toRequester: number }
  | { term: 'south'; both: boolean; definition: string }
  | {
      term: 'incomeHdi';
      requesterIncome: string | null;
      providerIncome: string | null;
      requesterHdi: string | null;
      providerHdi: string | null;
    }
  | { term: 'worksIn'; match: string | null; place: string | null }
  | { term: 'modality'; wanted: Modality[]; shared: Modality[] };

export interface TermScore {
  term: MatchingTerm;
  /** 0..1, or null when the term does not apply to this pair. */
  raw: number | null;
  weight: number;
  /** Points of the 0..100 score: 100 × weight × raw ÷ Σ weights. */
  contribution: number;
  facts: TermFacts | null;
}

export interface ScoredPair {
  score: number;
  terms: TermScore[];
}

/** Every term of a pair, in the order of matchingTerms. The pair need not be eligible. */
export function candidateTerms(ctx: MatchingContext, demand: DemandItem, provider: Provider): ScoredPair {
  const req = factsOf(ctx, demand.country);
  const home = provider.country === null ? null : factsOf(ctx, provider.country);
  const raws: Partial<Record<MatchingTerm, { raw: number | null; facts: TermFacts | null }>> = {};

  const capacity = provider.areas[demand.area]?.capacity ?? null;
  raws.strength = {
    raw: strengthRaw(ctx, demand, provider),
    facts:
      capacity === null
        ? {
            term: 'strength',
            providerCapacity: null,
            requesterCapacity: demand.capacity,
            modalities: [...provider.modalities],
          }
        : { term: 'strength', providerCapacity: capacity, requesterCapacity: demand.capacity },
  };
  const languages = commonSorted(requesterLanguages(demand, req), providerLanguages(provider, home));
  raws.language = { raw: languages.length > 0 ? 1 : 0, facts: { term: 'language', shared: languages } };
  if (home) {
    const sub = subRegionRaw(req, home);
    const level =
      sub === 0
        ? null
        : req.intermediateRegion !== null && req.intermediateRegion === home.intermediateRegion
          ? 'intermediate-region'
          : 'sub-region';
    raws.subRegion = {
      raw: sub,
      facts: {
        term: 'subRegion',
        level,
        region: level === 'intermediate-region' ? req.intermediateRegion : level ? req.subRegion : null,
      },
    };
    const groups = commonSorted(req.groups, home.groups);
    raws.groups = { raw: groupsRaw(groups.length), facts: { term: 'groups', shared: groups } };
    const border = req.borders.has(home.iso3);
    raws.border = { raw: border ? 1 : 0, facts: { term: 'border', shared: border } };
    const stock = corridorStock(ctx, req.iso3, home.iso3);
    raws.corridor = {
      raw: corridorRaw(stock.fromRequester + stock.toRequester, ctx.settings.corridorFullAt),
      facts: { term: 'corridor', requester: req.iso3, provider: home.iso3, ...stock },
    };
    const both = req.south && home.south;
    raws.south = { raw: both ? 1 : 0, facts: { term: 'south', both, definition: ctx.settings.southDefinition } };
    raws.incomeHdi = {
      raw: incomeHdiRaw(req, home),
      facts: {
        term: 'incomeHdi',
        requesterIncome: req.income,
        providerIncome: home.income,
        requesterHdi: req.hdiGroup,
        providerHdi: home.hdiGroup,
      },
    };
  }
  if (provider.kind !== 'government') {
    const w = worksInRaw(provider.where, req);
    raws.worksIn = { raw: w.raw, facts: { term: 'worksIn', match: w.match, place: w.place } };
  }
  const modality = modalityShared(demand.wantedModalities, provider.modalities);
  if (modality !== null) {
    raws.modality = {
      raw: modalityRaw(demand.wantedModalities, provider.modalities),
      facts: { term: 'modality', wanted: [...demand.wantedModalities], shared: modality },
    };
  }

  const w = ctx.settings.weights;
  const terms = matchingTerms.map((term): TermScore => {
    const r = raws[term];
    const raw = r?.raw ?? null;
    return {
      term,
      raw,
      weight: w[term],
      contribution: raw === null ? 0 : (100 * w[term] * raw) / ctx.weightSum,
      facts: r?.facts ?? null,
    };
  });
  // scoreOf adds the same terms in another order: the totals agree up to float rounding.
  return { score: terms.reduce((s, t) => s + t.contribution, 0), terms };
}
