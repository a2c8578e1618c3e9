// Everything a match run reads, gathered through the named functions of the features that own it:
// the round's scores (scoring), the partner registry, the reference data (countries, groups as
// organizers edited them, migration corridors), the round's matching settings and pins, and what
// became of earlier proposals. Reads only.
import { createHash } from 'node:crypto';
import type { FormRegistry } from '../forms/form-registry';
import { areaNamesFromForm, type AreaNames } from '../matching/area-names';
import type { MatchingSettings } from '../matching/matching-settings';
import type { MatchingReference } from '../matching/matching-context';
import type { CountryScoreList, OrganizationInput } from '../matching/matching.types';
import { listPartners, type PartnerView } from '../partners/partners';
import { loadReferenceData } from '../reference/reference-data';
import { currentGroups, listCountries } from '../reference/reference-store';
import type { CountryNames } from '../reference/reference.types';
import { findRoundOrReject } from '../rounds/find-round';
import type { CountryScores } from '../scoring/round-scores';
import { countedScores } from '../scoring/scores-from';
import { listDecisions, type DecisionView } from './match-decisions';
import { effectiveSettings, roundMatchingState, type RoundMatchingState } from './round-matching';

export type RoundDoc = Awaited<ReturnType<typeof findRoundOrReject>>;

/**
 * The scores that count for matching: the current scores of the responses the round's
 * `scoresFrom` setting counts (approved ones by default; server/scoring/scores-from.ts).
 */
export async function scoresForMatching(roundId: string): Promise<CountryScores[]> {
  return [...(await countedScores(await findRoundOrReject(roundId))).scores.values()];
}

/** A country's scores in the shape matching takes. */
export function countryScoreList(s: CountryScores): CountryScoreList {
  return {
    country: s.country,
    areas: s.areas.map((a) => ({
      area: a.area,
      status: a.status,
      capacity: a.capacity,
      priority: a.priority,
      target: a.target,
      share: a.share,
    })),
  };
}

export function organizationInput(p: PartnerView): OrganizationInput {
  return {
    id: p.id,
    name: p.name,
    kind: p.kind,
    areas: p.areas,
    modalities: p.modalities,
    scope: p.scope,
    languages: p.languages,
    slots: p.slots,
  };
}

export interface MatchingInputs {
  round: RoundDoc;
  roundId: string;
  state: RoundMatchingState;
  settings: MatchingSettings;
  scores: CountryScores[];
  partners: PartnerView[];
  reference: MatchingReference;
  /** What the snapshot records of the reference data. */
  referenceVersion: { countries: number; groups: number; groupsHash: string; corridors: string };
  countryNames: Map<string, CountryNames>;
  areaNames: AreaNames;
  decisions: DecisionView[];
}

export async function gatherMatchingInputs(forms: FormRegistry, roundId: string): Promise<MatchingInputs> {
  const round = await findRoundOrReject(roundId);
  const id = String(round._id);
  const [state, scores, partners, countries, groups, decisions] = await Promise.all([
    roundMatchingState(id),
    scoresForMatching(id),
    listPartners(),
    listCountries(),
    currentGroups(),
    listDecisions(id),
  ]);
  const known = new Set(countries.map((c) => c.iso3));
  const form = forms.get(round.formId, round.formVersion);
  return {
    round,
    roundId: id,
    state,
    settings: effectiveSettings(state, round),
    // A country the reference data does not know cannot be placed: it takes no part.
    scores: scores.filter((s) => known.has(s.country)).sort((a, b) => (a.country < b.country ? -1 : 1)),
    partners,
    reference: { countries, groups, corridors: loadReferenceData().corridors },
    referenceVersion: {
      countries: countries.length,
      groups: groups.length,
      groupsHash: createHash('sha256').update(JSON.stringify(groups)).digest('hex'),
      corridors: 'UN DESA international migrant stock 2019',
    },
    countryNames: new Map(countries.map((c) => [c.iso3, c.names])),
    areaNames: form ? areaNamesFromForm(form.json as never) : {},
    decisions,
  };
}
