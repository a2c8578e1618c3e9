// Group-level aggregates of countries' scores (server/scoring/aggregate.ts): hand-computed
// statistics per group and area, insufficient data counted apart and never averaged in, the
// median of odd and even counts.
import fc from 'fast-check';
import type { FormJson, FormQuestion } from '../../server/forms/form-registry';
import {
  aggregateScores,
  mean,
  median,
  type AggregateEntry,
  type GroupAggregate,
} from '../../server/scoring/aggregate';
import { scoreAnswers } from '../../server/scoring/score';
import { scoringModelOf } from '../../server/scoring/scoring-model';

// Areas A1 and A2, 4 indicators of weight 1 each: C = 100 × Σlevels / 16 = 6.25 × Σlevels.
const elements: FormQuestion[] = ['A1', 'A2'].flatMap((area) => [
  ...[1, 2, 3, 4].map((i) => ({
    type: 'radiogroup',
    name: `${area.toLowerCase()}_${i}`,
    capgapRole: 'level',
    capgapArea: area,
    capgapIndicator: `${area}.${i}`,
    capgapWeight: 1,
  })),
  { type: 'rating', name: `${area.toLowerCase()}_imp`, capgapRole: 'importance', capgapArea: area },
]);
const form: FormJson = { formId: 'agg', formVersion: 1, title: 'Aggregates', pages: [{ name: 'p', elements }] };
const model = scoringModelOf(form);

function country(
  code: string,
  groups: string[],
  a1: unknown[],
  a2: unknown[],
  imp: { a1?: number; a2?: number } = {},
): AggregateEntry {
  const answers: Record<string, unknown> = { a1_imp: imp.a1, a2_imp: imp.a2 };
  a1.forEach((v, i) => (answers[`a1_${i + 1}`] = v));
  a2.forEach((v, i) => (answers[`a2_${i + 1}`] = v));
  return { country: code, groups, scores: scoreAnswers(model, answers) };
}

const dk4 = ['dk', 'dk', 'dk', 'dk'];
const entries = [
  // A1 C = 6.25×4 = 25, G = 75, P = 5×75/5 = 75; A2 all dk: insufficient
  country('KE', ['region:Africa', 'income:Lower middle', 'south:un-regions'], [1, 1, 1, 1], dk4, { a1: 5 }),
  // A1 C = 50, G = 50, no importance: P null; A2 C = 100, G = 0, P = 1×0/5 = 0
  country('NG', ['region:Africa', 'income:Lower middle', 'south:un-regions'], [2, 2, 2, 2], [4, 4, 4, 4], { a2: 1 }),
  // A1 C = 6.25×14 = 87.5, G = 12.5, P = 2×12.5/5 = 5; A2 C = 0, G = 100, P = 3×100/5 = 60
  country('MA', ['region:Africa', 'income:Lower middle', 'region:Africa'], [4, 4, 4, 2], [0, 0, 0, 0], {
    a1: 2,
    a2: 3,
  }),
  // A1 C = 75, G = 25, P = 4×25/5 = 20; A2 one answered of 4: completeness 0.25, insufficient
  country('DE', ['region:Europe', 'income:High'], [3, 3, 3, 3], [2, 'dk', 'dk', 'dk'], { a1: 4 }),
];

const find = (result: GroupAggregate[], group: string, area: string) =>
  result.find((g) => g.group === group)!.areas.find((a) => a.area === area)!;

describe('aggregateScores', () => {
  const result = aggregateScores(entries);

  it('lists the all group first, then the caller’s groups in order', () => {
    expect(result.map((g) => [g.group, g.countries])).toEqual([
      ['all', 4],
      ['income:High', 1],
      ['income:Lower middle', 3],
      ['region:Africa', 3], // MA lists it twice: counted once
      ['region:Europe', 1],
      ['south:un-regions', 2],
    ]);
  });

  it('computes mean, median, min and max of capacity, gap and priority over scored countries', () => {
    const a1 = find(result, 'all', 'A1');
    expect([a1.scored, a1.insufficientData]).toEqual([4, 0]);
    // capacity 25, 50, 87.5, 75: mean 237.5/4 = 59.375; median (50+75)/2 = 62.5
    expect(a1.capacity).toEqual({ n: 4, mean: 59.375, median: 62.5, min: 25, max: 87.5 });
    // gap 75, 50, 12.5, 25: mean 162.5/4 = 40.625; median (25+50)/2 = 37.5
    expect(a1.gap).toEqual({ n: 4, mean: 40.625, median: 37.5, min: 12.5, max: 75 });
    // priority 75, 5, 20 (NG gave no importance): mean 100/3 = 33.33; median 20
    expect(a1.priority).toEqual({ n: 3, mean: 100 / 3, median: 20, min: 5, max: 75 });
    // bands: 25 partially, 50 meets, 87.5 and 75 fully
    expect(a1.bands).toEqual({ 'requires further progress': 0, 'partially meets': 1, meets: 1, 'fully meets': 2 });
  });

  it('counts insufficient data apart and leaves it out of every statistic', () => {
    const a2 = find(result, 'all', 'A2');
    // scored: NG 100, MA 0; insufficient: KE, DE
    expect([a2.scored, a2.insufficientData]).toEqual([2, 2]);
    expect(a2.capacity).toEqual({ n: 2, mean: 50, median: 50, min: 0, max: 100 }); // (100+0)/2, not (100+0+0+0)/4
    expect(a2.priority).toEqual({ n: 2, mean: 30, median: 30, min: 0, max: 60 }); // (0+60)/2
    expect(a2.bands).toEqual({ 'requires further progress': 1, 'partially meets': 0, meets: 0, 'fully meets': 1 });
  });

  it('aggregates each group over its own countries', () => {
    // Africa A1: 25, 50, 87.5: mean 162.5/3 = 54.17; median 50 (odd count)
    const africa = find(result, 'region:Africa', 'A1');
    expect(africa.capacity!.mean).toBeCloseTo(162.5 / 3, 12);
    expect(africa.capacity!.median).toBe(50);
    expect(find(result, 'region:Africa', 'A2')).toMatchObject({ scored: 2, insufficientData: 1 });
    // Europe A2: DE only, insufficient: no statistics at all
    expect(find(result, 'region:Europe', 'A2')).toMatchObject({
      scored: 0,
      insufficientData: 1,
      capacity: null,
      gap: null,
      priority: null,
    });
  });

  it('counts a country whose form lacks an area neither as scored nor as insufficient', () => {
    const pilot = scoringModelOf({ ...form, formId: 'pilot', pages: [{ name: 'p', elements: elements.slice(0, 5) }] });
    const withPilot = [
      ...entries,
      { country: 'SN', groups: [], scores: scoreAnswers(pilot, { a1_1: 4, a1_2: 4, a1_3: 4, a1_4: 4 }) },
    ];
    const all = aggregateScores(withPilot);
    expect(find(all, 'all', 'A1')).toMatchObject({ scored: 5 });
    expect(find(all, 'all', 'A2')).toMatchObject({ scored: 2, insufficientData: 2 });
    expect(all[0].countries).toBe(5);
  });

  it('takes another name for the all group, and handles no entries', () => {
    expect(aggregateScores(entries, { allGroup: 'world' })[0].group).toBe('world');
    expect(aggregateScores([])).toEqual([{ group: 'all', countries: 0, areas: [] }]);
  });

  it('refuses a country given twice', () => {
    expect(() => aggregateScores([...entries, entries[0]])).toThrow(/KE is given twice/);
  });
});

describe('mean and median', () => {
  it('take the middle value of an odd count and the mean of the two middle values of an even one', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5); // (2+3)/2
    expect(median([7])).toBe(7);
    expect(mean([1, 2, 3, 4])).toBe(2.5); // 10/4
  });

  it('return null for no values and leave the input unsorted', () => {
    expect([mean([]), median([])]).toEqual([null, null]);
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it('agree with the definition for any list: odd count the middle element, even the mean of the two middle ones', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 40 }), (values) => {
        const sorted = [...values].sort((a, b) => a - b);
        const n = sorted.length;
        const expected = n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        expect(median(values)).toBe(expected);
        expect(mean(values)!).toBeGreaterThanOrEqual(sorted[0] - 1e-9);
        expect(mean(values)!).toBeLessThanOrEqual(sorted[n - 1] + 1e-9);
      }),
    );
  });
});

describe('aggregate properties', () => {
  const level = fc.constantFrom<unknown>(0, 1, 2, 3, 4, 'dk', 'na', undefined);
  const countries = fc.array(
    fc.record({
      a1: fc.array(level, { minLength: 4, maxLength: 4 }),
      a2: fc.array(level, { minLength: 4, maxLength: 4 }),
      imp: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    }),
    { maxLength: 25 },
  );

  it('never changes mean, median, min, max or bands when insufficient-data countries are added to a group', () => {
    fc.assert(
      fc.property(countries, (generated) => {
        const all = generated.map((c, i) => country(`C${i}`, ['g'], c.a1, c.a2, { a1: c.imp, a2: c.imp }));
        const scoredOnly = all.filter((e) => e.scores.areas[0].status === 'scored');
        if (all.length === 0) return;
        const withInsufficient = find(aggregateScores(all), 'all', 'A1');
        if (scoredOnly.length === 0) {
          expect(withInsufficient).toMatchObject({ scored: 0, capacity: null, gap: null, priority: null });
          return;
        }
        const without = find(aggregateScores(scoredOnly), 'all', 'A1');
        expect(withInsufficient.insufficientData).toBe(all.length - scoredOnly.length);
        expect({ ...withInsufficient, insufficientData: 0 }).toEqual({ ...without, insufficientData: 0 });
      }),
    );
  });
});
