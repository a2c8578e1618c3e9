// The personal links of a person, for the export and the erasure of their personal data: those
// sent to a focal point, those sent to a partner's contact, or every link naming an address.
// Read by filter (the whole collection on FerretDB): rare admin actions only. An erased link is
// withdrawn and keeps its record (subject, dates) with the pseudonym in place of the address.
import { Link } from './invitation.model';

export type LinksOfPerson =
  | { focalPointId: string }
  | { partnerId: string; email: string }
  /** Every link whose label or recipient is the address. */
  | { email: string };

function filterOf(which: LinksOfPerson) {
  if ('focalPointId' in which) return { focalPointId: which.focalPointId };
  if ('partnerId' in which) return { partnerId: which.partnerId, sentTo: which.email };
  return { $or: [{ label: which.email }, { sentTo: which.email }] };
}

/** The links, as stored (their _id is their token's hash, never the token). */
export function linksOfPerson(which: LinksOfPerson) {
  return Link.find(filterOf(which)).lean();
}

/**
 * Withdraws the links and puts the pseudonym where they name the person (a focal point's links
 * carry its address as their label, a partner's its recipient). Returns the links' ids, erased
 * now or before, so the caller can erase what was done through them (their client addresses).
 */
export async function eraseLinksOfPerson(which: LinksOfPerson, email: string, pseudonym: string): Promise<string[]> {
  const links = await linksOfPerson(which);
  for (const link of links) {
    const set: Record<string, unknown> = {};
    if (!link.revokedAt) set.revokedAt = new Date();
    if (link.label && link.label.toLowerCase() === email.toLowerCase()) set.label = pseudonym;
    if (link.sentTo && link.sentTo.toLowerCase() === email.toLowerCase()) set.sentTo = pseudonym;
    if (Object.keys(set).length) await Link.updateOne({ _id: link._id }, { $set: set });
  }
  return links.map((l) => l._id);
}
