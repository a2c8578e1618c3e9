// The merge the respondent page runs when a colleague saved meanwhile (the same file the
// browser loads).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { mergeAnswers } = require('../../server/respondent/public/draft-merge.js');

const at = (iso: string) => Date.parse(iso);

describe('mergeAnswers', () => {
  const base = { a: 1, b: 2, c: 3 };

  it('keeps my changes and takes theirs where only one side changed', () => {
    const result = mergeAnswers(
      base,
      { a: 4, b: 2, c: 3 },
      { a: 1, b: 0, c: 3, d: 'dk' },
      { a: at('2026-01-01T10:00:00Z') },
      { b: '2026-01-01T09:00:00Z' },
    );
    expect(result.answers).toEqual({ a: 4, b: 0, c: 3, d: 'dk' });
    expect(result.takenFromOthers.sort()).toEqual(['b', 'd']);
    expect(result.conflicts).toEqual([]);
  });

  it('lets the newer edit win where both changed the same answer, and reports it', () => {
    const mineNewer = mergeAnswers(
      base,
      { ...base, a: 4 },
      { ...base, a: 0 },
      { a: at('2026-01-01T10:00:00Z') },
      { a: '2026-01-01T09:59:59Z' },
    );
    expect(mineNewer.answers.a).toBe(4);
    expect(mineNewer.conflicts).toEqual([{ name: 'a', kept: 'mine' }]);
    const theirsNewer = mergeAnswers(
      base,
      { ...base, a: 4 },
      { ...base, a: 0 },
      { a: at('2026-01-01T10:00:00Z') },
      { a: '2026-01-01T10:00:01Z' },
    );
    expect(theirsNewer.answers.a).toBe(0);
    expect(theirsNewer.conflicts).toEqual([{ name: 'a', kept: 'theirs' }]);
  });

  it('treats the same change on both sides as no conflict, and a removal as a change', () => {
    const result = mergeAnswers(base, { a: 1, b: 5 }, { a: 1, b: 5, c: 3 }, { b: 1, c: 1 }, {});
    expect(result.answers).toEqual({ a: 1, b: 5 }); // I cleared c; they left it alone
    expect(result.conflicts).toEqual([]);
  });

  it('compares arrays by value', () => {
    const result = mergeAnswers({ s: ['x'] }, { s: ['x'] }, { s: ['x', 'y'] }, {}, {});
    expect(result.answers).toEqual({ s: ['x', 'y'] });
  });
});
