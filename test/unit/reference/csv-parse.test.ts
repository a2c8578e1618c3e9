import { CsvError, parseCsvRecords } from '../../../scripts/lib/csv-parse';

describe('parseCsvRecords', () => {
  it('reads quoted fields with commas and doubled quotes, a BOM and CRLF line ends', () => {
    const text =
      '\uFEFFiso3,wb_region\r\nAFG,"Middle East, North Africa, Afghanistan & Pakistan"\r\nX,"say ""hi"""\r\n';
    expect(parseCsvRecords(text, ['iso3'])).toEqual([
      { iso3: 'AFG', wb_region: 'Middle East, North Africa, Afghanistan & Pakistan' },
      { iso3: 'X', wb_region: 'say "hi"' },
    ]);
  });

  it('refuses a missing column, a ragged row and an empty file', () => {
    expect(() => parseCsvRecords('a,b\n1,2\n', ['c'])).toThrow(/missing column\(s\): c/);
    expect(() => parseCsvRecords('a,b\n1,2,3\n', [])).toThrow(CsvError);
    expect(() => parseCsvRecords('', [])).toThrow(/empty/);
  });
});
