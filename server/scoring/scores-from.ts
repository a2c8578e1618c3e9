// Which responses' scores count in the overview, aggregates, score exports and matching: a
// round setting. Snapshots are taken on every submission; by default only approved responses
// count, and a round may count every submitted one instead (under review or approved). The one
// filter that decides it is countsForScores; the statuses themselves are responses/'s.
import { hasSubmittedAnswers, isApproved, type ResponseStatus } from '../responses/response-status';
import { responseStatusesOf } from '../responses/response-statuses';
import { currentScores, type CountryScores } from './round-scores';

export const scoresFromValues = ['approved', 'submitted'] as const;
export type ScoresFrom = (typeof scoresFromValues)[number];
export const defaultScoresFrom: ScoresFrom = 'approved';

export function scoresFromOf(round: { scoring?: { scoresFrom?: string | null } | null }): ScoresFrom {
  return round.scoring?.scoresFrom === 'submitted' ? 'submitted' : defaultScoresFrom;
}

/** Whether the scores of a response in this status count under the round's setting. */
export function countsForScores(status: ResponseStatus | undefined, scoresFrom: ScoresFrom): boolean {
  return scoresFrom === 'approved' ? isApproved(status) : hasSubmittedAnswers(status);
}

export interface CountedScores {
  scoresFrom: ScoresFrom;
  /** The current scores of the countries that count, by country. */
  scores: Map<string, CountryScores>;
  /** Every country's response status (those with a response). */
  statuses: Map<string, ResponseStatus>;
}

/** The round's current scores that count under its scoresFrom setting. */
export async function countedScores(round: {
  _id: unknown;
  countries: readonly { iso3: string }[];
  scoring?: { scoresFrom?: string | null } | null;
}): Promise<CountedScores> {
  const scoresFrom = scoresFromOf(round);
  const [all, statuses] = await Promise.all([
    currentScores(round),
    responseStatusesOf(
      String(round._id),
      round.countries.map((c) => c.iso3),
    ),
  ]);
  const scores = new Map([...all].filter(([country]) => countsForScores(statuses.get(country), scoresFrom)));
  return { scoresFrom, scores, statuses };
}
