// What became of proposed pairs: an organizer confirms or rejects a match (once per pair and
// round: the insert of the decision is the claim), then each side accepts or declines its
// introduction. Confirmed and accepted pairs keep their slots in later runs; rejected and
// declined pairs are excluded from them.
import { isDuplicateKey } from '../db/claim-number';
import { AppError } from '../http/problem';
import type { PairRef } from '../matching/matching.types';
import { MatchDecision, type IntroductionSide, type MatchDecisionStatus } from './matching-runs.model';

export const decisionId = (roundId: string, p: PairRef) => `${roundId}|${p.country}|${p.area}|${p.providerId}`;

export interface DecisionView extends PairRef {
  id: string;
  run: number;
  status: MatchDecisionStatus;
  decidedBy: string;
  decidedAt: string;
  requester: { answer: 'accepted' | 'declined'; at: string } | null;
  provider: { answer: 'accepted' | 'declined'; at: string } | null;
}

type DecisionDoc = {
  _id: string;
  country: string;
  area: string;
  providerId: string;
  run: number;
  status: MatchDecisionStatus;
  decidedBy: string;
  decidedAt: Date;
  requester?: { answer?: string | null; at?: Date | null } | null;
  provider?: { answer?: string | null; at?: Date | null } | null;
};

const side = (s: DecisionDoc['requester']) =>
  s?.answer ? { answer: s.answer as 'accepted' | 'declined', at: (s.at ?? new Date(0)).toISOString() } : null;

function view(d: DecisionDoc): DecisionView {
  return {
    id: d._id,
    country: d.country,
    area: d.area,
    providerId: d.providerId,
    run: d.run,
    status: d.status,
    decidedBy: d.decidedBy,
    decidedAt: d.decidedAt.toISOString(),
    requester: side(d.requester),
    provider: side(d.provider),
  };
}

/** Every decision of a round (a small collection: one document per confirmed or rejected pair). */
export async function listDecisions(roundId: string): Promise<DecisionView[]> {
  const docs = await MatchDecision.find({ roundId }).lean<DecisionDoc[]>();
  return docs.map(view).sort((a, b) => (a.id < b.id ? -1 : 1));
}

export async function findDecision(id: string): Promise<DecisionView | null> {
  const doc = await MatchDecision.findById(id).lean<DecisionDoc>();
  return doc ? view(doc) : null;
}

/** Records an organizer's decision on a pair; 409 when the pair was decided already. */
export async function claimDecision(
  roundId: string,
  pair: PairRef,
  run: number,
  status: 'confirmed' | 'rejected',
  by: string,
): Promise<DecisionView> {
  const _id = decisionId(roundId, pair);
  try {
    await MatchDecision.create({ _id, roundId, ...pair, run, status, decidedBy: by, decidedAt: new Date() });
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    const existing = await findDecision(_id);
    throw new AppError(
      'conflict',
      `${pair.country} ${pair.area} ↔ ${pair.providerId} is already ${existing?.status ?? 'decided'}`,
      [],
      { extra: { decision: existing } },
    );
  }
  return (await findDecision(_id))!;
}

/** Withdraws a decision whose follow-up (queuing the introductions) failed: nothing stays half done. */
export async function withdrawDecision(id: string): Promise<void> {
  await MatchDecision.deleteOne({ _id: id });
}

/**
 * A side's answer to its introduction. The first answer of a side counts; a decline by either
 * side declines the pair (its slot is free for the next run), both acceptances accept it.
 */
export async function answerIntroduction(
  id: string,
  who: IntroductionSide,
  answer: 'accepted' | 'declined',
  by: string,
): Promise<DecisionView> {
  const current = await findDecision(id);
  if (!current) throw new AppError('linkNotFound');
  if (current[who] || current.status === 'declined' || current.status === 'rejected') {
    throw new AppError(
      'conflict',
      current[who]
        ? `This side has already ${current[who]!.answer} the introduction`
        : `This introduction is ${current.status}`,
      [],
      { extra: { decision: current } },
    );
  }
  const other = who === 'requester' ? current.provider : current.requester;
  const status: MatchDecisionStatus =
    answer === 'declined' ? 'declined' : other?.answer === 'accepted' ? 'accepted' : 'confirmed';
  await MatchDecision.updateOne(
    { _id: id, [`${who}.answer`]: null },
    { $set: { [who]: { answer, by, at: new Date() }, status } },
  );
  // A concurrent answer of the other side may have read the old state: settle the status from both.
  const after = (await findDecision(id))!;
  const settled: MatchDecisionStatus =
    after.requester?.answer === 'declined' || after.provider?.answer === 'declined'
      ? 'declined'
      : after.requester?.answer === 'accepted' && after.provider?.answer === 'accepted'
        ? 'accepted'
        : 'confirmed';
  if (settled !== after.status) await MatchDecision.updateOne({ _id: id }, { $set: { status: settled } });
  return { ...after, status: settled };
}
