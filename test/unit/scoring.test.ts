// Scoring of one answer set (server/scoring/score.ts) against hand-computed values: every
// formula of PRODUCT.md §5, the band boundaries, the completeness threshold, weight overrides
// and answers of the wrong type. The arithmetic is written next to each expectation.
import fs from 'node:fs';
import path from 'node:path';
import type { FormJson, FormQuestion } from '../../server/forms/form-registry';
import { formsDir } from '../../server/paths';
import { bandOf, scoreAnswers, type AreaScore } from '../../server/scoring/score';
import { METHODOLOGY_VERSION, scoringModelOf } from '../../server/scoring/scoring-model';

/** A form with one area A1 of the given weights: level a1_<i>, evidence a1_<i>_ev, a1_imp, a1_target, a1_share. */
function areaForm(weights: number[]): FormJson {
  const elements: FormQuestion[] = weights.flatMap((w, i) => [
    {
      type: 'radiogroup',
      name: `a1_${i + 1}`,
      capgapRole: 'level',
      capgapArea: 'A1',
      capgapIndicator: `A1.${i + 1}`,
      capgapWeight: w,
      choices: [0, 1, 2, 3, 4, 'na', 'dk'],
    },
    { type: 'text', name: `a1_${i + 1}_ev`, capgapRole: 'evidence', capgapArea: 'A1', capgapIndicator: `A1.${i + 1}` },
  ]);
  elements.push(
    { type: 'rating', name: 'a1_imp', capgapRole: 'importance', capgapArea: 'A1', rateMin: 1, rateMax: 5 },
    {
      type: 'dropdown',
      name: 'a1_target',
      capgapRole: 'target',
      capgapArea: 'A1',
      choices: [1, 2, 3, 4],
      defaultValue: 4,
    },
    { type: 'radiogroup', name: 'a1_share', capgapRole: 'share', capgapArea: 'A1', choices: ['yes', 'maybe', 'no'] },
  );
  return { formId: 'test', formVersion: 3, title: 'Test', pages: [{ name: 'p', elements }] };
}

/** Answers a1_1.. from a list of levels (undefined = not answered). */
const levels = (...values: unknown[]) =>
  Object.fromEntries(values.map((v, i) => [`a1_${i + 1}`, v]).filter(([, v]) => v !== undefined));

function scoreArea(weights: number[], answers: Record<string, unknown>, settings = {}): AreaScore {
  return scoreAnswers(scoringModelOf(areaForm(weights)), answers, settings).areas[0];
}

const w1121 = [1, 1, 2, 1];
const example = {
  ...levels(2, 'na', 3, 'dk'),
  a1_1_ev: 'Census 2020 report',
  a1_4_ev: 'see ministry site',
  a1_imp: 3,
  a1_share: 'maybe',
};

describe('capacity, target, gap, priority, completeness, confidence', () => {
  const area = scoreArea(w1121, example);

  it('computes capacity over answered, applicable indicators only', () => {
    // weights 1,1,2,1 levels 2,na,3,dk: C = 100×(1×2+2×3)/(4×(1+2)) = 800/12 = 66.67
    expect(area.capacity).toBe(800 / 12); // full precision, no rounding
    expect(area.band).toBe('meets'); // 66.67 in [50,75)
    expect(area.status).toBe('scored');
  });

  it('derives target, gap and priority', () => {
    // no target answer: T = 25 × 4 = 100; G = 100 − 66.67 = 33.33; P = 3 × 33.33 / 5 = 20
    expect(area.target).toBe(100);
    expect(area.targetLevel).toBe(4);
    expect(area.targetGiven).toBe(false);
    expect(area.gap).toBeCloseTo(100 / 3, 12);
    expect(area.priority).toBeCloseTo(20, 12);
    expect(area.importance).toBe(3);
    expect(area.share).toBe('maybe');
  });

  it('counts "na" out of completeness and "dk" in it as unanswered', () => {
    // applicable = 4 − 1 na = 3; answered = 2 (levels 2 and 3): completeness = 2/3
    expect(area.applicable).toBe(3);
    expect(area.answered).toBe(2);
    expect(area.completeness).toBe(2 / 3);
  });

  it('measures confidence over answered indicators only', () => {
    // evidence on A1.1 (answered) and A1.4 (dk, not answered): 1 of 2 answered = 0.5
    expect(area.withEvidence).toBe(1);
    expect(area.confidence).toBe(0.5);
    expect(area.indicators.map((i) => i.evidence)).toEqual([true, false, false, true]);
  });

  it('keeps the answers that drove the score', () => {
    expect(area.indicators).toEqual([
      { id: 'A1.1', question: 'a1_1', weight: 1, answer: 2, evidence: true },
      { id: 'A1.2', question: 'a1_2', weight: 1, answer: 'na', evidence: false },
      { id: 'A1.3', question: 'a1_3', weight: 2, answer: 3, evidence: false },
      { id: 'A1.4', question: 'a1_4', weight: 1, answer: 'dk', evidence: true },
    ]);
  });

  it('scores all 4s as 100 with no gap and all 0s as 0 with the whole gap', () => {
    const top = scoreArea([1, 1], { ...levels(4, 4), a1_imp: 5 });
    // C = 100×(4+4)/(4×2) = 100; G = max(0, 100 − 100) = 0; P = 5×0/5 = 0
    expect([top.capacity, top.gap, top.priority, top.band]).toEqual([100, 0, 0, 'fully meets']);
    const bottom = scoreArea([1, 1], { ...levels(0, 0), a1_imp: 5 });
    // C = 100×0/8 = 0; G = 100 − 0 = 100; P = 5×100/5 = 100
    expect([bottom.capacity, bottom.gap, bottom.priority, bottom.band]).toEqual([
      0,
      100,
      100,
      'requires further progress',
    ]);
  });

  it('weighs priority by importance 1 and 5, and leaves it null without importance', () => {
    // levels 2,2: C = 100×4/8 = 50; T = 100; G = 50
    expect(scoreArea([1, 1], { ...levels(2, 2), a1_imp: 1 }).priority).toBe(10); // 1×50/5
    expect(scoreArea([1, 1], { ...levels(2, 2), a1_imp: 5 }).priority).toBe(50); // 5×50/5
    const none = scoreArea([1, 1], levels(2, 2));
    expect([none.gap, none.priority, none.importance]).toEqual([50, null, null]);
  });

  it('uses the target given, else the default target level', () => {
    // C = 50 (levels 2,2)
    const t3 = scoreArea([1, 1], { ...levels(2, 2), a1_target: 3 });
    expect([t3.target, t3.gap, t3.targetGiven]).toEqual([75, 25, true]); // T = 25×3; G = 75 − 50
    const t1 = scoreArea([1, 1], { ...levels(2, 2), a1_target: 1 });
    expect([t1.target, t1.gap]).toEqual([25, 0]); // T = 25; G = max(0, 25 − 50) = 0
    const byDefault = scoreArea([1, 1], levels(2, 2));
    expect([byDefault.target, byDefault.gap, byDefault.targetGiven]).toEqual([100, 50, false]); // T = 25×4
    const otherDefault = scoreArea([1, 1], levels(2, 2), { defaultTargetLevel: 3 });
    expect([otherDefault.target, otherDefault.gap]).toEqual([75, 25]); // T = 25×3
  });
});

describe('bands on [0,25) [25,50) [50,75) [75,100]', () => {
  it.each([
    [0, 'requires further progress'],
    [24.999, 'requires further progress'],
    [25, 'partially meets'],
    [49.99, 'partially meets'],
    [50, 'meets'],
    [74.99, 'meets'],
    [75, 'fully meets'],
    [100, 'fully meets'],
  ])('puts capacity %d in "%s"', (capacity, band) => {
    expect(bandOf(capacity)).toBe(band);
  });

  it.each([
    [[1, 1, 1, 1], [1, 1, 1, 1], 25, 'partially meets'], // 100×4/16
    [[1, 1], [2, 2], 50, 'meets'], // 100×4/8
    [[1, 1], [3, 3], 75, 'fully meets'], // 100×6/8
    [[1, 3], [4, 0], 25, 'partially meets'], // 100×4/(4×4)
  ])('bands a scored area: weights %j levels %j give C = %d, "%s"', (weights, answers, capacity, band) => {
    const area = scoreArea(weights, levels(...answers));
    expect(area.capacity).toBe(capacity);
    expect(area.band).toBe(band);
  });

  it('does not let float noise drop a capacity of 25 on paper into the band below', () => {
    // weights 0.1, 0.2, 1.1 levels 1,1,1: C = 100×1.4/5.6 = 25 on paper, 24.999999999999996 in floats
    const area = scoreArea([1, 1, 1], levels(1, 1, 1), { weights: { 'A1.1': 0.1, 'A1.2': 0.2, 'A1.3': 1.1 } });
    expect(area.capacity).toBeCloseTo(25, 12);
    expect(area.band).toBe('partially meets');
  });
});

describe('insufficient data', () => {
  // Indicator ids have at most two digits (A1.99), so 49/100 cannot be built; 49/99 is as close
  // under 0.5 as an area can get, 49/98 exactly 0.5.
  it('is not scored just under completeness 0.5 (49/99 = 0.495) and is at 0.5 (49/98)', () => {
    // 49 answered (level 2) + 50 dk: completeness 49/99 = 0.4949… < 0.5
    const under = scoreArea(Array<number>(99).fill(1), {
      ...levels(...Array(49).fill(2), ...Array(50).fill('dk')),
      a1_imp: 5,
    });
    expect(under.completeness).toBeCloseTo(0.4949, 4);
    expect(under).toMatchObject({
      status: 'insufficient data',
      capacity: null,
      gap: null,
      priority: null,
      band: null,
      target: 100,
    });
    // 49 answered + 49 dk: completeness 0.5; C = 100×(49×2)/(49×4) = 50; G = 50; P = 5×50/5 = 50
    const at = scoreArea(Array<number>(98).fill(1), {
      ...levels(...Array(49).fill(2), ...Array(49).fill('dk')),
      a1_imp: 5,
    });
    expect(at.completeness).toBe(0.5);
    expect(at).toMatchObject({ status: 'scored', capacity: 50, gap: 50, priority: 50, band: 'meets' });
  });

  it('follows the threshold setting: scored when completeness ≥ threshold', () => {
    // 2 answered of 4 applicable = 0.5: scored by default (0.5 ≥ 0.5), not with 0.51 or 0.6
    expect(scoreArea([1, 1, 1, 1], levels(2, 2, 'dk')).status).toBe('scored');
    expect(scoreArea([1, 1, 1, 1], levels(2, 2, 'dk'), { completenessThreshold: 0.51 }).status).toBe(
      'insufficient data',
    );
    expect(scoreArea([1, 1, 1, 1], levels(2, 2, 'dk'), { completenessThreshold: 0.6 }).status).toBe(
      'insufficient data',
    );
  });

  it('does not count "na" against completeness', () => {
    // 1 answered, 3 na: completeness 1/1 = 1; C = 100×3/4 = 75
    expect(scoreArea([1, 1, 1, 1], levels(3, 'na', 'na', 'na'))).toMatchObject({ completeness: 1, capacity: 75 });
  });

  it('reports completeness 0 when nothing is applicable', () => {
    expect(scoreArea([1, 1], levels('na', 'na'))).toMatchObject({
      applicable: 0,
      completeness: 0,
      confidence: 0,
      status: 'insufficient data',
    });
  });

  it('does not score an area with nothing answered even at threshold 0 (no 0/0)', () => {
    expect(scoreArea([1, 1], levels('dk'), { completenessThreshold: 0 })).toMatchObject({
      status: 'insufficient data',
      capacity: null,
    });
  });
});

describe('the capacity form with an empty answer set', () => {
  const model = scoringModelOf(JSON.parse(fs.readFileSync(path.join(formsDir, 'capacity', 'v1.json'), 'utf8')));

  it('reports every area as insufficient data, with the default target', () => {
    const scores = scoreAnswers(model, {});
    expect(scores).toMatchObject({ formId: 'capacity', formVersion: 1, methodologyVersion: METHODOLOGY_VERSION });
    expect(scores.settings).toEqual({ completenessThreshold: 0.5, defaultTargetLevel: 4 });
    expect(scores.areas).toHaveLength(10);
    for (const area of scores.areas) {
      expect(area).toMatchObject({
        status: 'insufficient data',
        capacity: null,
        completeness: 0,
        confidence: 0,
        target: 100,
        importance: null,
        share: null,
      });
      expect(area.indicators.every((i) => i.answer === null && !i.evidence)).toBe(true);
    }
  });

  it('treats answers that are not an object as an empty answer set', () => {
    const empty = scoreAnswers(model, {});
    expect(scoreAnswers(model, null as unknown as Record<string, unknown>)).toEqual(empty);
    expect(scoreAnswers(model, ['a1_1'] as unknown as Record<string, unknown>)).toEqual(empty);
  });
});

describe('answers of the wrong type count as missing', () => {
  it.each([['3'], [3.5], [5], [-1], [true], [{}], [[2]], ['NA']])('level %j', (value) => {
    expect(scoreArea([1, 1], levels(value, 2)).indicators[0].answer).toBeNull();
  });

  it('ignores importance, target and share outside their choices, and blank evidence', () => {
    const area = scoreArea([1, 1], {
      ...levels(2, 2),
      a1_imp: 6,
      a1_target: '3',
      a1_share: 'Yes',
      a1_1_ev: '   ',
      a1_2_ev: 42,
    });
    expect(area).toMatchObject({
      importance: null,
      priority: null,
      targetLevel: 4,
      targetGiven: false,
      share: null,
      confidence: 0,
    });
  });

  it('reads only the answer set’s own keys', () => {
    const form = areaForm([1]);
    form.pages[0].elements[0].name = 'constructor';
    expect(scoreAnswers(scoringModelOf(form), {}).areas[0].indicators[0].answer).toBeNull();
  });
});

describe('weight overrides', () => {
  it('recompute capacity with the settings’ weights', () => {
    // A1.3 weight 2 → 1; levels 2,na,3,dk: C = 100×(1×2+1×3)/(4×(1+1)) = 500/8 = 62.5
    const area = scoreArea(w1121, example, { weights: { 'A1.3': 1 } });
    expect(area.capacity).toBe(62.5);
    expect(area.indicators[2].weight).toBe(1);
  });

  it('exclude an indicator with weight 0: neither applicable nor answered', () => {
    // A1.1 out: applicable A1.3, A1.4 (dk) = 2; answered 1: completeness 0.5; C = 100×(2×3)/(4×2) = 75
    // confidence: A1.1's evidence no longer counts: 0 of 1
    const area = scoreArea(w1121, example, { weights: { 'A1.1': 0 } });
    expect(area).toMatchObject({
      applicable: 2,
      answered: 1,
      completeness: 0.5,
      capacity: 75,
      band: 'fully meets',
      confidence: 0,
    });
    expect(area.indicators[0]).toEqual({ id: 'A1.1', question: 'a1_1', weight: 0, answer: 2, evidence: true });
  });

  it('ignore ids the form does not have, and are recorded as a copy in the result', () => {
    const weights: Record<string, number> = { 'A9.9': 3 };
    const scores = scoreAnswers(scoringModelOf(areaForm(w1121)), example, { weights });
    expect(scores.areas[0].capacity).toBe(800 / 12); // unchanged
    weights['A1.1'] = 0;
    expect(scores.settings).toEqual({ completenessThreshold: 0.5, defaultTargetLevel: 4, weights: { 'A9.9': 3 } });
  });

  it.each([
    [{ weights: { 'A1.1': -1 } }, /weight of A1.1/],
    [{ weights: { 'A1.1': Number.NaN } }, /weight of A1.1/],
    [{ completenessThreshold: 1.5 }, /completenessThreshold/],
    [{ defaultTargetLevel: 5 }, /defaultTargetLevel/],
    [{ defaultTargetLevel: 2.5 }, /defaultTargetLevel/],
  ])('refuse invalid settings %j', (settings, message) => {
    expect(() => scoreArea(w1121, example, settings)).toThrow(RangeError);
    expect(() => scoreArea(w1121, example, settings)).toThrow(message);
  });
});
