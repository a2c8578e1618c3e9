// Everything stored about one email address, feature by feature, for an admin answering a
// person's request to see their data. Each feature reads its own records (by filter: rare, and
// never on a hot path); this file only assembles them.
import { auditEntriesAbout } from '../audit/person-audit';
import { accountWithEmail } from '../auth/accounts';
import { messagesAbout } from '../email/erase-messages';
import { focalPointsWithEmail } from '../focal-points/person-focal-points';
import { linksOfPerson } from '../invitations/erase-links';
import { introductionsSentTo } from '../matching-runs/erase-introductions';
import { declarationDataOf, declarationsInviting } from '../partner-declarations/erase-declaration-contact';
import { partnersWithContact } from '../partners/partner-contacts';
import { normalizeEmail, pseudonymOf } from '../privacy/pseudonym';

export async function exportPersonalData(email: string) {
  const address = normalizeEmail(email);
  const pseudonym = await pseudonymOf(address);
  const account = await accountWithEmail(address);
  const focalPoints = await focalPointsWithEmail(address);
  const links = new Map<string, Awaited<ReturnType<typeof linksOfPerson>>[number]>();
  for (const which of [...focalPoints.map((f) => ({ focalPointId: String(f._id) })), { email: address }])
    for (const link of await linksOfPerson(which)) links.set(link._id, link);
  const partnerContacts = await partnersWithContact(address);
  const introductions = await introductionsSentTo(address);
  const declarations = await declarationDataOf(address, [
    ...partnerContacts.map((c) => c.partnerId),
    ...(await declarationsInviting(address)),
  ]);
  const audit = await auditEntriesAbout({
    people: [pseudonym],
    actors: [
      ...[...links.keys(), ...introductions.map((i) => i._id)].map((id) => ({ kind: 'link' as const, id })),
      ...(account ? [{ kind: 'account' as const, id: account.id }] : []),
    ],
  });
  return {
    email: address,
    pseudonym,
    exportedAt: new Date().toISOString(),
    accounts: account ? [account] : [],
    focalPoints: focalPoints.map(({ _id, ...f }) => ({ id: String(_id), ...f })),
    links: [...links.values()].map(({ _id, ...l }) => ({ id: _id, ...l })),
    outbox: (await messagesAbout(address)).map(({ _id, ...m }) => ({ id: String(_id), ...m })),
    partnerContacts,
    declarations,
    introductions: introductions.map(({ _id, ...i }) => ({ id: _id, ...i })),
    audit,
  };
}
