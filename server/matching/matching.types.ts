// The plain inputs and outputs of partnership matching: per-country scores (from which demand and
// peer providers are derived), organization partners, demand items, providers, pins and
// exclusions. Plain data only, so that a route, a job or a script can build them from whatever it
// stores, and a run can be stored as it was computed.
import type { PartnerInput } from '../partners/partner.schemas';
import {
  partnerKinds,
  partnerModalities,
  type PartnerKind,
  type PartnerModality,
} from '../partners/partner-vocabulary';
import type { AreaStatus, Share } from '../scoring/score';

/** An area of the capacity questionnaire: A1 … A10. */
export type AreaId = string;

// The partner registry's words, so that matching and the registry cannot drift apart.
export { partnerKinds, type PartnerKind };
export const modalities = partnerModalities;
export type Modality = PartnerModality;

/** One area of a country's scores, as scoring reports it (a structural subset of AreaScore). */
export interface CountryAreaScore {
  area: AreaId;
  status: AreaStatus;
  capacity: number | null;
  priority: number | null;
  target: number;
  share: Share | null;
  /** Partnerships the government takes in this area as a peer, if it said (else the setting). */
  slots?: number;
}

/** A country of the round and its scores. */
export interface CountryScoreList {
  country: string; // ISO3
  areas: CountryAreaScore[];
  /** ISO 639-3 languages the government works in besides its official ones (e.g. its answers' language). */
  workingLanguages?: string[];
  /** Modalities the government would like, if it said; the modality term is neutral without. */
  wantedModalities?: Modality[];
}

/** Where an organization works. Region names are M49 region, sub-region or intermediate region names. */
export type WorkPlace = { kind: 'global' } | { kind: 'region'; name: string } | { kind: 'country'; iso3: string };

export interface LocalizedName {
  en: string;
  fr?: string;
  es?: string;
}

/**
 * An organization partner in the registry's shape (server/partners: a PartnerView fits), with its
 * id. `scope` is where it works: globally, in M49 regions / sub-regions / intermediate regions
 * (by their reference names), or in ISO3 countries; `languages` are ISO 639-3.
 */
export type OrganizationInput = Pick<
  PartnerInput,
  'name' | 'kind' | 'areas' | 'modalities' | 'scope' | 'languages' | 'slots'
> & {
  id: string;
  /** Home country (ISO3), when it has one: the country terms (border, corridor …) then apply too. */
  country?: string;
};

/** A (country, area) that wants partners. */
export interface DemandItem {
  country: string;
  area: AreaId;
  capacity: number;
  priority: number;
  target: number;
  /** ISO 639-3, besides the country's official languages. */
  workingLanguages: string[];
  wantedModalities: Modality[];
}

export type ProviderKind = 'government' | PartnerKind;

/** What a provider offers in one area. */
export interface ProviderArea {
  /** A peer's capacity in the area; null for organizations. */
  capacity: number | null;
  /** Partnerships it takes in this area; null = only the total limits it. */
  slots: number | null;
}

/** A peer government or an organization, in one shape for scoring and allocation. */
export interface Provider {
  /** `gov:<ISO3>` for peer governments, the registry id for organizations. */
  id: string;
  kind: ProviderKind;
  /** The peer's country, or the organization's home country; null when it has none. */
  country: string | null;
  /** Organization names; peers are named from the reference data. */
  name: LocalizedName | null;
  areas: Partial<Record<AreaId, ProviderArea>>;
  /** Partnerships in all areas together; null = only the per-area slots limit it. */
  totalSlots: number | null;
  modalities: Modality[];
  /** ISO 639-3: working languages (organizations) or besides the official ones (peers). */
  languages: string[];
  /** Organizations only; peers are placed by their country. */
  where: WorkPlace[];
}

/** A (requester country, area, provider) triple, as pins and exclusions name it. */
export interface PairRef {
  country: string;
  area: AreaId;
  providerId: string;
}

export const pairKey = (p: PairRef): string => `${p.country}|${p.area}|${p.providerId}`;
export const demandKey = (p: { country: string; area: AreaId }): string => `${p.country}|${p.area}`;
export const peerProviderId = (iso3: string): string => `gov:${iso3}`;
