// The client addresses kept on a country's submitted revisions, for the erasure of the personal
// data of the focal point who submitted them: the response, its answers and its history stay.
// Reads the country's revisions by _id (one country's only). Revisions are otherwise never
// changed once stored; erasure is the one exception, and it only removes inline addresses.
import {
  CountryResponse,
  CountryResponseRevision,
  countryResponseId,
  countryResponseRevisionId,
} from './country-response.model';
import { findLatestResponse } from './country-response-store';

/**
 * For the revisions submitted through these links: removes the addresses stored inline (before
 * addresses were kept apart) and returns the references of those kept apart, for the caller to
 * erase (privacy/client-addresses.ts). Running it again finds nothing inline.
 */
export async function eraseSubmitterAddresses(
  roundId: string,
  country: string,
  linkIds: readonly string[],
): Promise<string[]> {
  const links = new Set(linkIds);
  const latest = await findLatestResponse(roundId, country);
  const refs: string[] = [];
  for (let n = 1; n <= (latest?.revision ?? 0); n++) {
    const _id = countryResponseRevisionId(roundId, country, n);
    const doc = await CountryResponseRevision.findById(_id, { submittedBy: 1 }).lean();
    const by = doc?.submittedBy;
    if (!by?.invitationId || !links.has(by.invitationId)) continue;
    if (by.clientAddress) refs.push(by.clientAddress);
    if (by.ip || by.userAgent)
      await CountryResponseRevision.updateOne({ _id }, { $unset: { 'submittedBy.ip': 1, 'submittedBy.userAgent': 1 } });
  }
  // The copy of the latest revision carries the same fields.
  const pointer = await CountryResponse.findById(countryResponseId(roundId, country), { submittedBy: 1 }).lean();
  const by = pointer?.submittedBy;
  if (by?.invitationId && links.has(by.invitationId) && (by.ip || by.userAgent))
    await CountryResponse.updateOne(
      { _id: countryResponseId(roundId, country) },
      { $unset: { 'submittedBy.ip': 1, 'submittedBy.userAgent': 1 } },
    );
  return refs;
}
