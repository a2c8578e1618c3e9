// A person among the partners' contacts, for the export and the erasure of their personal data.
// The registry is small (hundreds to a few thousand partners), so reading it whole is fine.
import { Partner } from './partner.model';

export interface PartnerContactOf {
  partnerId: string;
  partnerName: string;
  contact: { name: string; email: string; language: string };
}

/** Every partner (archived ones too) with a contact at this address. */
export async function partnersWithContact(email: string): Promise<PartnerContactOf[]> {
  const wanted = email.toLowerCase();
  const partners = await Partner.find({}, { name: 1, contacts: 1 }).lean();
  return partners.flatMap((p) =>
    (p.contacts ?? [])
      .filter((c) => c.email.toLowerCase() === wanted)
      .map((c) => ({
        partnerId: String(p._id),
        partnerName: p.name?.en ?? '',
        contact: { name: c.name, email: c.email, language: c.language },
      })),
  );
}

/** Takes the contact off the partner (the partner and its other contacts stay); idempotent. */
export async function removePartnerContact(partnerId: string, email: string, by: string): Promise<boolean> {
  // Read, then set the list without it: a $pull by a field of the element is not supported
  // alike by every MongoDB-compatible server (FerretDB v1 pulls only equal elements).
  const partner = await Partner.findById(partnerId, { contacts: 1 }).lean();
  const contacts = partner?.contacts ?? [];
  const kept = contacts.filter((c) => c.email.toLowerCase() !== email.toLowerCase());
  if (kept.length === contacts.length) return false;
  await Partner.updateOne({ _id: partnerId }, { $set: { contacts: kept, updatedBy: by } });
  return true;
}
