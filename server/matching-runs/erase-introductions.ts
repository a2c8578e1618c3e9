// The introduction links sent to a person (a focal point on a country's side, a partner's contact
// on the provider's), for the export and the erasure of their personal data. Read by filter (the
// whole collection on FerretDB): rare admin actions only. An erased link keeps its record
// (decision, side, dates, what the page showed) with the pseudonym in place of the name and
// address; its answer, if given, stays on the decision.
import { IntroductionLink, MatchDecision, type IntroductionSide } from './matching-runs.model';

export interface IntroductionScope {
  roundId?: string;
  side?: IntroductionSide;
}

/** The introduction links sent to the address, without what the page shows. */
export async function introductionsSentTo(email: string, scope: IntroductionScope = {}) {
  const links = await IntroductionLink.find({ email }, { summary: 0 }).lean();
  return links.filter((l) => (!scope.roundId || l.roundId === scope.roundId) && (!scope.side || l.side === scope.side));
}

/** Puts the pseudonym in place of the person on their introduction links; returns the links' ids. */
export async function eraseIntroductionContact(
  email: string,
  pseudonym: string,
  scope: IntroductionScope = {},
): Promise<string[]> {
  const links = await introductionsSentTo(email, scope);
  const now = new Date();
  for (const link of links) {
    // Answers given before answers named people by pseudonym carry the address on the decision.
    await MatchDecision.updateOne(
      { _id: link.decisionId, [`${link.side}.by`]: email },
      { $set: { [`${link.side}.by`]: pseudonym } },
    );
    await IntroductionLink.updateOne(
      { _id: link._id },
      { $set: { name: pseudonym, email: pseudonym, ...(link.expiresAt > now && { expiresAt: now }) } },
    );
  }
  return links.map((l) => l._id);
}
