// What changed between two score snapshots of one answer set, e.g. after recomputing with new
// weights or a new methodology: per area and field, the old and the new value. Differences
// below FLOAT_TOLERANCE are float noise from summing in another order, not changes.
import { compareIds } from './scoring-model';
import { FLOAT_TOLERANCE, type AreaSummary, type ScoresSummary } from './score';

/** Compared fields, in report order. target, completeness and confidence are here too:
 * a new default target level or a weight-0 override changes them. */
export const DIFF_FIELDS = [
  'status',
  'capacity',
  'target',
  'gap',
  'priority',
  'band',
  'completeness',
  'confidence',
] as const;
export type DiffField = (typeof DIFF_FIELDS)[number];

export interface ScoreChange {
  area: string;
  field: DiffField;
  /** null also when the area is absent from that snapshot (another form version). */
  before: number | string | null;
  after: number | string | null;
}

function same(a: number | string | null, b: number | string | null): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < FLOAT_TOLERANCE;
  return a === b;
}

/** Changes area by area (numeric id order), fields in DIFF_FIELDS order; empty when nothing changed. */
export function diffScores(before: ScoresSummary, after: ScoresSummary): ScoreChange[] {
  const index = (s: ScoresSummary) => new Map(s.areas.map((a) => [a.area, a]));
  const old = index(before);
  const now = index(after);
  const areas = [...new Set([...old.keys(), ...now.keys()])].sort(compareIds);
  const changes: ScoreChange[] = [];
  for (const area of areas) {
    const a: AreaSummary | undefined = old.get(area);
    const b: AreaSummary | undefined = now.get(area);
    for (const field of DIFF_FIELDS) {
      const x = a ? a[field] : null;
      const y = b ? b[field] : null;
      if (!same(x, y)) changes.push({ area, field, before: x, after: y });
    }
  }
  return changes;
}
