// Looking up a round named in a URL: an unknown or malformed id is a 404, never a 500; so is a
// country the round does not include.
import { isValidObjectId } from 'mongoose';
import { AppError } from '../http/problem';
import { Round } from './round.model';

export async function findRoundOrReject(roundId: string) {
  const round = isValidObjectId(roundId) ? await Round.findById(roundId).lean() : null;
  if (!round) throw new AppError('notFound', 'No such round');
  return round;
}

/** The round and one of its countries, or a 404 naming which of the two is unknown. */
export async function findRoundCountryOrReject(roundId: string, iso3: string) {
  const round = await findRoundOrReject(roundId);
  const country = round.countries.find((c) => c.iso3 === iso3);
  if (!country) throw new AppError('notFound', `${iso3} is not in this round`);
  return { round, country };
}
