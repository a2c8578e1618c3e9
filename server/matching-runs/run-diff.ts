// What changed between two runs of a round: pairs added, pairs removed, and pairs in both whose
// score, pin or kept state changed. Pure.
import type { StoredMatch } from './compute-run';

export interface RunDiff {
  from: number | null;
  to: number;
  added: StoredMatch[];
  removed: StoredMatch[];
  changed: {
    id: string;
    before: Pick<StoredMatch, 'score' | 'pinned' | 'kept'>;
    after: Pick<StoredMatch, 'score' | 'pinned' | 'kept'>;
  }[];
}

const SCORE_TOLERANCE = 1e-9;

export function diffRuns(
  before: { n: number; matches: StoredMatch[] } | null,
  after: { n: number; matches: StoredMatch[] },
): RunDiff {
  const old = new Map((before?.matches ?? []).map((m) => [m.id, m]));
  const now = new Map(after.matches.map((m) => [m.id, m]));
  const pick = (m: StoredMatch) => ({ score: m.score, pinned: m.pinned, kept: m.kept });
  const changed: RunDiff['changed'] = [];
  for (const m of after.matches) {
    const o = old.get(m.id);
    if (o && (Math.abs(o.score - m.score) > SCORE_TOLERANCE || o.pinned !== m.pinned || o.kept !== m.kept))
      changed.push({ id: m.id, before: pick(o), after: pick(m) });
  }
  return {
    from: before?.n ?? null,
    to: after.n,
    added: after.matches.filter((m) => !old.has(m.id)),
    removed: (before?.matches ?? []).filter((m) => !now.has(m.id)),
    changed,
  };
}
