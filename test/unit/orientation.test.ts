// The respondent page's bearings (the same file the browser loads): tab title and area progress.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { tabTitle, areaProgress } = require('../../server/respondent/public/orientation.js');

const q = (required: boolean, answered: boolean) => ({ area: 'A', required, answered });

describe('When the page names its tab', () => {
  it('then the title reads country, round, capgap', () => {
    expect(tabTitle('Kenya', 'Round 2026')).toBe('Kenya — Round 2026 — capgap');
  });

  it('then a missing part is left out', () => {
    expect(tabTitle(undefined, undefined)).toBe('capgap');
  });
});

describe('When the page works out the progress through the areas', () => {
  const pages = [
    { title: 'Intro', questions: [] },
    { title: 'A1', questions: [q(true, true), q(false, false), q(true, true)] },
    { title: 'A2', questions: [q(true, true), q(true, false)] },
    { title: 'A3', questions: [q(false, false), q(false, true)] },
    { title: 'Review', questions: [{ required: false, answered: true }] },
  ];

  it('then only pages with questions of an area are areas, and the current one is numbered among them', () => {
    const p = areaProgress(pages, 2);
    expect(p.areas.map((a: { title: string }) => a.title)).toEqual(['A1', 'A2', 'A3']);
    expect(p.areas.map((a: { page: number }) => a.page)).toEqual([1, 2, 3]);
    expect({ position: p.position, total: p.total }).toEqual({ position: 2, total: 3 });
    expect(p.areas[1].current).toBe(true);
  });

  it('then an area is complete when its required answers are given, or any answer when none is required', () => {
    const p = areaProgress(pages, 0);
    expect(p.areas.map((a: { complete: boolean }) => a.complete)).toEqual([true, false, true]);
    expect(p.done).toBe(2);
  });

  it('then off the areas (introduction, closing page) the position is 0', () => {
    expect(areaProgress(pages, 0).position).toBe(0);
    expect(areaProgress(pages, 4).position).toBe(0);
  });

  it('then a form without areas has none', () => {
    expect(areaProgress([{ title: 'Offer', questions: [{ required: true, answered: false }] }], 0).total).toBe(0);
  });

  it('then an area with nothing answered and nothing required is not complete', () => {
    expect(areaProgress([{ title: 'A', questions: [q(false, false)] }], 0).areas[0].complete).toBe(false);
  });
});
