// What a country's respondents see of matching once their response is approved: the
// partnerships an organizer confirmed (the country helped, or helping a peer), and — only where
// the round shows suggestions — the partners the latest run proposes for the country's
// top-priority areas, each with its explanation in the reader's language.
// selectCountryPartnerships is pure; countryPartnerships reads what it needs by _id (runs) or from
// the round's small collection of decisions.
import type { MatchingLocale } from '../matching/explain';
import { peerProviderId } from '../matching/matching.types';
import type { StoredMatch } from './compute-run';
import { listDecisions, type DecisionView } from './match-decisions';
import { findRun, latestRun, type StoredRun } from './match-runs';
import { roundMatchingState } from './round-matching';

export interface PartnershipView {
  /** requester: the partner helps this country; provider: this country helps a peer. */
  role: 'requester' | 'provider';
  area: string;
  areaName: string;
  /** The other side: the partner (requester role) or the peer country helped (provider role). */
  partner: string;
  partnerKind: string;
  status: 'confirmed' | 'accepted';
  /** Written to the requester ("… vs your 30 …"): given to the requester only. */
  explanation: string | null;
}

export interface SuggestionView {
  area: string;
  areaName: string;
  partners: { partner: string; partnerKind: string; explanation: string }[];
}

export interface CountryPartnerships {
  partnerships: PartnershipView[];
  suggestions: SuggestionView[];
}

export interface PartnershipInputs {
  country: string;
  locale: MatchingLocale;
  decisions: readonly DecisionView[];
  /** The runs the decisions were taken in, by number (the explanation the organizer confirmed). */
  runs: ReadonlyMap<number, StoredRun>;
  /** The latest run, when suggestions are shown. */
  latest: StoredRun | null;
  showSuggestions: boolean;
  /** The country's areas, highest priority first, that suggestions are given for. */
  topAreas: readonly string[];
}

/** The country's scored areas with a gap, highest priority first (ties by area), at most `n`. */
export function topPriorityAreas(
  areas: readonly { area: string; status: string; priority: number | null }[],
  n = 3,
): string[] {
  return areas
    .filter((a) => a.status === 'scored' && a.priority !== null && a.priority > 0)
    .sort((a, b) => b.priority! - a.priority! || (a.area < b.area ? -1 : 1))
    .slice(0, n)
    .map((a) => a.area);
}

const pairId = (p: { country: string; area: string; providerId: string }) => `${p.country}-${p.area}-${p.providerId}`;
const standing = new Set(['confirmed', 'accepted']);

export function selectCountryPartnerships(input: PartnershipInputs): CountryPartnerships {
  const { country, locale } = input;
  const asPeer = peerProviderId(country);
  const partnerships: PartnershipView[] = [];
  for (const d of input.decisions) {
    if (!standing.has(d.status) || (d.country !== country && d.providerId !== asPeer)) continue;
    const match = input.runs.get(d.run)?.matches.find((m) => m.id === pairId(d));
    if (!match) continue;
    const requester = d.country === country;
    partnerships.push({
      role: requester ? 'requester' : 'provider',
      area: d.area,
      areaName: match.areaName[locale],
      partner: requester ? match.providerName[locale] : match.countryName[locale],
      partnerKind: requester ? match.providerKind : 'government',
      status: d.status as PartnershipView['status'],
      explanation: requester ? match.explanation[locale] : null,
    });
  }
  partnerships.sort((a, b) => (a.role === b.role ? (a.area < b.area ? -1 : 1) : a.role === 'requester' ? -1 : 1));

  const suggestions: SuggestionView[] = [];
  if (input.showSuggestions && input.latest) {
    const decided = new Set(input.decisions.map(pairId));
    for (const area of input.topAreas) {
      const proposed: StoredMatch[] = input.latest.matches.filter(
        (m) => m.country === country && m.area === area && !decided.has(m.id),
      );
      if (proposed.length === 0) continue;
      suggestions.push({
        area,
        areaName: proposed[0].areaName[locale],
        partners: proposed.map((m) => ({
          partner: m.providerName[locale],
          partnerKind: m.providerKind,
          explanation: m.explanation[locale],
        })),
      });
    }
  }
  return { partnerships, suggestions };
}

/** Reads the round's decisions, the runs they were taken in and (when shown) the latest run. */
export async function countryPartnerships(
  roundId: string,
  country: string,
  topAreas: readonly string[],
  locale: MatchingLocale,
): Promise<CountryPartnerships> {
  const [decisions, state] = await Promise.all([listDecisions(roundId), roundMatchingState(roundId)]);
  const asPeer = peerProviderId(country);
  const ours = decisions.filter((d) => d.country === country || d.providerId === asPeer);
  const numbers = [...new Set(ours.filter((d) => standing.has(d.status)).map((d) => d.run))];
  const runs = new Map<number, StoredRun>();
  for (const n of numbers) {
    const run = await findRun(roundId, n);
    if (run) runs.set(n, run);
  }
  const latest = state.showSuggestions ? await latestRun(roundId) : null;
  return selectCountryPartnerships({
    country,
    locale,
    decisions: ours,
    runs,
    latest,
    showSuggestions: state.showSuggestions,
    topAreas,
  });
}
