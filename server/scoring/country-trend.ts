// Use case: a country's scores across the rounds it took part in, up to a given round (deadlines
// in order), for the trend of its profile. Only scores that count under each round's own
// setting (approved, or submitted) are taken. Reads the list of rounds (a small collection),
// then, per round of the country, its current scores and response status by _id.
import { responseStatusesOf } from '../responses/response-statuses';
import { listRounds } from '../rounds/find-round';
import { currentCountryScores, type CountryScores } from './round-scores';
import { countsForScores, scoresFromOf } from './scores-from';

export interface RoundScoresOfCountry {
  roundId: string;
  name: string;
  deadline: Date;
  scores: CountryScores;
}

/** Oldest first; the given round last when its scores count. */
export async function countryTrend(
  round: { _id: unknown; deadline: Date },
  iso3: string,
): Promise<RoundScoresOfCountry[]> {
  const rounds = (await listRounds())
    .filter((r) => r.deadline <= round.deadline && r.countries.some((c) => c.iso3 === iso3))
    .sort((a, b) => a.deadline.getTime() - b.deadline.getTime());
  const found = await Promise.all(
    rounds.map(async (r) => {
      const roundId = String(r._id);
      const [scores, statuses] = await Promise.all([
        currentCountryScores(roundId, iso3),
        responseStatusesOf(roundId, [iso3]),
      ]);
      if (!scores || !countsForScores(statuses.get(iso3), scoresFromOf(r))) return [];
      return [{ roundId, name: r.name, deadline: r.deadline, scores }];
    }),
  );
  return found.flat();
}
