// Whether a provider may be proposed for a (country, area) at all, and if not, why. Peers must be
// strong in the area and far enough ahead of the requester; organizations must offer the area and,
// by default, work where the requester is. Scoring only ranks eligible pairs; pins on ineligible
// pairs are refused with this reason.
import { factsOf, type CountryFacts, type MatchingContext } from './matching-context';
import type { DemandItem, Provider, WorkPlace } from './matching.types';
import { slotsIn } from './providers';

export type Ineligibility =
  'same-country' | 'area-not-offered' | 'no-slots' | 'margin-too-small' | 'does-not-work-there';

/** Why the pair is not eligible, or null. `requester` may be passed when the caller has it at hand. */
export function ineligibility(
  ctx: MatchingContext,
  demand: DemandItem,
  provider: Provider,
  requester?: CountryFacts,
): Ineligibility | null {
  if (provider.kind === 'government' && provider.country === demand.country) return 'same-country';
  const offer = provider.areas[demand.area];
  if (!offer) return 'area-not-offered';
  if (slotsIn(provider, demand.area) <= 0) return 'no-slots';
  if (offer.capacity !== null && offer.capacity - demand.capacity < ctx.settings.peerMinMargin)
    return 'margin-too-small';
  if (
    provider.kind !== 'government' &&
    ctx.settings.organizationsOnlyWhereTheyWork &&
    worksInScore(provider.where, requester ?? factsOf(ctx, demand.country)) === 0
  ) {
    return 'does-not-work-there';
  }
  return null;
}

export type WorkMatch = 'country' | 'intermediate-region' | 'sub-region' | 'region' | 'global';

const WORK_RAW: Record<WorkMatch, number> = {
  country: 1,
  'intermediate-region': 0.75,
  'sub-region': 0.75,
  region: 0.5,
  global: 0.25,
};

/** How a place of work fits the requester, or null when it does not. */
function workMatch(w: WorkPlace, requester: CountryFacts): WorkMatch | null {
  if (w.kind === 'global') return 'global';
  if (w.kind === 'country') return w.iso3 === requester.iso3 ? 'country' : null;
  if (w.name === requester.intermediateRegion) return 'intermediate-region';
  if (w.name === requester.subRegion) return 'sub-region';
  if (w.name === requester.region) return 'region';
  return null;
}

/** How closely an organization's places of work fit the requester (the closest counts): 0..1. */
export function worksInScore(where: readonly WorkPlace[], requester: CountryFacts): number {
  let best = 0;
  for (const w of where) {
    const m = workMatch(w, requester);
    if (m !== null && WORK_RAW[m] > best) best = WORK_RAW[m];
  }
  return best;
}

/** The same, with the place that gives it, for explanations. */
export function worksInRaw(
  where: readonly WorkPlace[],
  requester: CountryFacts,
): { raw: number; match: WorkMatch | null; place: string | null } {
  let best: { raw: number; match: WorkMatch | null; place: string | null } = { raw: 0, match: null, place: null };
  for (const w of where) {
    const m = workMatch(w, requester);
    if (m !== null && WORK_RAW[m] > best.raw)
      best = { raw: WORK_RAW[m], match: m, place: w.kind === 'global' ? null : w.kind === 'country' ? w.iso3 : w.name };
  }
  return best;
}
