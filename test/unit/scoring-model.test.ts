// Reading the scoring model out of a form's custom SurveyJS properties
// (server/scoring/scoring-model.ts): the real questionnaires, and the inconsistencies that
// must stop a form from being scored.
import type { FormJson, FormQuestion } from '../../server/forms/form-registry';
import { loadForm } from '../../server/forms/form-registry';
import { formsDir } from '../../server/paths';
import { compareIds, resolveSettings, ScoringModelError, scoringModelOf } from '../../server/scoring/scoring-model';
import path from 'node:path';

const level = (
  name: string,
  area: string,
  indicator: string,
  extra: Record<string, unknown> = { capgapWeight: 1 },
): FormQuestion => ({
  type: 'radiogroup',
  name,
  capgapRole: 'level',
  capgapArea: area,
  capgapIndicator: indicator,
  choices: [0, 1, 2, 3, 4, 'na', 'dk'],
  ...extra,
});
const formOf = (...elements: FormQuestion[]): FormJson => ({
  formId: 'broken',
  formVersion: 1,
  title: 'Broken',
  pages: [{ name: 'p', elements }],
});

describe('the scoring model of the real forms', () => {
  it('reads the capacity questionnaire: 10 areas, 40 indicators with evidence and per-area questions', () => {
    const model = scoringModelOf(loadForm(path.join(formsDir, 'capacity', 'v1.json')).json);
    expect(model.formId).toBe('capacity');
    expect(model.areas.map((a) => a.id)).toEqual(['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8', 'A9', 'A10']);
    expect(model.areas.map((a) => a.indicators.length)).toEqual([5, 4, 5, 4, 4, 4, 4, 4, 3, 3]);
    const a10 = model.areas[9];
    expect(a10).toMatchObject({
      importanceQuestion: 'a10_importance',
      targetQuestion: 'a10_target',
      shareQuestion: 'a10_share',
    });
    expect(a10.indicators[0]).toEqual({
      id: 'A10.1',
      area: 'A10',
      question: 'a10_1',
      weight: 1,
      evidenceQuestion: 'a10_1_evidence',
    });
    expect(model.areas.flatMap((a) => a.indicators).every((i) => i.evidenceQuestion === `${i.question}_evidence`)).toBe(
      true,
    );
  });

  it('reads the A1 pilot: one area, evidence only for A1.4', () => {
    const model = scoringModelOf(loadForm(path.join(formsDir, 'a1-pilot', 'v1.json')).json);
    expect(model.areas).toHaveLength(1);
    expect(model.areas[0].indicators.filter((i) => i.evidenceQuestion).map((i) => i.id)).toEqual(['A1.4']);
    expect(model.areas[0].targetQuestion).toBe('a1_target');
  });

  it('orders areas and indicators by number, whatever the page order', () => {
    const model = scoringModelOf(
      formOf(level('x', 'A10', 'A10.1'), level('y', 'A2', 'A2.10'), level('z', 'A2', 'A2.9')),
    );
    expect(model.areas.map((a) => a.indicators.map((i) => i.id))).toEqual([['A2.9', 'A2.10'], ['A10.1']]);
  });
});

describe('inconsistent scoring metadata', () => {
  it.each([
    [
      'an indicator without weight',
      [level('a', 'A1', 'A1.1', {})],
      /indicator A1.1 \(question a\) has no capgapWeight > 0/,
    ],
    ['an indicator of weight 0', [level('a', 'A1', 'A1.1', { capgapWeight: 0 })], /no capgapWeight > 0/],
    [
      'evidence for an unknown indicator',
      [
        level('a', 'A1', 'A1.1'),
        { type: 'text', name: 'e', capgapRole: 'evidence', capgapArea: 'A1', capgapIndicator: 'A1.2' },
      ],
      /evidence question e is for unknown indicator A1.2/,
    ],
    [
      'a duplicate indicator id',
      [level('a', 'A1', 'A1.1'), level('b', 'A1', 'A1.1')],
      /indicator A1.1 is used twice \(questions a and b\)/,
    ],
    ['an indicator id of another area', [level('a', 'A1', 'A2.1')], /indicator A2.1 \(question a\) is in area A1/],
    [
      'a level question without indicator id',
      [level('a', 'A1', undefined as unknown as string)],
      /level question a has no valid capgapIndicator/,
    ],
    [
      'two evidence questions for one indicator',
      [
        level('a', 'A1', 'A1.1'),
        { type: 'text', name: 'e1', capgapRole: 'evidence', capgapArea: 'A1', capgapIndicator: 'A1.1' },
        { type: 'text', name: 'e2', capgapRole: 'evidence', capgapArea: 'A1', capgapIndicator: 'A1.1' },
      ],
      /two evidence questions/,
    ],
    [
      'two importance questions in an area',
      [
        level('a', 'A1', 'A1.1'),
        { type: 'rating', name: 'i1', capgapRole: 'importance', capgapArea: 'A1' },
        { type: 'rating', name: 'i2', capgapRole: 'importance', capgapArea: 'A1' },
      ],
      /area A1 has two importance questions \(i1 and i2\)/,
    ],
    [
      'a target for an area without indicators',
      [level('a', 'A1', 'A1.1'), { type: 'dropdown', name: 't', capgapRole: 'target', capgapArea: 'A3' }],
      /target question t is for area A3, which has no indicator/,
    ],
    [
      'an unknown role',
      [level('a', 'A1', 'A1.1'), { type: 'text', name: 'q', capgapRole: 'levle', capgapArea: 'A1' }],
      /unknown capgapRole levle/,
    ],
    [
      'a role without area',
      [{ type: 'rating', name: 'q', capgapRole: 'importance' }],
      /question q has capgapRole importance but no valid capgapArea/,
    ],
  ])('stops on %s', (_case, elements, message) => {
    const form = formOf(...(elements as FormQuestion[]));
    expect(() => scoringModelOf(form)).toThrow(ScoringModelError);
    expect(() => scoringModelOf(form)).toThrow(message);
  });

  it('names every problem at once', () => {
    const form = formOf(level('a', 'A1', 'A1.1', {}), level('b', 'A1', 'A1.2'), level('c', 'A1', 'A1.2'));
    try {
      scoringModelOf(form);
      throw new Error('no error');
    } catch (err) {
      expect((err as ScoringModelError).problems).toHaveLength(2);
      expect((err as Error).message).toMatch(/^scoring metadata of form broken: /);
    }
  });
});

describe('methodology settings and ids', () => {
  it('fills in the defaults', () => {
    expect(resolveSettings()).toEqual({ completenessThreshold: 0.5, defaultTargetLevel: 4 });
    expect(resolveSettings({ completenessThreshold: 0.8, weights: { 'A1.1': 2 } })).toEqual({
      completenessThreshold: 0.8,
      defaultTargetLevel: 4,
      weights: { 'A1.1': 2 },
    });
  });

  it('compares ids by their numbers', () => {
    expect(['A10', 'A2', 'A1'].sort(compareIds)).toEqual(['A1', 'A2', 'A10']);
    expect(['A1.10', 'A1.2', 'A1.1'].sort(compareIds)).toEqual(['A1.1', 'A1.2', 'A1.10']);
  });
});
