// Use cases behind the organizers' score views: the overview matrix (countries × areas, the
// few figures of each cell) and a country's profile (its scores with the answers behind them).
// The API and the console's pages both read these, so they cannot show different numbers.
import { getResponseState } from '../responses/country-responses';
import type { ResponseStatus } from '../responses/response-status';
import { findRoundCountryOrReject, findRoundOrReject } from '../rounds/find-round';
import { currentCountryScoreDetails, type CountryScoreDetails } from './round-scores';
import type { AreaSummary } from './score';
import { countedScores, type ScoresFrom } from './scores-from';

export type OverviewCell = Pick<
  AreaSummary,
  'status' | 'capacity' | 'target' | 'gap' | 'priority' | 'band' | 'completeness'
>;

export interface OverviewCountry {
  iso3: string;
  name: string;
  response: ResponseStatus | 'none';
  methodologyVersion: string | null;
  computedAt: Date | null;
  /** By area id; empty when the country has no scores that count. */
  areas: Record<string, OverviewCell>;
}

export interface RoundOverview {
  round: { id: string; name: string; formId: string; formVersion: number };
  scoresFrom: ScoresFrom;
  /** Areas of the counted scores, in the scores' order. */
  areas: string[];
  countries: OverviewCountry[];
}

/** The few figures of an area that the overview matrix (and the respondent's profile) shows. */
export function overviewCell(a: AreaSummary): OverviewCell {
  return {
    status: a.status,
    capacity: a.capacity,
    target: a.target,
    gap: a.gap,
    priority: a.priority,
    band: a.band,
    completeness: a.completeness,
  };
}

/** Every country of the round, in the round's order, with its counted scores by area. */
export async function roundOverview(roundId: string): Promise<RoundOverview> {
  const round = await findRoundOrReject(roundId);
  const { scoresFrom, scores, statuses } = await countedScores(round);
  const areas = [...new Set([...scores.values()].flatMap((s) => s.areas.map((a) => a.area)))];
  return {
    round: { id: String(round._id), name: round.name, formId: round.formId, formVersion: round.formVersion },
    scoresFrom,
    areas,
    countries: round.countries.map((c) => {
      const s = scores.get(c.iso3);
      return {
        iso3: c.iso3,
        name: c.name,
        response: statuses.get(c.iso3) ?? 'none',
        methodologyVersion: s?.methodologyVersion ?? null,
        computedAt: s?.computedAt ?? null,
        areas: s ? Object.fromEntries(s.areas.map((a) => [a.area, overviewCell(a)])) : {},
      };
    }),
  };
}

export interface CountryProfile {
  country: { iso3: string; name: string };
  response: { status: 'none' } | { status: ResponseStatus; revision: number; submittedAt?: Date };
  /** The country's latest scores, whether or not they count yet (the response's status says). */
  scores: CountryScoreDetails | null;
}

export async function countryProfile(roundId: string, iso3: string): Promise<CountryProfile> {
  const { round, country } = await findRoundCountryOrReject(roundId, iso3);
  const response = await getResponseState(String(round._id), country.iso3);
  return {
    country: { iso3: country.iso3, name: country.name },
    response:
      response.status !== 'new'
        ? { status: response.status, revision: response.revision, submittedAt: response.submittedAt }
        : { status: 'none' },
    scores: (await currentCountryScoreDetails(String(round._id), country.iso3)) ?? null,
  };
}
