// Providers in one shape: peer governments derived from the round's scores, and organizations
// from the partner registry. A peer offers an area where it is strong (capacity ≥ the setting,
// 75) and willing to share ("yes", or "maybe" when the round allows it); whether it is far
// enough ahead of a given requester is decided per pair (eligibility.ts). Pure.
import type { MatchingSettings } from './matching-settings';
import {
  peerProviderId,
  type CountryScoreList,
  type OrganizationInput,
  type Provider,
  type ProviderArea,
  type WorkPlace,
} from './matching.types';

const PEER_MODALITIES = ['peer-exchange'] as const;

export function peerProvidersFrom(
  countries: readonly CountryScoreList[],
  settings: Pick<MatchingSettings, 'peerMinCapacity' | 'peerSlotsPerArea' | 'allowMaybe'>,
): Provider[] {
  const out: Provider[] = [];
  for (const c of countries) {
    const areas: Record<string, ProviderArea> = {};
    for (const a of c.areas) {
      if (a.status !== 'scored' || a.capacity === null || a.capacity < settings.peerMinCapacity) continue;
      if (!(a.share === 'yes' || (a.share === 'maybe' && settings.allowMaybe))) continue;
      const slots = a.slots ?? settings.peerSlotsPerArea;
      if (slots > 0) areas[a.area] = { capacity: a.capacity, slots };
    }
    if (Object.keys(areas).length === 0) continue;
    out.push({
      id: peerProviderId(c.country),
      kind: 'government',
      country: c.country,
      name: null,
      areas,
      totalSlots: null,
      modalities: [...PEER_MODALITIES],
      languages: [...(c.workingLanguages ?? [])].sort(),
      where: [],
    });
  }
  return out;
}

/** Organizations as providers; an area with 0 slots is not offered. */
export function organizationProviders(organizations: readonly OrganizationInput[]): Provider[] {
  return organizations.map((o) => {
    const areas: Record<string, ProviderArea> = {};
    for (const { area } of o.areas) {
      const slots = o.slots.perArea?.[area] ?? null;
      if (slots !== 0) areas[area] = { capacity: null, slots };
    }
    const where: WorkPlace[] = [
      ...(o.scope.global ? [{ kind: 'global' as const }] : []),
      ...(o.scope.regions ?? []).map((name) => ({ kind: 'region' as const, name })),
      ...(o.scope.countries ?? []).map((iso3) => ({ kind: 'country' as const, iso3 })),
    ];
    return {
      id: o.id,
      kind: o.kind,
      country: o.country ?? null,
      name: { ...o.name },
      areas,
      totalSlots: o.slots.total,
      modalities: [...o.modalities].sort(),
      languages: [...o.languages].sort(),
      where,
    };
  });
}

/** Slots of a provider in an area: the per-area number, bounded by the total. */
export function slotsIn(provider: Provider, area: string): number {
  const a = provider.areas[area];
  if (!a) return 0;
  return Math.min(a.slots ?? Infinity, provider.totalSlots ?? Infinity);
}
