// The respondent page's texts (server/respondent/public/i18n/<lang>.json): every language says
// everything, and says something.
import fs from 'node:fs';
import path from 'node:path';
import { supportedLocales } from '../../server/i18n/locales';
import { respondentPublicDir } from '../../server/paths';

const read = (locale: string): Record<string, unknown> =>
  JSON.parse(fs.readFileSync(path.join(respondentPublicDir, 'i18n', `${locale}.json`), 'utf8'));

/** Every key path of a dictionary with its leaf value (arrays and nested objects included). */
function leaves(value: unknown, prefix = ''): [string, unknown][] {
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
  return [[prefix, value]];
}

describe('When the respondent dictionaries are compared', () => {
  const english = leaves(read('en'))
    .map(([k]) => k)
    .sort();

  it.each(supportedLocales)('then %s has exactly the same keys as English, and no empty text', (locale) => {
    const entries = leaves(read(locale));
    expect(entries.map(([k]) => k).sort()).toEqual(english);
    const empty = entries.filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => k);
    expect(empty).toEqual([]);
  });
});
