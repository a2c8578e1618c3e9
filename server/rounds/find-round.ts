// Looking up a round named in a URL: an unknown or malformed id is a 404, never a 500.
import { isValidObjectId } from 'mongoose';
import { AppError } from '../http/problem';
import { Round } from './round.model';

export async function findRoundOrReject(roundId: string) {
  const round = isValidObjectId(roundId) ? await Round.findById(roundId).lean() : null;
  if (!round) throw new AppError('notFound', 'No such round');
  return round;
}
