// Demo data for partner self-declaration: one demo partner has answered its declaration link
// and waits for an organizer's review, offering one more area and one more partnership than the
// registry says, so the console's declarations page shows a real comparison on first open.
// Idempotent: nothing is done once any declaration exists.
import type { FormRegistry } from '../forms/form-registry';
import type { ResolvedPartnerLink } from '../invitations/links';
import { listPartners } from '../partners/partners';
import { answersFromOffer } from '../partners/partner-offer';
import { findDeclarationHead, listDeclarationHeads } from './declaration-store';
import { getDeclarationForLink, sendDeclarationLink, submitDeclaration } from './partner-declarations';

export const demoDeclaringPartner = 'Diaspora Voices Network';

export async function seedDemoDeclaration(forms: FormRegistry, publicUrl: string): Promise<void> {
  if ((await listDeclarationHeads()).length) return;
  const partner = (await listPartners()).find((p) => p.name.en === demoDeclaringPartner);
  if (!partner) return;
  const sent = await sendDeclarationLink(forms, partner.id, {}, 'seed', publicUrl);
  // The token went out by email only (as for a real partner); the demo answers as that link,
  // described by the record a visitor's token resolves to.
  const head = await findDeclarationHead(partner.id);
  if (!head?.linkIds.includes(sent.linkId)) return;
  const link: ResolvedPartnerLink = {
    invitationId: sent.linkId,
    language: partner.contacts[0]!.language,
    partnerId: partner.id,
  };
  const { response } = await getDeclarationForLink(link);
  const offered = new Set(partner.areas.map((a) => a.area));
  const extra = ['A7', 'A8', 'A6', 'A5'].find((a) => !offered.has(a as never));
  const answers = {
    ...answersFromOffer(partner),
    slots: partner.slots.total + 1,
    areas: [...offered, ...(extra ? [extra] : [])],
    notes: 'We can now also host study visits for statistics officers.',
  };
  await submitDeclaration(forms, link, { answers, baseRevision: response.revision }, link.language);
}
