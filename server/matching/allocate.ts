// Allocation of providers to demand under capacities: a requester wants up to k partners per area,
// a provider takes at most its slots per area and in total, pins are always in and exclusions
// never. Pure and deterministic: the result depends on the inputs' contents, not their order.
//
// Objective: a STABLE allocation. Every eligible pair has one value, the requester's priority in
// the area times the pair's candidate score (÷ 100); pairs are taken in decreasing value (ties by
// country, area, then provider id) whenever both sides still have room. With one common value per
// pair this is what many-to-many deferred acceptance reaches, and it is the only stable
// allocation: no requester and provider who are not matched would both rather be (each has room,
// or holds a partner it values less that it could drop: in the same area, or anywhere when the
// provider's total is what is full). Why stable rather than an optimum of a global sum:
//   - every proposal can be explained pair by pair ("nobody better for you had room, and you are
//     the best this partner could still take"), which organizers and partners can check;
//   - a decline or an exclusion changes only the pairs below it in the order, so re-runs move
//     little, and introductions already sent stay sensible;
//   - it runs in O(P log P) for P eligible pairs (under 1 s for 200 countries × 10 areas and 1,000
//     organizations), where an exact min-cost flow over the same graph does not;
//   - capacities are a laminar family on the provider side and a partition on the requester side
//     (two matroids), so the greedy total value is at least half the best possible, and it never
//     leaves a pair unused where both sides have room (unmet demand is real scarcity).
// Pins are placed first and stay; the rest is allocated in the room they leave.
import type { CandidateSet } from './candidate-score';
import { ineligibility, type Ineligibility } from './eligibility';
import type { MatchingContext } from './matching-context';
import { demandKey, pairKey, type AreaId, type PairRef, type Provider } from './matching.types';

export interface Match extends PairRef {
  score: number;
  /** priority × score ÷ 100: the order of allocation. */
  value: number;
  pinned: boolean;
  /** The provider's room after this run, in the pool that limits it here (area slots or total). */
  slots: { free: number; of: number };
}

export type UnmetReason = 'no-eligible-provider' | 'all-slots-taken' | 'excluded';

export interface UnmetDemand {
  country: string;
  area: AreaId;
  wanted: number;
  assigned: number;
  reason: UnmetReason;
  /** Eligible providers, of which excluded, and of which full (neither assigned nor excluded). */
  eligible: number;
  excluded: number;
  full: number;
}

export interface Allocation {
  matches: Match[];
  unmet: UnmetDemand[];
}

export type PairProblemReason =
  | 'pinned-and-excluded'
  | 'no-such-demand'
  | 'no-such-provider'
  | 'pins-exceed-wants'
  | 'pins-exceed-slots'
  | Ineligibility;

export interface PairProblem {
  pair: PairRef;
  reason: PairProblemReason;
  message: string;
}

export type AllocationOutcome = { ok: true; allocation: Allocation } | { ok: false; problems: PairProblem[] };

export interface AllocationRequest {
  /** k: partners wanted per (country, area). */
  partnersPerArea: number;
  pins?: readonly PairRef[];
  exclusions?: readonly PairRef[];
}

const messages: Record<PairProblemReason, string> = {
  'pinned-and-excluded': 'is both pinned and excluded',
  'no-such-demand': 'names a country and area that is not demand in this run',
  'no-such-provider': 'names an unknown provider',
  'pins-exceed-wants': 'is one pin more than the partners wanted in this area',
  'pins-exceed-slots': 'is one pin more than the provider has slots',
  'same-country': 'pairs a government with itself',
  'area-not-offered': 'names a provider that does not offer this area',
  'no-slots': 'names a provider with no slots in this area',
  'margin-too-small': 'names a peer not far enough ahead in this area',
  'does-not-work-there': 'names an organization that does not work in this country',
};

const describe = (p: PairRef) => `${p.country} ${p.area} ↔ ${p.providerId}`;
const problem = (pair: PairRef, reason: PairProblemReason): PairProblem => ({
  pair,
  reason,
  message: `${describe(pair)} ${messages[reason]}`,
});

const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Rank of each item by its key (a total order): ties in value are broken by these ranks. */
function ranks(keys: string[]): Int32Array {
  const order = keys.map((_, i) => i).sort((a, b) => compareStrings(keys[a], keys[b]));
  const rank = new Int32Array(keys.length);
  order.forEach((item, r) => (rank[item] = r));
  return rank;
}

function uniqueIndex(keys: string[], what: string): Map<string, number> {
  const index = new Map<string, number>();
  keys.forEach((k, i) => {
    if (index.has(k)) throw new RangeError(`${what} ${k} is given twice`);
    index.set(k, i);
  });
  return index;
}

/** Room left of a provider: per area, and in total (Infinity = not limited). */
class Room {
  private readonly area: Map<string, number>[];
  private readonly total: Float64Array;
  constructor(private readonly providers: readonly Provider[]) {
    this.total = Float64Array.from(providers, (p) => p.totalSlots ?? Infinity);
    this.area = providers.map((p) => new Map(Object.entries(p.areas).map(([a, o]) => [a, o?.slots ?? Infinity])));
  }
  has(p: number, area: string): boolean {
    return this.total[p] > 0 && (this.area[p].get(area) ?? 0) > 0;
  }
  take(p: number, area: string): void {
    this.total[p]--;
    this.area[p].set(area, (this.area[p].get(area) ?? 0) - 1);
  }
  /** Free slots and capacity in the pool that limits the provider in this area. */
  slots(p: number, area: string): { free: number; of: number } {
    const provider = this.providers[p];
    const areaOf = provider.areas[area]?.slots ?? Infinity;
    const totalOf = provider.totalSlots ?? Infinity;
    const free = Math.min(this.area[p].get(area) ?? 0, this.total[p]);
    return { free, of: Math.min(areaOf, totalOf) };
  }
}

export function allocate(
  ctx: MatchingContext,
  candidates: CandidateSet,
  request: AllocationRequest,
): AllocationOutcome {
  const { demands, providers } = candidates;
  const k = request.partnersPerArea;
  const demandKeys = demands.map(demandKey);
  const demandIndex = uniqueIndex(demandKeys, 'demand');
  const providerIndex = uniqueIndex(
    providers.map((p) => p.id),
    'provider',
  );
  const excluded = new Set((request.exclusions ?? []).map(pairKey));

  // ---- pins: check them all, report every problem, place them ----
  const problems: PairProblem[] = [];
  const pins = [...new Map((request.pins ?? []).map((p) => [pairKey(p), p] as const)).values()].sort((a, b) =>
    compareStrings(pairKey(a), pairKey(b)),
  );
  const room = new Room(providers);
  const wants = new Int32Array(demands.length).fill(k);
  const pinned = new Set<string>();
  for (const pin of pins) {
    const di = demandIndex.get(demandKey(pin));
    const pi = providerIndex.get(pin.providerId);
    const reason: PairProblemReason | null = excluded.has(pairKey(pin))
      ? 'pinned-and-excluded'
      : di === undefined
        ? 'no-such-demand'
        : pi === undefined
          ? 'no-such-provider'
          : (ineligibility(ctx, demands[di], providers[pi]) ??
            (wants[di] === 0 ? 'pins-exceed-wants' : !room.has(pi, pin.area) ? 'pins-exceed-slots' : null));
    if (reason !== null) {
      problems.push(problem(pin, reason));
      continue;
    }
    wants[di!]--;
    room.take(pi!, pin.area);
    pinned.add(pairKey(pin));
  }
  if (problems.length > 0) return { ok: false, problems };

  // ---- the rest, in decreasing value ----
  const demandRank = ranks(demandKeys);
  const providerRank = ranks(providers.map((p) => p.id));
  const value = new Float64Array(candidates.size);
  const open: number[] = [];
  const eligible = new Int32Array(demands.length);
  const excludedCount = new Int32Array(demands.length);
  const pinnedAt: number[] = [];
  // Pair keys are built only when something is pinned or excluded: they are most of the cost.
  const named = excluded.size > 0 || pinned.size > 0;
  for (let c = 0; c < candidates.size; c++) {
    const di = candidates.demandIndex[c];
    const d = demands[di];
    value[c] = (d.priority * candidates.score[c]) / 100;
    eligible[di]++;
    const key = named
      ? pairKey({ country: d.country, area: d.area, providerId: providers[candidates.providerIndex[c]].id })
      : '';
    if (named && excluded.has(key)) excludedCount[di]++;
    else if (named && pinned.has(key)) pinnedAt.push(c);
    else open.push(c);
  }
  open.sort(
    (a, b) =>
      value[b] - value[a] ||
      demandRank[candidates.demandIndex[a]] - demandRank[candidates.demandIndex[b]] ||
      providerRank[candidates.providerIndex[a]] - providerRank[candidates.providerIndex[b]],
  );
  const chosen: number[] = [];
  for (const c of open) {
    const di = candidates.demandIndex[c];
    const pi = candidates.providerIndex[c];
    if (wants[di] === 0) continue;
    const area = demands[di].area;
    if (!room.has(pi, area)) continue;
    wants[di]--;
    room.take(pi, area);
    chosen.push(c);
  }

  // ---- the result, in a fixed order ----
  const toMatch = (c: number, isPinned: boolean): Match => {
    const d = demands[candidates.demandIndex[c]];
    const pi = candidates.providerIndex[c];
    const score = candidates.score[c];
    return {
      country: d.country,
      area: d.area,
      providerId: providers[pi].id,
      score,
      value: value[c],
      pinned: isPinned,
      slots: room.slots(pi, d.area),
    };
  };
  const matches = [...pinnedAt.map((c) => toMatch(c, true)), ...chosen.map((c) => toMatch(c, false))].sort(
    (a, b) =>
      compareStrings(demandKey(a), demandKey(b)) || b.value - a.value || compareStrings(a.providerId, b.providerId),
  );

  const unmet: UnmetDemand[] = [];
  demands.forEach((d, di) => {
    if (wants[di] === 0) return;
    const assigned = k - wants[di];
    const remaining = eligible[di] - assigned;
    const full = remaining - excludedCount[di];
    const reason: UnmetReason = remaining === 0 ? 'no-eligible-provider' : full === 0 ? 'excluded' : 'all-slots-taken';
    unmet.push({
      country: d.country,
      area: d.area,
      wanted: k,
      assigned,
      reason,
      eligible: eligible[di],
      excluded: excludedCount[di],
      full,
    });
  });
  unmet.sort((a, b) => compareStrings(demandKey(a), demandKey(b)));
  return { ok: true, allocation: { matches, unmet } };
}
