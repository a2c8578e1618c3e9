// The events a round's webhook receives, as the features that cause them report them. Each
// payload carries what an integrator needs to act (country codes, the response's revision,
// match and partner ids, API paths to fetch the rest with an account) and no personal data:
// no names, no email addresses. Paths are relative to the service's address.
import { recordWebhookEvent } from './record-event';

const responsePaths = (roundId: string, country: string) => ({
  response: `/api/rounds/${roundId}/responses/${country}`,
  scores: `/api/rounds/${roundId}/countries/${country}/profile`,
});

/** A country submitted its response (first time, or again after it was returned). */
export function notifyResponseSubmitted(
  roundId: string,
  country: string,
  state: { revision: number; status: string; submittedAt?: Date },
): Promise<string | null> {
  return recordWebhookEvent({
    type: 'response.submitted',
    roundId,
    subject: `${country}:r${state.revision}`,
    occurredAt: state.submittedAt,
    data: { country, revision: state.revision, status: state.status, links: responsePaths(roundId, country) },
  });
}

/** An organizer approved a country's response. */
export function notifyResponseApproved(
  roundId: string,
  country: string,
  state: { revision: number },
): Promise<string | null> {
  return recordWebhookEvent({
    type: 'response.approved',
    roundId,
    subject: `${country}:r${state.revision}`,
    data: { country, revision: state.revision, links: responsePaths(roundId, country) },
  });
}

export interface ConfirmedMatch {
  /** The match's id, stable within the round: "<country>-<area>-<provider>". */
  matchId: string;
  run: number;
  country: string;
  area: string;
  providerKind: string;
  providerId: string;
  providerCountry?: string;
}

/** An organizer confirmed a proposed match: introductions go out to both sides. */
export function notifyMatchConfirmed(roundId: string, match: ConfirmedMatch): Promise<string | null> {
  return recordWebhookEvent({
    type: 'match.confirmed',
    roundId,
    subject: match.matchId,
    data: {
      ...match,
      links: { run: `/api/rounds/${roundId}/matching/runs/${match.run}` },
    },
  });
}
