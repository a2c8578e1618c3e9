// Confirming or rejecting a proposed match, and the introductions that follow a confirmation:
// every contact of both sides (the country's focal points; the partner's contacts, or the peer
// government's focal points) gets an email in their language with a personal link — a random
// token whose SHA-256 is the link's _id (the token is never stored) — to accept or decline.
// A decline frees the slot: the next run excludes the pair and proposes someone else.
import { randomBytes } from 'node:crypto';
import { renderIntroductionEmail, type IntroductionContact } from '../email/introduction-email';
import { queueRenderedEmail } from '../email/queue-email';
import { focalPointsOfCountry } from '../focal-points/country-focal-points';
import type { Locale } from '../i18n/locales';
import { AppError } from '../http/problem';
import { hashToken } from '../http/token-hash';
import { getPartnerOrReject } from '../partners/partners';
import { findRoundOrReject } from '../rounds/find-round';
import type { StoredMatch } from './compute-run';
import {
  answerIntroduction,
  claimDecision,
  findDecision,
  withdrawDecision,
  type DecisionView,
} from './match-decisions';
import { auditOf, findMatch, findRunOrReject, latestRunNumber, type Acting } from './match-runs';
import { linkActor } from '../audit/audit-request';
import { recordAudit } from '../audit/record-audit';
import { pseudonymOf } from '../privacy/pseudonym';
import { IntroductionLink, type IntroductionSide } from './matching-runs.model';
import { notifyMatchConfirmed } from '../webhooks/webhook-events';

/** Introduction links stay valid this long after the confirmation. */
const linkValidDays = 90;

const newToken = () => randomBytes(24).toString('base64url');
export const introductionTokenPattern = /^[A-Za-z0-9_-]{32}$/;

interface Recipient extends IntroductionContact {
  language: Locale;
}

/** The match of run n, which must be the round's latest run: deciding on an older proposal is a 409. */
async function matchOfLatestRun(roundId: string, n: number, matchId: string): Promise<StoredMatch> {
  const latest = await latestRunNumber(roundId);
  if (n < latest)
    throw new AppError(
      'conflict',
      `Run ${n} is not the latest run of this round (run ${latest} is): decide on the latest proposals`,
      [],
      { extra: { latestRun: latest } },
    );
  const match = findMatch(await findRunOrReject(roundId, n), matchId);
  if (match.kept) throw new AppError('conflict', `${matchId} was confirmed in an earlier run`);
  return match;
}

async function recipientsOf(roundId: string, match: StoredMatch): Promise<Record<IntroductionSide, Recipient[]>> {
  const requester = await focalPointsOfCountry(roundId, match.country);
  const provider: Recipient[] =
    match.providerKind === 'government' && match.providerCountry
      ? await focalPointsOfCountry(roundId, match.providerCountry)
      : (await getPartnerOrReject(match.providerId)).contacts.map((c) => ({
          name: c.name,
          email: c.email,
          language: c.language as Locale,
        }));
  return { requester, provider };
}

export interface ConfirmResult {
  decision: DecisionView;
  introductions: Record<IntroductionSide, number>;
}

/** Confirms a match of the latest run and queues the introductions to both sides. */
export async function confirmMatch(
  publicUrl: string,
  roundId: string,
  n: number,
  matchId: string,
  who: Acting,
): Promise<ConfirmResult> {
  const match = await matchOfLatestRun(roundId, n, matchId);
  const round = await findRoundOrReject(roundId);
  const recipients = await recipientsOf(roundId, match);
  const decision = await claimDecision(roundId, match, n, 'confirmed', who.by);
  const created: string[] = [];
  try {
    const contacts = (side: IntroductionSide) => recipients[side].map(({ name, email }) => ({ name, email }));
    const expiresAt = new Date(Date.now() + linkValidDays * 86400_000);
    for (const side of ['requester', 'provider'] as const) {
      for (const r of recipients[side]) {
        const token = newToken();
        const summary = {
          roundName: round.name,
          requesterName: match.countryName[r.language],
          providerName: match.providerName[r.language],
          areaName: match.areaName[r.language],
          explanation: match.explanation[r.language],
        };
        await IntroductionLink.create({
          _id: hashToken(token),
          roundId,
          decisionId: decision.id,
          side,
          name: r.name,
          email: r.email,
          language: r.language,
          summary,
          expiresAt,
        });
        created.push(hashToken(token));
        const rendered = renderIntroductionEmail(r.language, {
          name: r.name,
          ...summary,
          requesterContacts: contacts('requester'),
          providerContacts: contacts('provider'),
          link: `${publicUrl}/introductions/${token}`,
        });
        await queueRenderedEmail({ to: r.email, template: 'introduction', locale: r.language, rendered, roundId });
      }
    }
  } catch (err) {
    // Nothing half done: the links go, and the pair can be confirmed again.
    await IntroductionLink.deleteMany({ _id: { $in: created } });
    await withdrawDecision(decision.id);
    throw err;
  }
  const introductions = { requester: recipients.requester.length, provider: recipients.provider.length };
  await recordAudit({
    ...auditOf(who),
    action: 'match.confirm',
    roundId,
    target: { kind: 'match', id: decision.id },
    details: { run: n, introductions },
  });
  await notifyMatchConfirmed(roundId, {
    matchId: match.id,
    run: n,
    country: match.country,
    area: match.area,
    providerKind: match.providerKind,
    providerId: match.providerId,
    ...(match.providerCountry && { providerCountry: match.providerCountry }),
  });
  return { decision, introductions };
}

/** Rejects a match of the latest run: the pair is not proposed again in this round. */
export async function rejectMatch(roundId: string, n: number, matchId: string, who: Acting): Promise<DecisionView> {
  const match = await matchOfLatestRun(roundId, n, matchId);
  const decision = await claimDecision(roundId, match, n, 'rejected', who.by);
  await recordAudit({
    ...auditOf(who),
    action: 'match.reject',
    roundId,
    target: { kind: 'match', id: decision.id },
    details: { run: n },
  });
  return decision;
}

export interface IntroductionView {
  /** The link's id: its token's SHA-256. */
  linkId: string;
  side: IntroductionSide;
  name: string;
  email: string;
  language: Locale;
  roundId: string;
  summary: { roundName: string; requesterName: string; providerName: string; areaName: string; explanation: string };
  decision: DecisionView;
}

/** The introduction of a token: 404 when unknown, 410 when expired. */
export async function resolveIntroduction(token: string): Promise<IntroductionView> {
  if (!introductionTokenPattern.test(token)) throw new AppError('linkNotFound');
  const link = await IntroductionLink.findById(hashToken(token)).lean();
  if (!link) throw new AppError('linkNotFound');
  if (link.expiresAt.getTime() < Date.now()) throw new AppError('linkNotValid');
  const decision = await findDecision(link.decisionId);
  if (!decision) throw new AppError('linkNotValid');
  return {
    linkId: link._id,
    side: link.side as IntroductionSide,
    name: link.name,
    email: link.email,
    language: link.language as Locale,
    roundId: link.roundId,
    summary: link.summary as IntroductionView['summary'],
    decision,
  };
}

/** A side accepts or declines through its link; 409 when this side has answered already. */
export async function answerByToken(
  token: string,
  answer: 'accepted' | 'declined',
  ip?: string,
): Promise<{ introduction: IntroductionView; decision: DecisionView }> {
  const introduction = await resolveIntroduction(token);
  // The person is named by pseudonym on the decision and in the audit: their address stays on
  // the link alone, where erasing it is one update (privacy/pseudonym.ts).
  const person = await pseudonymOf(introduction.email);
  const decision = await answerIntroduction(introduction.decision.id, introduction.side, answer, person);
  await recordAudit({
    actor: linkActor(introduction.linkId, person),
    people: [person],
    action: answer === 'accepted' ? 'introduction.accept' : 'introduction.decline',
    roundId: introduction.roundId,
    target: { kind: 'match', id: decision.id },
    details: { side: introduction.side, status: decision.status },
    ...(ip ? { ip } : {}),
  });
  return { introduction, decision };
}
