// The problem catalogue stays ordered and coherent: each code's integer part is its status,
// and each title says something in every language.
import { problemDetails, problems } from '../../server/http/problem';
import { supportedLocales } from '../../server/i18n/locales';

describe('problem catalogue', () => {
  const entries = Object.entries(problems);

  it('is ordered by code', () => {
    const codes = entries.map(([, p]) => Number(p.code));
    expect(codes).toEqual([...codes].sort((a, b) => a - b));
  });

  it('has unique codes whose integer part is the HTTP status', () => {
    expect(new Set(entries.map(([, p]) => p.code)).size).toBe(entries.length);
    for (const [, p] of entries) expect(Math.floor(Number(p.code))).toBe(p.status);
  });

  it('says every title and catalogued detail in every language', () => {
    const texts = [...entries.map(([, p]) => p.title), ...Object.values(problemDetails)];
    for (const text of texts) for (const locale of supportedLocales) expect(text[locale]?.trim()).toBeTruthy();
  });
});
