// Match runs of a round: running matching and storing the snapshot (appended to the round's
// sequence "matching:<roundId>", the insert is the claim of the number), reading the latest run
// or run n by _id, and the diff of a run with the one before.
import { recordAudit } from '../audit/record-audit';
import type { AuditParty } from '../audit/audit-hash';
import { appendToSequence, latestInSequence, readSequence } from '../db/append-sequence';
import type { FormRegistry } from '../forms/form-registry';
import { AppError } from '../http/problem';
import { listCountries, currentGroups } from '../reference/reference-store';
import { coverageOf, type CoverageReport } from './coverage-report';
import { computeRun, matchId, type RunContent, type StoredMatch } from './compute-run';
import { gatherMatchingInputs } from './matching-inputs';
import { listDecisions, type DecisionView } from './match-decisions';
import { MatchRun } from './matching-runs.model';
import { diffRuns, type RunDiff } from './run-diff';

/** Who acts, for the audit log: an account through HTTP (with the request), or a script. */
export interface Acting {
  actor: AuditParty;
  /** Recorded as the run's and decisions' author (an email, or the script's name). */
  by: string;
  requestId?: string;
  ip?: string;
}

export const auditOf = (who: Acting) => ({
  actor: who.actor,
  ...(who.requestId ? { requestId: who.requestId } : {}),
  ...(who.ip ? { ip: who.ip } : {}),
});

export const runSequenceKey = (roundId: string) => `matching:${roundId}`;

export interface StoredRun extends RunContent {
  _id: string;
  roundId: string;
  n: number;
  createdAt: Date;
  createdBy: string;
}

/** Problems of pins as a 422 naming each pair. */
export function pinProblems(
  problems: { message: string; pair: { country: string; area: string; providerId: string } }[],
): AppError {
  return new AppError(
    'unprocessable',
    problems.map((p) => p.message).join('; '),
    problems.map((p) => ({ field: 'body.pins', message: p.message })),
    {
      extra: {
        pairs: problems.map((p) => ({ country: p.pair.country, area: p.pair.area, provider: p.pair.providerId })),
      },
    },
  );
}

/** Runs matching on the round's current data and stores the run; 422 when the organizers' pins do not hold. */
export async function runRoundMatching(
  forms: FormRegistry,
  roundId: string,
  who: Acting,
  onProgress?: (step: string) => void,
): Promise<StoredRun> {
  onProgress?.('reading scores, partners and reference data');
  const inputs = await gatherMatchingInputs(forms, roundId);
  onProgress?.('matching');
  const outcome = computeRun(inputs);
  if (!outcome.ok) throw pinProblems(outcome.problems);
  onProgress?.('storing the run');
  const { entry } = await appendToSequence<Omit<StoredRun, '_id'>>(MatchRun, runSequenceKey(inputs.roundId), (n) => ({
    roundId: inputs.roundId,
    n,
    createdAt: new Date(),
    createdBy: who.by,
    ...outcome.content,
  }));
  await recordAudit({
    ...auditOf(who),
    action: 'matching.run',
    roundId: inputs.roundId,
    target: { kind: 'matchRun', id: entry._id },
    details: { n: entry.n, counts: outcome.content.counts, methodologyVersion: outcome.content.methodologyVersion },
  });
  return entry as StoredRun;
}

export async function latestRunNumber(roundId: string): Promise<number> {
  return latestInSequence(MatchRun, runSequenceKey(roundId));
}

export async function findRun(roundId: string, n: number): Promise<StoredRun | null> {
  if (!Number.isInteger(n) || n < 1) return null;
  const [run] = await readSequence<StoredRun>(MatchRun, runSequenceKey(roundId), [n]);
  return run;
}

export async function findRunOrReject(roundId: string, n: number): Promise<StoredRun> {
  const run = await findRun(roundId, n);
  if (!run) throw new AppError('notFound', `No match run ${n} in this round`);
  return run;
}

export async function latestRun(roundId: string): Promise<StoredRun | null> {
  const n = await latestRunNumber(roundId);
  return n === 0 ? null : findRun(roundId, n);
}

export async function latestRunOrReject(roundId: string): Promise<StoredRun> {
  const run = await latestRun(roundId);
  if (!run) throw new AppError('notFound', 'This round has no match run yet');
  return run;
}

export async function runDiff(roundId: string, n: number): Promise<RunDiff> {
  const run = await findRunOrReject(roundId, n);
  const before = n > 1 ? await findRun(roundId, n - 1) : null;
  return diffRuns(before, run);
}

/** Run numbers newest first, with their counts (for listings; reads runs by _id). */
export async function listRuns(
  roundId: string,
  limit = 20,
): Promise<Pick<StoredRun, 'n' | 'createdAt' | 'createdBy' | 'counts' | 'methodologyVersion'>[]> {
  const latest = await latestRunNumber(roundId);
  const numbers = Array.from({ length: Math.min(limit, latest) }, (_, i) => latest - i);
  const runs = await readSequence<StoredRun>(MatchRun, runSequenceKey(roundId), numbers);
  return runs
    .filter((r): r is StoredRun => r !== null)
    .map((r) => ({
      n: r.n,
      createdAt: r.createdAt,
      createdBy: r.createdBy,
      counts: r.counts,
      methodologyVersion: r.methodologyVersion,
    }));
}

export function findMatch(run: StoredRun, id: string): StoredMatch {
  const match = run.matches.find((m) => m.id === id);
  if (!match) throw new AppError('notFound', `No match ${id} in run ${run.n}`);
  return match;
}

/** Unmet demand of the latest run, added up by area, region, sub-region and grouping. */
export async function roundCoverage(roundId: string): Promise<CoverageReport> {
  return coverageOfRun(await latestRunOrReject(roundId));
}

/** Unmet demand of a run already read, added up as roundCoverage does. */
export async function coverageOfRun(run: StoredRun): Promise<CoverageReport> {
  const [countries, groups] = await Promise.all([listCountries(), currentGroups()]);
  return coverageOf(run, countries, groups);
}

export type MatchWithDecision = StoredMatch & {
  status: DecisionView['status'] | 'proposed';
  decision: DecisionView | null;
};

/** A run as organizers read it: each match with the current decision on its pair (if any). */
export async function runWithDecisions(
  run: StoredRun,
  decisions?: DecisionView[],
): Promise<Omit<StoredRun, '_id' | 'matches'> & { matches: MatchWithDecision[] }> {
  const byPair = new Map((decisions ?? (await listDecisions(run.roundId))).map((d) => [matchId(d), d]));
  const { _id, ...rest } = run;
  return {
    ...rest,
    matches: run.matches.map((m) => ({
      ...m,
      status: byPair.get(m.id)?.status ?? 'proposed',
      decision: byPair.get(m.id) ?? null,
    })),
  };
}
