// Whether a provider may be proposed for a (country, area) at all, and if not, why. Peers must be
// strong in the area and far enough ahead of the requester; organizations must offer the area and,
// by default, work where the requester is. Scoring only ranks eligible pairs; pins on ineligible
// pairs are refused with this reason.
import { factsOf, type CountryFacts, type MatchingContext } from './matching-context';
import type { DemandItem, Provider, WorkPlace } from './matching.types';
import { slotsIn } from './providers';

export type Ineligibility = 'same-country' | 'area-not-offered' | 'no-slots' | 'margin-too-small' | 'does-not-work-there';

export function ineligibility(ctx: MatchingContext, demand: DemandItem, provider: Provider): Ineligibility | null {
  if (provider.kind === 'government' && provider.country === demand.country) return 'same-country';
  const offer = provider.areas[demand.area];
  if (!offer) return 'area-not-offered';
  if (slotsIn(provider, demand.area) <= 0) return 'no-slots';
  if (offer.capacity !== null && offer.capacity - demand.capacity < ctx.settings.peerMinMargin) return 'margin-too-small';
  if (provider.kind !== 'government' && ctx.settings.organizationsOnlyWhereTheyWork && worksInRaw(provider.where, factsOf(ctx, demand.country)).raw === 0) {
    return 'does-not-work-there';
  }
  return null;
}

export type WorkMatch = 'country' | 'intermediate-region' | 'sub-region' | 'region' | 'global' | null;

const WORK_RAW: Record<Exclude<WorkMatch, null>, number> = {
  country: 1,
  'intermediate-region': 0.75,
  'sub-region': 0.75,
  region: 0.5,
  global: 0.25,
};

/** How closely an organization's places of work fit the requester: the closest one counts. */
export function worksInRaw(where: readonly WorkPlace[], requester: CountryFacts): { raw: number; match: WorkMatch; place: string | null } {
  let best: { raw: number; match: WorkMatch; place: string | null } = { raw: 0, match: null, place: null };
  const consider = (match: Exclude<WorkMatch, null>, place: string | null) => {
    if (WORK_RAW[match] > best.raw) best = { raw: WORK_RAW[match], match, place };
  };
  for (const w of where) {
    if (w.kind === 'global') consider('global', null);
    else if (w.kind === 'country') {
      if (w.iso3 === requester.iso3) consider('country', w.iso3);
    } else if (w.name === requester.intermediateRegion) consider('intermediate-region', w.name);
    else if (w.name === requester.subRegion) consider('sub-region', w.name);
    else if (w.name === requester.region) consider('region', w.name);
  }
  return best;
}
