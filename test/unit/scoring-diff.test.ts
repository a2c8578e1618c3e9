// "Recompute and say what changed" (server/scoring/diff.ts): changes per area and field between
// two score snapshots, float noise ignored.
import type { FormJson, FormQuestion } from '../../server/forms/form-registry';
import { diffScores } from '../../server/scoring/diff';
import { scoreAnswers, type ResponseScores } from '../../server/scoring/score';
import { scoringModelOf } from '../../server/scoring/scoring-model';

// Areas A1 (weights 1,1,2,1) and A2 (weights 1,1), with importance questions.
const elements: FormQuestion[] = [
  ...[1, 1, 2, 1].map((w, i) => ({
    type: 'radiogroup',
    name: `a1_${i + 1}`,
    capgapRole: 'level',
    capgapArea: 'A1',
    capgapIndicator: `A1.${i + 1}`,
    capgapWeight: w,
  })),
  { type: 'rating', name: 'a1_imp', capgapRole: 'importance', capgapArea: 'A1' },
  ...[1, 1].map((w, i) => ({
    type: 'radiogroup',
    name: `a2_${i + 1}`,
    capgapRole: 'level',
    capgapArea: 'A2',
    capgapIndicator: `A2.${i + 1}`,
    capgapWeight: w,
  })),
];
const form: FormJson = { formId: 'diff', formVersion: 1, title: 'Diff', pages: [{ name: 'p', elements }] };
const model = scoringModelOf(form);
const answers = { a1_1: 2, a1_2: 'na', a1_3: 3, a1_4: 'dk', a1_imp: 3, a2_1: 1, a2_2: 'dk' };

describe('diffScores', () => {
  const before = scoreAnswers(model, answers);

  it('reports nothing for the same scores', () => {
    expect(diffScores(before, scoreAnswers(model, answers))).toEqual([]);
  });

  it('ignores float noise below 1e-9', () => {
    const noisy: ResponseScores = structuredClone(before);
    noisy.areas[0].capacity! += 1e-12;
    noisy.areas[0].gap! -= 1e-12;
    expect(diffScores(before, noisy)).toEqual([]);
  });

  it('says what a weight change did to capacity, gap and priority', () => {
    // A1.3 weight 2 → 1. Before: C = 100×(2+2×3)/(4×3) = 66.67, G = 33.33, P = 3×33.33/5 = 20.
    // After: C = 100×(2+3)/(4×2) = 62.5, G = 37.5, P = 3×37.5/5 = 22.5. Band "meets" both times.
    const after = scoreAnswers(model, answers, { weights: { 'A1.3': 1 } });
    const changes = diffScores(before, after);
    expect(changes.map(({ area, field }) => `${area}.${field}`)).toEqual(['A1.capacity', 'A1.gap', 'A1.priority']);
    expect(changes[0]).toEqual({ area: 'A1', field: 'capacity', before: 800 / 12, after: 62.5 });
    expect(changes[1].before).toBeCloseTo(100 / 3, 12);
    expect(changes[1].after).toBe(37.5);
    expect(changes[2].before).toBeCloseTo(20, 12);
    expect(changes[2].after).toBeCloseTo(22.5, 12);
  });

  it('reports a change of status with the values that appear', () => {
    // A2: 1 answered of 2 = 0.5, scored (C = 100×1/4 = 25). With threshold 0.6: insufficient data.
    const after = scoreAnswers(model, answers, { completenessThreshold: 0.6 });
    expect(diffScores(before, after)).toEqual([
      { area: 'A2', field: 'status', before: 'scored', after: 'insufficient data' },
      { area: 'A2', field: 'capacity', before: 25, after: null },
      { area: 'A2', field: 'gap', before: 75, after: null },
      { area: 'A2', field: 'band', before: 'partially meets', after: null },
    ]);
  });

  it('reports a new default target level', () => {
    // A2: T = 25×4 = 100 → 25×3 = 75; G = 100 − 25 = 75 → 75 − 25 = 50 (no importance: no priority)
    const after = scoreAnswers(model, answers, { defaultTargetLevel: 3 });
    expect(diffScores(before, after).filter((c) => c.area === 'A2')).toEqual([
      { area: 'A2', field: 'target', before: 100, after: 75 },
      { area: 'A2', field: 'gap', before: 75, after: 50 },
    ]);
  });

  it('reports an area missing from one snapshot as nulls', () => {
    const fewer: ResponseScores = { ...before, areas: before.areas.filter((a) => a.area === 'A1') };
    const changes = diffScores(fewer, before);
    expect(changes.every((c) => c.area === 'A2' && c.before === null)).toBe(true);
    expect(changes.map((c) => c.field)).toEqual([
      'status',
      'capacity',
      'target',
      'gap',
      'band',
      'completeness',
      'confidence',
    ]);
  });
});
