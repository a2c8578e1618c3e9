// A response's answers as the review page lists them: the questionnaire's own numbering, titles
// and choice texts in the chosen language, evidence questions flagged, unanswered ones empty.
import path from 'node:path';
import { displayAnswers } from '../../server/forms/answer-display';
import { loadForm } from '../../server/forms/form-registry';
import { formsDir } from '../../server/paths';

const form = loadForm(path.join(formsDir, 'a1-pilot', 'v1.json'));
const answers = { a1_1: 2, a1_3: 'na', a1_4: 1, a1_4_evidence: 'Census report 2024', a1_importance: 4 };

describe('When answers are displayed for review', () => {
  it('then each page lists its questions with number, title and the chosen text in that language', () => {
    const pages = displayAnswers(form, answers, 'es');
    expect(pages.map((p) => p.name)).toEqual(['a1_indicators', 'a1_priorities']);
    const [first] = pages[0].questions;
    expect(first).toEqual({
      name: 'a1_1',
      number: '1.',
      title: expect.stringContaining('Los censos y encuestas de hogares'),
      answer: '2 — Parcialmente implantado',
      evidence: false,
    });
    const byName = new Map(pages.flatMap((p) => p.questions).map((q) => [q.name, q]));
    expect(byName.get('a1_3')?.answer).toBe('No aplicable');
    expect(byName.get('a1_2')?.answer).toBe('');
    expect(byName.get('a1_4_evidence')).toMatchObject({ evidence: true, answer: 'Census report 2024' });
    expect(byName.get('a1_importance')?.answer).toBe('4');
  });

  it('then English uses the questionnaire default texts', () => {
    const [page] = displayAnswers(form, answers, 'en');
    expect(page.title).toBe('A1 Data collection');
    expect(page.questions[0].answer).toBe('2 — Partly in place');
  });
});
