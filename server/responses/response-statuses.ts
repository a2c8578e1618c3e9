// Where the responses of a round's countries stand (draft, submitted, returned …), read by _id one
// country at a time (the latest revision, as country-response-store.ts finds it), so the cost
// follows the round's own size, never the stored history.
import { findLatestResponses } from './country-response-store';
import type { ResponseStatus } from './response-status';

/** Country (ISO3) → its status (response-status.ts), for the countries that have a response. */
export async function responseStatusesOf(
  roundId: string,
  countries: readonly string[],
): Promise<Map<string, ResponseStatus>> {
  const latest = await findLatestResponses(roundId, countries);
  return new Map(latest.map((r) => [r.country, r.status]));
}
