// Partnership matching, the pure core: from the round's scores, the partner registry and the
// reference data to proposed matches with their terms, and unmet demand with its reason. No
// database, no HTTP, no email: a use case, a job or a script passes plain data in and stores what
// comes out (with MATCHING_METHODOLOGY_VERSION and the resolved settings).
//
// How matching works (README):
// Demand is every (country, area) whose area is scored with a priority of at least 20 (setting
// priorityThreshold); areas with insufficient data never create demand. Providers are peer
// governments — an area where their capacity is at least 75, they answered "share: yes" ("maybe"
// too if the round allows it) and they are at least 25 points above the requester; 2 partnerships
// per area unless they said otherwise — and organizations (international organizations, civil
// society, private sector, academia, government agencies outside the round, others) for the areas
// they offer, where they work (globally, in an M49 region or sub-region, or in listed countries),
// within their slots in total and per area. Each eligible pair gets a score from 0 to 100, a
// weighted sum of terms, each with a raw value in 0–1 and reported with its weight and
// contribution: strength (the peer's capacity margin ÷ 100; 0.5 for an organization), same M49
// sub-region (1 same intermediate region, 0.5 same sub-region only), shared REC, RCP or regional
// organization membership in force on the round's date (one 0.5, two or more 1), shared land
// border, a shared language (official languages and stated working languages), migrant stock in
// the corridor in both directions (UN DESA 2019, log-scaled, 1 at a million), both in the global
// South under the round's definition, similar World Bank income and UNDP HDI groups (same 1,
// neighbouring 0.5), where the organization works (country 1, sub-region 0.75, region 0.5,
// global 0.25) and the modalities the requester wants. Default weights: strength 3, language 2,
// every other term 1 (settings, versioned as MATCHING_METHODOLOGY_VERSION). Allocation is stable:
// pairs are taken by decreasing priority × score while both sides have room — a requester wants
// up to k = 2 partners per area, a provider has its slots — after the organizers' pins, and never
// for an excluded pair. No unmatched requester and provider would both rather be together; the
// same inputs in any order give the same result; and every (country, area) left short is reported
// with its reason: no eligible provider, all slots taken, or excluded.
import { allocate, type Allocation, type PairProblem } from './allocate';
import { candidateTerms, scoreCandidates, type ScoredPair } from './candidate-score';
import { demandFrom } from './demand';
import { buildMatchingContext, type MatchingContext, type MatchingReference } from './matching-context';
import {
  MATCHING_METHODOLOGY_VERSION,
  resolveMatchingSettings,
  type MatchingSettings,
  type MatchingSettingsInput,
} from './matching-settings';
import {
  demandKey,
  type CountryScoreList,
  type DemandItem,
  type OrganizationInput,
  type PairRef,
  type Provider,
} from './matching.types';
import { organizationProviders, peerProvidersFrom } from './providers';

export interface MatchingInput {
  reference: MatchingReference;
  /** The round's date: group memberships in force that day count. */
  date: Date | string;
  scores: readonly CountryScoreList[];
  organizations: readonly OrganizationInput[];
  settings?: MatchingSettingsInput;
  pins?: readonly PairRef[];
  exclusions?: readonly PairRef[];
}

export interface MatchingRun {
  methodologyVersion: string;
  settings: MatchingSettings;
  date: string;
  demand: DemandItem[];
  providers: Provider[];
  /** Eligible pairs that were scored. */
  candidates: number;
  allocation: Allocation;
  /** The terms of each match, in the order of allocation.matches. */
  terms: ScoredPair[];
}

export type MatchingOutcome = { ok: true; run: MatchingRun } | { ok: false; problems: PairProblem[] };

export function runMatching(input: MatchingInput): MatchingOutcome {
  const settings = resolveMatchingSettings(input.settings);
  const ctx: MatchingContext = buildMatchingContext(input.reference, input.date, settings);
  const demand = demandFrom(input.scores, settings);
  const providers = [...peerProvidersFrom(input.scores, settings), ...organizationProviders(input.organizations)];
  const candidates = scoreCandidates(ctx, demand, providers);
  const outcome = allocate(ctx, candidates, {
    partnersPerArea: settings.partnersPerArea,
    pins: input.pins,
    exclusions: input.exclusions,
  });
  if (!outcome.ok) return outcome;
  const demandOf = new Map(demand.map((d) => [demandKey(d), d]));
  const providerOf = new Map(providers.map((p) => [p.id, p]));
  const terms = outcome.allocation.matches.map((m) =>
    candidateTerms(ctx, demandOf.get(demandKey(m))!, providerOf.get(m.providerId)!),
  );
  return {
    ok: true,
    run: {
      methodologyVersion: MATCHING_METHODOLOGY_VERSION,
      settings,
      date: ctx.date,
      demand,
      providers,
      candidates: candidates.size,
      allocation: outcome.allocation,
      terms,
    },
  };
}

export { allocate, type Allocation, type Match, type PairProblem, type UnmetDemand } from './allocate';
export { areaNamesFromForm, type AreaNames } from './area-names';
export { candidateTerms, scoreCandidates, type CandidateSet, type ScoredPair, type TermScore } from './candidate-score';
export { demandFrom } from './demand';
export { ineligibility } from './eligibility';
export { explainMatch, explainPhrases, type ExplainData, type MatchingLocale } from './explain';
export { buildMatchingContext, type MatchingContext, type MatchingReference } from './matching-context';
export { MATCHING_METHODOLOGY_VERSION, resolveMatchingSettings, type MatchingSettings } from './matching-settings';
export * from './matching.types';
export { organizationProviders, peerProvidersFrom } from './providers';
