// From the gathered inputs to the content of a run snapshot, or the problems of the organizers'
// pins. Pure (no I/O): earlier decisions become pins (confirmed and accepted pairs keep their
// slots) and exclusions (rejected and declined pairs are not proposed again); a kept pair that no
// longer fits (the requester's need is gone, the partner left the registry …) is set aside and
// reported rather than blocking the run.
import { explainMatch, matchingLocales, type MatchingLocale } from '../matching/explain';
import { runMatching, type MatchingRun, type PairProblem } from '../matching';
import { pairKey, type LocalizedName, type PairRef, type Provider } from '../matching/matching.types';
import { MATCHING_METHODOLOGY_VERSION } from '../matching/matching-settings';
import type { UnmetDemand } from '../matching/allocate';
import { countryScoreList, organizationInput, type MatchingInputs } from './matching-inputs';

export interface StoredTerm {
  term: string;
  raw: number | null;
  weight: number;
  contribution: number;
}

export interface StoredMatch extends PairRef {
  /** Stable within the round: "<country>-<area>-<provider>". */
  id: string;
  countryName: Record<MatchingLocale, string>;
  areaName: Record<MatchingLocale, string>;
  providerKind: string;
  providerCountry: string | null;
  providerName: Record<MatchingLocale, string>;
  score: number;
  value: number;
  /** Pinned by an organizer. */
  pinned: boolean;
  /** Confirmed or accepted in an earlier run, kept with its slot. */
  kept: boolean;
  /** The provider's room after this run (of: null = unlimited). */
  slots: { free: number | null; of: number | null };
  terms: StoredTerm[];
  explanation: Record<MatchingLocale, string>;
}

export interface RunContent {
  methodologyVersion: string;
  settings: MatchingRun['settings'] & { showSuggestions: boolean };
  date: string;
  scores: { country: string; responseRevision: number; methodologyVersion: string; computedAt: string }[];
  reference: MatchingInputs['referenceVersion'];
  pins: PairRef[];
  exclusions: PairRef[];
  kept: { pairs: PairRef[]; setAside: PairProblem[] };
  counts: { demand: number; providers: number; candidates: number; matches: number; unmet: number };
  matches: StoredMatch[];
  unmet: UnmetDemand[];
}

export type RunOutcome = { ok: true; content: RunContent } | { ok: false; problems: PairProblem[] };

export const matchId = (p: PairRef) => `${p.country}-${p.area}-${p.providerId}`;

const finite = (n: number) => (Number.isFinite(n) ? n : null);

function localized(names: Partial<LocalizedName> | undefined, fallback: string): Record<MatchingLocale, string> {
  const en = names?.en ?? fallback;
  return { en, fr: names?.fr || en, es: names?.es || en };
}

const providerName = (p: Provider, inputs: MatchingInputs) =>
  localized(p.name ?? (p.country ? inputs.countryNames.get(p.country) : undefined), p.id);

/** Pins and exclusions that earlier decisions add to the organizers' own. */
export function decisionPairs(inputs: Pick<MatchingInputs, 'decisions'>): { kept: PairRef[]; excluded: PairRef[] } {
  const ref = (d: PairRef): PairRef => ({ country: d.country, area: d.area, providerId: d.providerId });
  return {
    kept: inputs.decisions.filter((d) => d.status === 'confirmed' || d.status === 'accepted').map(ref),
    excluded: inputs.decisions.filter((d) => d.status === 'rejected' || d.status === 'declined').map(ref),
  };
}

/**
 * Runs matching with `pins` and `exclusions` (the organizers') on top of the earlier decisions.
 * Problems of the organizers' pins are returned; kept pairs with a problem are set aside.
 */
export function computeRun(
  inputs: MatchingInputs,
  pins: readonly PairRef[] = inputs.state.pins,
  exclusions: readonly PairRef[] = inputs.state.exclusions,
): RunOutcome {
  const { kept, excluded } = decisionPairs(inputs);
  const organizerPins = new Set(pins.map(pairKey));
  const setAside: PairProblem[] = [];
  let keptPins = kept.filter((p) => !organizerPins.has(pairKey(p)));
  const scores = inputs.scores.map(countryScoreList);
  const organizations = inputs.partners.map(organizationInput);
  const date = inputs.round.deadline;
  for (;;) {
    const outcome = runMatching({
      reference: inputs.reference,
      date,
      scores,
      organizations,
      settings: inputs.settings,
      pins: [...pins, ...keptPins],
      exclusions: [...exclusions, ...excluded],
    });
    if (!outcome.ok) {
      const ours = outcome.problems.filter((p) => organizerPins.has(pairKey(p.pair)));
      if (ours.length > 0) return { ok: false, problems: ours };
      const drop = new Set(outcome.problems.map((p) => pairKey(p.pair)));
      setAside.push(...outcome.problems);
      keptPins = keptPins.filter((p) => !drop.has(pairKey(p)));
      continue;
    }
    return { ok: true, content: snapshotContent(inputs, outcome.run, pins, exclusions, keptPins, setAside) };
  }
}

function snapshotContent(
  inputs: MatchingInputs,
  run: MatchingRun,
  pins: readonly PairRef[],
  exclusions: readonly PairRef[],
  keptPins: PairRef[],
  setAside: PairProblem[],
): RunContent {
  const providers = new Map(run.providers.map((p) => [p.id, p]));
  const organizerPins = new Set(pins.map(pairKey));
  const keptKeys = new Set(keptPins.map(pairKey));
  const explainData = { areaNames: inputs.areaNames, countryNames: inputs.countryNames };
  const matches: StoredMatch[] = run.allocation.matches.map((m, i) => {
    const provider = providers.get(m.providerId)!;
    const pair = run.terms[i];
    const slots = { free: finite(m.slots.free), of: finite(m.slots.of) };
    const toExplain = { country: m.country, area: m.area, provider, pair, slots: m.slots };
    return {
      id: matchId(m),
      country: m.country,
      area: m.area,
      providerId: m.providerId,
      countryName: localized(inputs.countryNames.get(m.country), m.country),
      areaName: localized(inputs.areaNames[m.area], m.area),
      providerKind: provider.kind,
      providerCountry: provider.country,
      providerName: providerName(provider, inputs),
      score: m.score,
      value: m.value,
      pinned: organizerPins.has(pairKey(m)),
      kept: keptKeys.has(pairKey(m)),
      slots,
      terms: pair.terms.map((t) => ({ term: t.term, raw: t.raw, weight: t.weight, contribution: t.contribution })),
      explanation: Object.fromEntries(
        matchingLocales.map((l) => [l, explainMatch(toExplain, l, explainData)]),
      ) as Record<MatchingLocale, string>,
    };
  });
  return {
    methodologyVersion: MATCHING_METHODOLOGY_VERSION,
    settings: { ...run.settings, showSuggestions: inputs.state.showSuggestions },
    date: run.date,
    scores: inputs.scores.map((s) => ({
      country: s.country,
      responseRevision: s.responseRevision,
      methodologyVersion: s.methodologyVersion,
      computedAt: new Date(s.computedAt).toISOString(),
    })),
    reference: inputs.referenceVersion,
    pins: [...pins],
    exclusions: [...exclusions],
    kept: { pairs: keptPins, setAside },
    counts: {
      demand: run.demand.length,
      providers: run.providers.length,
      candidates: run.candidates,
      matches: matches.length,
      unmet: run.allocation.unmet.length,
    },
    matches,
    unmet: run.allocation.unmet,
  };
}
