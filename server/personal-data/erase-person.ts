// Erasing a person's personal data: a focal point, a partner's contact, or everything about one
// address. Each feature erases what it stores (its own query functions); this file only puts
// the steps in order. What stays — the country's response, the partner's declaration, the
// messages' and links' records, the audit trail — names the person by pseudonym from then on.
//
// Interrupted, an erasure is finished by running it again: every step is idempotent, and the
// record that names the person (the focal point, the partner's contact) is removed last, so
// until the end the same request finds it and goes through every step again. The audit entry
// is written just before that last step, so no completed erasure is missing from the log.
import { eraseAuditClientAddresses } from '../audit/person-audit';
import { erasePersonFromMessages } from '../email/erase-messages';
import type { FocalPointDoc } from '../focal-points/round-focal-points';
import { deleteFocalPointRecord, focalPointsWithEmail } from '../focal-points/person-focal-points';
import { eraseLinksOfPerson } from '../invitations/erase-links';
import { eraseIntroductionContact } from '../matching-runs/erase-introductions';
import {
  declarationDataOf,
  declarationsInviting,
  eraseDeclarationContact,
} from '../partner-declarations/erase-declaration-contact';
import { partnersWithContact, removePartnerContact, type PartnerContactOf } from '../partners/partner-contacts';
import { eraseClientAddresses } from '../privacy/client-addresses';
import { normalizeEmail, pseudonymOf } from '../privacy/pseudonym';
import { eraseSubmitterAddresses } from '../responses/erase-submitter';
import { accountWithEmail } from '../auth/accounts';

/** What an erasure changed (counts of records), and the pseudonym that now stands for the person. */
export interface ErasureReport {
  pseudonym: string;
  focalPoints: number;
  partnerContacts: number;
  declarations: number;
  links: number;
  introductions: number;
  messages: number;
  clientAddresses: number;
  /** Addresses inside audit entries written before addresses were kept apart: sealed, so kept. */
  inlineAddressesKept: number;
  /** An organizer account with this address is not erased here (staff accounts are disabled instead). */
  accountKept: boolean;
}

/** Records the erasure in the audit log: called once everything but the person's record is erased. */
export type RecordErasure = (report: ErasureReport) => Promise<void>;

const emptyReport = (pseudonym: string): ErasureReport => ({
  pseudonym,
  focalPoints: 0,
  partnerContacts: 0,
  declarations: 0,
  links: 0,
  introductions: 0,
  messages: 0,
  clientAddresses: 0,
  inlineAddressesKept: 0,
  accountKept: false,
});

function add(total: ErasureReport, part: ErasureReport): ErasureReport {
  const sum = { ...total };
  for (const key of Object.keys(part) as (keyof ErasureReport)[])
    if (typeof part[key] === 'number') (sum[key] as number) += part[key] as number;
  return sum;
}

/**
 * Erases the client addresses of what was done through the person's links (audit entries,
 * submissions), and counts what the erasure changed.
 */
async function reportOf(
  pseudonym: string,
  erased: { links: string[]; introductions: string[]; messages: number; submissions?: string[] },
): Promise<ErasureReport> {
  const linkActors = [...erased.links, ...erased.introductions].map((id) => ({ kind: 'link' as const, id }));
  const audit = await eraseAuditClientAddresses({ actors: linkActors });
  return {
    ...emptyReport(pseudonym),
    links: erased.links.length,
    introductions: erased.introductions.length,
    messages: erased.messages,
    clientAddresses: audit.erased + (await eraseClientAddresses(erased.submissions ?? [])),
    inlineAddressesKept: audit.inline,
  };
}

/** Everything tied to one focal point, then the focal point itself. */
export async function eraseFocalPoint(fp: FocalPointDoc, record: RecordErasure): Promise<ErasureReport> {
  const pseudonym = await pseudonymOf(fp.email);
  const roundId = String(fp.roundId);
  const links = await eraseLinksOfPerson({ focalPointId: String(fp._id) }, fp.email, pseudonym);
  const introductions = await eraseIntroductionContact(fp.email, pseudonym, { roundId, side: 'requester' });
  const messages = await erasePersonFromMessages({ email: fp.email, names: [fp.name] }, pseudonym, {
    roundId,
    focalPointId: String(fp._id),
  });
  const submissions = await eraseSubmitterAddresses(roundId, fp.country, links);
  const report = { ...(await reportOf(pseudonym, { links, introductions, messages, submissions })), focalPoints: 1 };
  await record(report);
  await deleteFocalPointRecord(String(fp._id));
  return report;
}

/** Everything tied to one partner's contact, then the contact itself (the partner stays). */
export async function erasePartnerContact(
  contact: PartnerContactOf,
  by: string,
  record: RecordErasure,
): Promise<ErasureReport> {
  const { email, name } = contact.contact;
  const pseudonym = await pseudonymOf(email);
  const links = await eraseLinksOfPerson({ partnerId: contact.partnerId, email }, email, pseudonym);
  const introductions = await eraseIntroductionContact(email, pseudonym, { side: 'provider' });
  const messages = await erasePersonFromMessages({ email, names: [name] }, pseudonym, {
    templates: ['declaration', 'introduction'],
  });
  const declarations = await eraseDeclarationContact(email, pseudonym, [contact.partnerId]);
  const report = {
    ...(await reportOf(pseudonym, { links, introductions, messages })),
    partnerContacts: 1,
    declarations,
  };
  await record(report);
  await removePartnerContact(contact.partnerId, email, by);
  return report;
}

/** The partner's contact at this address, if it has one. */
export async function findPartnerContact(partnerId: string, email: string): Promise<PartnerContactOf | undefined> {
  return (await partnersWithContact(email)).find((c) => c.partnerId === partnerId);
}

/**
 * Everything about one address: its focal points, its partner contacts, the organizations it was
 * invited for, and whatever else still names it (links, introductions, messages). An organizer
 * account with the address is reported, not erased. Running it again erases nothing more.
 */
export async function erasePerson(email: string, by: string, record: RecordErasure): Promise<ErasureReport> {
  const address = normalizeEmail(email);
  const pseudonym = await pseudonymOf(address);
  const skip: RecordErasure = async () => {};
  let report = emptyReport(pseudonym);
  const names = new Set<string>();
  for (const fp of await focalPointsWithEmail(address)) {
    names.add(fp.name);
    report = add(report, await eraseFocalPoint(fp, skip));
  }
  for (const contact of await partnersWithContact(address)) {
    names.add(contact.contact.name);
    report = add(report, await erasePartnerContact(contact, by, skip));
  }
  const invitedFor = await declarationsInviting(address);
  for (const found of await declarationDataOf(address, invitedFor))
    if (found.invitee?.name) names.add(found.invitee.name);
  report.declarations += await eraseDeclarationContact(address, pseudonym, invitedFor);
  // Whatever still names the address, in any round or for any partner.
  const links = await eraseLinksOfPerson({ email: address }, address, pseudonym);
  const introductions = await eraseIntroductionContact(address, pseudonym);
  const messages = await erasePersonFromMessages({ email: address, names: [...names] }, pseudonym);
  report = add(report, await reportOf(pseudonym, { links, introductions, messages }));
  report.accountKept = (await accountWithEmail(address)) !== null;
  await record(report);
  return report;
}
