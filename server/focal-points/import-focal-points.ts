// Importing focal points from CSV: every row is checked first; by default one bad row stops the
// whole import (nothing stored), with `validOnly` the good rows are imported and the bad ones
// reported. Countries new to the round are added to it (English name from the reference data).
// Every field and the number of rows are bounded, so a file within the body limit cannot store
// (or echo back in its errors) values no email or list can show.
import { parse } from 'csv-parse/sync';
import { compileSchema } from '../http/ajv';
import { AppError, firstErrors } from '../http/problem';
import { listCountries } from '../reference/reference-store';
import { addRoundCountries, findRoundOrReject } from '../rounds/find-round';
import { focalPointCsvColumns, focalPointCsvLimits } from './focal-points.schemas';
import { addRoundFocalPoints, listRoundFocalPoints } from './round-focal-points';

/** A bad row: its number in the file (the header is row 1), the column and what is wrong. */
export interface RowError {
  row: number;
  field: string;
  message: string;
}

export interface ImportResult {
  imported: number;
  /** The first bad rows (see firstErrors); skippedOmitted counts the others. */
  skipped: RowError[];
  skippedOmitted?: number;
  /** Focal points of the round after the import. */
  focalPoints: number;
}

type Column = (typeof focalPointCsvColumns)[number];
type Row = Record<Column, string>;

const isEmail = compileSchema<string>({ type: 'string', format: 'email', maxLength: 254 });

function parseCsv(text: string): string[][] {
  try {
    return parse(text, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true }) as string[][];
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw new AppError('unprocessable', 'The file is not valid CSV', [
      { row: line ?? 1, field: 'file', message: (err as Error).message } as RowError,
    ]);
  }
}

export async function importFocalPoints(roundId: string, text: string, validOnly: boolean): Promise<ImportResult> {
  const round = await findRoundOrReject(roundId);
  const records = parseCsv(text);
  const header = (records[0] ?? []).map((h) => h.toLowerCase());
  const missing = focalPointCsvColumns.filter((c) => !header.includes(c));
  if (missing.length) {
    throw new AppError('unprocessable', `The first line must name the columns ${focalPointCsvColumns.join(',')}`, [
      { row: 1, field: 'header', message: `misses ${missing.join(', ')}` } as RowError,
    ]);
  }
  const index = Object.fromEntries(focalPointCsvColumns.map((c) => [c, header.indexOf(c)])) as Record<Column, number>;
  const { maxRows, maxLength } = focalPointCsvLimits;
  if (records.length - 1 > maxRows) {
    throw new AppError('unprocessable', `A file may hold at most ${maxRows} focal points; nothing was imported`, [
      { row: maxRows + 2, field: 'file', message: `has more than ${maxRows} focal points` } as RowError,
    ]);
  }

  const countryNames = new Map((await listCountries()).map((c) => [c.iso3, c.names.en]));
  const existing = new Set((await listRoundFocalPoints(round._id)).map((f) => f.email));
  const seen = new Map<string, number>();
  const errors: RowError[] = [];
  const good: (Row & { row: number })[] = [];

  records.slice(1).forEach((cells, i) => {
    const row = i + 2;
    const value = (c: Column) => (cells[index[c]] ?? '').trim();
    const r: Row = {
      country: value('country').toUpperCase(),
      name: value('name'),
      email: value('email').toLowerCase(),
      language: value('language').toLowerCase(),
      ministry: value('ministry'),
    };
    const bad = (field: Column, message: string) => errors.push({ row, field, message });
    const before = errors.length;
    const tooLong = focalPointCsvColumns.filter((c) => r[c].length > maxLength[c]);
    for (const c of tooLong) bad(c, `is longer than ${maxLength[c]} characters`);
    if (tooLong.length) return; // the other checks would echo the long values
    if (!countryNames.has(r.country))
      bad('country', r.country ? `${r.country} is not a known ISO 3166 alpha-3 code` : 'is required');
    if (!r.name) bad('name', 'is required');
    if (!r.email) bad('email', 'is required');
    else if (!isEmail(r.email)) bad('email', `${r.email} is not a valid email address`);
    else if (existing.has(r.email)) bad('email', `${r.email} is already a focal point of this round`);
    else if (seen.has(r.email)) bad('email', `${r.email} is already on row ${seen.get(r.email)}`);
    if (!(round.languages as string[]).includes(r.language))
      bad('language', `must be one of the round's languages: ${round.languages.join(', ')}`);
    if (!r.ministry) bad('ministry', 'is required');
    if (r.email && !seen.has(r.email)) seen.set(r.email, row);
    if (errors.length === before) good.push({ ...r, row });
  });

  if (errors.length && !validOnly) {
    throw new AppError(
      'unprocessable',
      `${new Set(errors.map((e) => e.row)).size} row(s) are not valid; nothing was imported (add ?validOnly=true to import the valid rows)`,
      errors,
    );
  }

  const known = new Set(round.countries.map((c) => c.iso3));
  const newCountries = [...new Set(good.map((g) => g.country))]
    .filter((c) => !known.has(c))
    .map((iso3) => ({ iso3, name: countryNames.get(iso3)! }));
  await addRoundCountries(round._id, newCountries);
  await addRoundFocalPoints(
    round._id,
    good.map(({ row: _row, ...r }) => r),
  );
  const { listed, omitted } = firstErrors(errors);
  return {
    imported: good.length,
    skipped: listed,
    ...(omitted && { skippedOmitted: omitted }),
    focalPoints: existing.size + good.length,
  };
}
