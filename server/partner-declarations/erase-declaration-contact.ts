// A person in the partner declarations, for the export and the erasure of their personal data:
// as the invitee of an organization not yet in the registry (the head), or as a contact its
// answers give (contact<N>_name, contact<N>_email). The declaration itself, and its history, stay:
// the pseudonym takes the person's place. Revisions are otherwise never changed once stored;
// erasure is the one exception, and it only replaces the person's own answers.
import { latestInSequence, readSequence, sequenceEntryId } from '../db/append-sequence';
import { DeclarationHead, DeclarationRevision } from './declaration.model';

const sequenceKey = (partnerId: string) => `declaration:${partnerId}`;
const same = (a: unknown, email: string) => typeof a === 'string' && a.trim().toLowerCase() === email.toLowerCase();

/** The contact slots of a revision's answers that give the address ("contact2_email" → 2). */
function contactSlotsOf(answers: Record<string, unknown>, email: string): number[] {
  return Object.keys(answers).flatMap((key) => {
    const slot = /^contact(\d+)_email$/.exec(key);
    return slot && same(answers[key], email) ? [Number(slot[1])] : [];
  });
}

/** Organizations whose invitee is the address (the heads: one per organization invited, a small collection). */
export async function declarationsInviting(email: string): Promise<string[]> {
  const heads = await DeclarationHead.find({ 'invitee.email': email }, { _id: 1 }).lean();
  return heads.map((h) => h._id);
}

/** What the declarations of these organizations hold about the address: the invitee, and the answers giving it. */
export async function declarationDataOf(email: string, partnerIds: readonly string[]) {
  const found = [];
  for (const partnerId of new Set(partnerIds)) {
    const head = await DeclarationHead.findById(partnerId).lean();
    const key = sequenceKey(partnerId);
    const newest = await latestInSequence(DeclarationRevision, key);
    const revisions = await readSequence<{ revision: number; savedAt: Date; answers: Record<string, unknown> }>(
      DeclarationRevision,
      key,
      Array.from({ length: newest }, (_, i) => i + 1),
    );
    const answers = revisions.flatMap((r) => {
      if (!r) return [];
      const slots = contactSlotsOf(r.answers, email);
      return slots.length
        ? [
            {
              revision: r.revision,
              savedAt: r.savedAt,
              contacts: slots.map((n) => ({
                name: r.answers[`contact${n}_name`],
                email: r.answers[`contact${n}_email`],
              })),
            },
          ]
        : [];
    });
    const invitee = head?.invitee && same(head.invitee.email, email) ? head.invitee : undefined;
    if (invitee || answers.length) found.push({ partnerId, ...(invitee && { invitee }), revisions: answers });
  }
  return found;
}

/**
 * Puts the pseudonym in place of the person in these organizations' declarations: the invitee's
 * name and address, and each revision's contact answers giving the address. Returns how many
 * documents changed; running it again changes none.
 */
export async function eraseDeclarationContact(
  email: string,
  pseudonym: string,
  partnerIds: readonly string[],
): Promise<number> {
  let changed = 0;
  for (const partnerId of new Set(partnerIds)) {
    const head = await DeclarationHead.findById(partnerId).lean();
    if (head?.invitee && same(head.invitee.email, email)) {
      await DeclarationHead.updateOne(
        { _id: partnerId },
        { $set: { 'invitee.name': pseudonym, 'invitee.email': pseudonym } },
      );
      changed++;
    }
    const key = sequenceKey(partnerId);
    const newest = await latestInSequence(DeclarationRevision, key);
    for (let n = 1; n <= newest; n++) {
      const revision = await DeclarationRevision.findById(sequenceEntryId(key, n), { answers: 1 }).lean();
      const slots = revision ? contactSlotsOf(revision.answers as Record<string, unknown>, email) : [];
      if (!slots.length) continue;
      const set = Object.fromEntries(
        slots.flatMap((s) => [
          [`answers.contact${s}_name`, pseudonym],
          [`answers.contact${s}_email`, pseudonym],
        ]),
      );
      await DeclarationRevision.updateOne({ _id: sequenceEntryId(key, n) }, { $set: set });
      changed++;
    }
  }
  return changed;
}
