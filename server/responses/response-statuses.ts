// Where the responses of a round's countries stand (draft or submitted), read by _id one
// country at a time, so the cost follows the round's own size, never the stored history.
import { CountryResponse, countryResponseId } from './country-response.model';

/** Country (ISO3) → 'draft' | 'submitted', for the countries that have a response. */
export async function responseStatusesOf(roundId: string, countries: readonly string[]): Promise<Map<string, string>> {
  const found = await Promise.all(countries.map((c) => CountryResponse.findById(countryResponseId(roundId, c), { country: 1, status: 1 }).lean()));
  return new Map(found.flatMap((r) => (r ? [[r.country, r.status] as const] : [])));
}
