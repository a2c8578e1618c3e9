// CSV with a header row, parsed by csv-parse (quotes, embedded commas, CRLF, BOM), into
// records keyed by column name; a file without the required columns or with a ragged row is
// refused with the row named.
import { parse } from 'csv-parse/sync';

export class CsvError extends Error {}

export function parseCsvRecords(text: string, required: readonly string[]): Record<string, string>[] {
  let records: Record<string, string>[];
  try {
    records = parse(text, { columns: true, bom: true, skip_empty_lines: true, relax_column_count: false });
  } catch (err) {
    throw new CsvError((err as Error).message);
  }
  const header = records.length ? Object.keys(records[0]) : [];
  const missing = required.filter((c) => !header.includes(c));
  if (records.length === 0) throw new CsvError('empty file');
  if (missing.length) throw new CsvError(`missing column(s): ${missing.join(', ')}`);
  return records;
}
