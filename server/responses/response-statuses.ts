// Where the responses of a round's countries stand (draft, submitted, returned …), read by _id one
// country at a time (the latest revision, as country-response-store.ts finds it), so the cost
// follows the round's own size, never the stored history.
import { findLatestResponses } from './country-response-store';
import type { ResponseStatus } from './response-status';

/** What a round's overview shows of a country's response: its status, how far, when last saved. */
export interface ResponseSummary {
  status: ResponseStatus;
  /** Questions with an answer (an empty text or an empty choice list is no answer). */
  answered: number;
  savedAt: Date;
}

const isAnswer = (value: unknown) =>
  value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);

/** Country (ISO3) → its response's summary, for the countries that have a response. */
export async function responseSummariesOf(
  roundId: string,
  countries: readonly string[],
): Promise<Map<string, ResponseSummary>> {
  const latest = await findLatestResponses(roundId, countries);
  return new Map(
    latest.map((r) => [
      r.country,
      { status: r.status, answered: Object.values(r.answers ?? {}).filter(isAnswer).length, savedAt: r.savedAt },
    ]),
  );
}

/** Country (ISO3) → its status (response-status.ts), for the countries that have a response. */
export async function responseStatusesOf(
  roundId: string,
  countries: readonly string[],
): Promise<Map<string, ResponseStatus>> {
  const summaries = await responseSummariesOf(roundId, countries);
  return new Map([...summaries].map(([country, s]) => [country, s.status]));
}
