// Properties of the scoring over generated answer sets for the real capacity questionnaire
// (fast-check): ranges, monotonicity, what "don't know" does and does not do, invariance to
// the scale of the weights, and robustness to answers of the wrong type.
import path from 'node:path';
import fc from 'fast-check';
import { loadForm } from '../../server/forms/form-registry';
import { formsDir } from '../../server/paths';
import { scoreAnswers, type AreaScore, type ResponseScores } from '../../server/scoring/score';
import { scoringModelOf, type ScoringModel } from '../../server/scoring/scoring-model';

const model = scoringModelOf(loadForm(path.join(formsDir, 'capacity', 'v1.json')).json);
const indicators = model.areas.flatMap((a) => a.indicators);
const areaOf = (scores: ResponseScores, id: string): AreaScore => scores.areas.find((a) => a.area === id)!;

// Mostly valid answers, some missing, some of the wrong type (which must count as missing).
const junk = fc.constantFrom<unknown>('3', 5, -1, 2.5, true, null, {}, 'NA', '');
const levelValue = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom<unknown>(0, 1, 2, 3, 4) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>('na', 'dk') },
  { weight: 1, arbitrary: junk },
);
const optional = <T>(arb: fc.Arbitrary<T>) =>
  fc.option(fc.oneof({ weight: 5, arbitrary: arb as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: junk }), {
    nil: undefined,
  });

const answerSet: fc.Arbitrary<Record<string, unknown>> = fc
  .record({
    levels: fc.tuple(...indicators.map(() => fc.option(levelValue, { nil: undefined }))),
    evidence: fc.tuple(
      ...indicators.map(() => optional(fc.constantFrom('see report', '  ', 'https://example.org/plan.pdf'))),
    ),
    perArea: fc.tuple(
      ...model.areas.map(() =>
        fc.record({
          importance: optional(fc.integer({ min: 1, max: 5 })),
          target: optional(fc.integer({ min: 1, max: 4 })),
          share: optional(fc.constantFrom('yes', 'maybe', 'no')),
        }),
      ),
    ),
  })
  .map(({ levels, evidence, perArea }) => {
    const answers: Record<string, unknown> = {};
    const put = (name: string | undefined, value: unknown) => {
      if (name !== undefined && value !== undefined) answers[name] = value;
    };
    indicators.forEach((ind, i) => {
      put(ind.question, levels[i]);
      put(ind.evidenceQuestion, evidence[i]);
    });
    model.areas.forEach((area, i) => {
      put(area.importanceQuestion, perArea[i].importance);
      put(area.targetQuestion, perArea[i].target);
      put(area.shareQuestion, perArea[i].share);
    });
    return answers;
  });

const within = (v: number | null, min: number, max: number) => v === null || (v >= min && v <= max);
const indicatorIndex = fc.integer({ min: 0, max: indicators.length - 1 });

describe('scoring properties over generated answer sets for the capacity form', () => {
  it('keeps capacity, target, gap and priority within 0–100, completeness and confidence within 0–1, and nulls exactly when not scored', () => {
    fc.assert(
      fc.property(answerSet, (answers) => {
        for (const area of scoreAnswers(model, answers).areas) {
          expect(
            within(area.capacity, 0, 100) &&
              within(area.target, 0, 100) &&
              within(area.gap, 0, 100) &&
              within(area.priority, 0, 100),
          ).toBe(true);
          expect(within(area.completeness, 0, 1) && within(area.confidence, 0, 1)).toBe(true);
          const scored = area.status === 'scored';
          expect([area.capacity, area.gap, area.band].every((v) => (v === null) === !scored)).toBe(true);
          if (scored) expect(area.completeness).toBeGreaterThanOrEqual(0.5);
        }
      }),
    );
  });

  it('never lowers an area’s capacity (nor raises its gap or priority) when one answered level is raised', () => {
    fc.assert(
      fc.property(
        answerSet,
        indicatorIndex,
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 1, max: 4 }),
        (answers, i, from, step) => {
          const ind = indicators[i];
          const to = Math.min(4, from + step);
          const low = areaOf(scoreAnswers(model, { ...answers, [ind.question]: from }), ind.area);
          const high = areaOf(scoreAnswers(model, { ...answers, [ind.question]: to }), ind.area);
          expect(high.status).toBe(low.status); // same answered/applicable counts
          if (low.capacity === null) return;
          expect(high.capacity!).toBeGreaterThanOrEqual(low.capacity);
          expect(high.gap!).toBeLessThanOrEqual(low.gap!);
          if (low.priority !== null) expect(high.priority!).toBeLessThanOrEqual(low.priority);
        },
      ),
    );
  });

  it('never raises capacity when a "dk" is replaced by 0 (so "dk" is not scored as 0), and raises completeness', () => {
    fc.assert(
      fc.property(answerSet, indicatorIndex, (answers, i) => {
        const ind = indicators[i];
        const dk = areaOf(scoreAnswers(model, { ...answers, [ind.question]: 'dk' }), ind.area);
        const zero = areaOf(scoreAnswers(model, { ...answers, [ind.question]: 0 }), ind.area);
        expect(zero.completeness).toBeGreaterThan(dk.completeness);
        if (dk.capacity !== null && zero.capacity !== null) expect(zero.capacity).toBeLessThanOrEqual(dk.capacity);
      }),
    );
  });

  it('gives an area with "dk" answers the same capacity as the area with those indicators removed from the form (threshold 0)', () => {
    fc.assert(
      fc.property(answerSet, (answers) => {
        const dkQuestions = new Set(
          indicators.filter((ind) => answers[ind.question] === 'dk').map((ind) => ind.question),
        );
        const without: ScoringModel = {
          ...model,
          areas: model.areas.map((a) => ({
            ...a,
            indicators: a.indicators.filter((ind) => !dkQuestions.has(ind.question)),
          })),
        };
        const settings = { completenessThreshold: 0 };
        const withDk = scoreAnswers(model, answers, settings);
        const withoutDk = scoreAnswers(without, answers, settings);
        withDk.areas.forEach((area, i) => {
          expect(area.capacity).toBe(withoutDk.areas[i].capacity); // same sums in the same order: exactly equal
          expect(area.gap).toBe(withoutDk.areas[i].gap);
        });
      }),
    );
  });

  it('scores "dk" and a missing answer alike, except for the answer recorded', () => {
    fc.assert(
      fc.property(answerSet, indicatorIndex, (answers, i) => {
        const ind = indicators[i];
        const dk = areaOf(scoreAnswers(model, { ...answers, [ind.question]: 'dk' }), ind.area);
        const rest = { ...answers };
        delete rest[ind.question];
        const missing = areaOf(scoreAnswers(model, rest), ind.area);
        expect({ ...dk, indicators: [] }).toEqual({ ...missing, indicators: [] });
      }),
    );
  });

  it('changes nothing (beyond 1e-9) when all weights are multiplied by the same positive constant', () => {
    const weights = fc.tuple(...indicators.map(() => fc.double({ min: 0.1, max: 100, noNaN: true })));
    fc.assert(
      fc.property(answerSet, weights, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (answers, base, k) => {
        const byId = (f: (w: number) => number) => Object.fromEntries(indicators.map((ind, i) => [ind.id, f(base[i])]));
        const a = scoreAnswers(model, answers, { weights: byId((w) => w) });
        const b = scoreAnswers(model, answers, { weights: byId((w) => w * k) });
        a.areas.forEach((x, i) => {
          const y = b.areas[i];
          expect([y.status, y.band, y.completeness, y.confidence]).toEqual([
            x.status,
            x.band,
            x.completeness,
            x.confidence,
          ]);
          for (const field of ['capacity', 'gap', 'priority'] as const) {
            if (x[field] === null) expect(y[field]).toBeNull();
            else expect(Math.abs(x[field]! - y[field]!)).toBeLessThan(1e-9);
          }
        });
      }),
    );
  });

  it('scores an answer of the wrong type exactly like no answer', () => {
    fc.assert(
      fc.property(answerSet, indicatorIndex, junk, (answers, i, value) => {
        const ind = indicators[i];
        const rest = { ...answers };
        delete rest[ind.question];
        expect(scoreAnswers(model, { ...rest, [ind.question]: value })).toEqual(scoreAnswers(model, rest));
      }),
    );
  });
});
