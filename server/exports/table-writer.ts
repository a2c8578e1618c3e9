// Writes a table — columns and an async stream of rows — as CSV or XLSX straight to a
// writable stream (an HTTP response, a file). Rows are pulled one at a time and written out, so
// memory does not grow with the number of rows (see scripts/bench-scores.ts).
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';

export const exportFormats = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export interface Column<Row> {
  header: string;
  value: (row: Row) => string | number | boolean | null | undefined;
  /** Width in characters, for XLSX. */
  width?: number;
}

export interface Table<Row> {
  sheetName: string;
  columns: Column<Row>[];
  rows: AsyncIterable<Row> | Iterable<Row>;
}

export const contentTypes: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

async function writeCsv<Row>(table: Table<Row>, out: Writable): Promise<void> {
  // A BOM, so that spreadsheet programs read the accents of French and Spanish labels right.
  // escape_formulas: a text cell starting with = + - @ tab or CR (respondents type evidence
  // and names) gets a leading ' so spreadsheet programs show it rather than run it (OWASP's
  // CSV injection advice); numbers, negative ones too, are written as they are. XLSX needs no
  // such care: exceljs writes strings as string cells, never as formulas.
  const csv = stringify({ bom: true, escape_formulas: true });
  csv.pipe(out);
  const write = async (record: unknown[]) => {
    if (!csv.write(record)) await once(csv, 'drain');
  };
  await write(table.columns.map((c) => c.header));
  for await (const row of table.rows) await write(table.columns.map((c) => c.value(row) ?? ''));
  csv.end();
  await once(out, 'finish');
}

async function writeXlsx<Row>(table: Table<Row>, out: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet(table.sheetName.slice(0, 31));
  sheet.columns = table.columns.map((c, i) => ({ header: c.header, key: String(i), width: c.width ?? 18 }));
  for await (const row of table.rows) {
    sheet.addRow(table.columns.map((c) => c.value(row) ?? null)).commit();
    await zipCaughtUp(sheet);
  }
  sheet.commit();
  await workbook.commit();
}

/**
 * exceljs's streaming writer hands committed rows to the zip without waiting for it
 * (lib/utils/stream-buf.js), so uncompressed XML piles up when rows come faster than they are
 * compressed. Waiting for the zip entry's stream to drain gives the backpressure it lacks.
 */
async function zipCaughtUp(sheet: ExcelJS.Worksheet): Promise<void> {
  // The entry is a readable-stream v2 PassThrough (archiver's): its state is _writableState.
  type Entry = Writable & { _writableState?: { needDrain?: boolean } };
  const entry = (sheet as unknown as { stream?: { pipes?: Entry[] } }).stream?.pipes?.[0];
  if (entry?._writableState?.needDrain) await once(entry, 'drain');
}

export function writeTable<Row>(format: ExportFormat, table: Table<Row>, out: Writable): Promise<void> {
  return format === 'csv' ? writeCsv(table, out) : writeXlsx(table, out);
}
