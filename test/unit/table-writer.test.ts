// The one place CSV is written: a text cell a spreadsheet program would run as a formula
// (OWASP's list: = + - @ tab CR, and their full-width forms) is written with a leading quote
// mark so it shows as text; numbers, negative ones included, are data and stay as they are.
import { PassThrough } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { writeTable, type Column } from '../../server/exports/table-writer';

async function csvOf<Row>(columns: Column<Row>[], rows: Row[]): Promise<string[][]> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await writeTable('csv', { sheetName: 'Test', columns, rows }, out);
  return parse(Buffer.concat(chunks), { bom: true, relax_column_count: true });
}

describe('When a CSV export holds text cells', () => {
  const hostile = ['=1+1', '+1+1', '-1+1', '@SUM(A1)', '\t=1+1', '\r=1+1', '\uFF1D1+1'];

  it.each(hostile)('then %j is neutralised with a leading quote mark', async (text) => {
    const [, [cell]] = await csvOf([{ header: 'text', value: (r: string) => r }], [text]);
    expect(cell).toBe(`'${text}`);
  });

  it('then numbers, negative ones included, and harmless text are written as they are', async () => {
    const columns: Column<{ n: number; t: string }>[] = [
      { header: 'n', value: (r) => r.n },
      { header: 't', value: (r) => r.t },
    ];
    const rows = await csvOf(columns, [
      { n: -3, t: 'Census 2019 = main source' },
      { n: 2.5, t: "'already quoted" },
    ]);
    expect(rows).toEqual([
      ['n', 't'],
      ['-3', 'Census 2019 = main source'],
      ['2.5', "'already quoted"],
    ]);
  });
});
