// Importing partners from CSV, with the focal-point import's contract: every row is checked
// first (against the same schema and reference checks as the API), one bad row stops the whole
// import unless `validOnly`, and each bad row is reported with its column and what is wrong.
// Columns (first line, any order):
//   name_en, name_fr, name_es, kind, areas, modalities, where, languages, slots, contacts, notes
// Lists are separated by ";":  areas "A1; A2"  ·  where "global" or regions and ISO3 codes
// ("Eastern Africa; KEN")  ·  languages "eng; fra"  ·  contacts "Ana Pereira <ana@org.example> en".
import { parse } from 'csv-parse/sync';
import { compileSchema, toFieldErrors } from '../http/ajv';
import { AppError, firstErrors } from '../http/problem';
import { checkPartnerFacts } from './partner-facts';
import { partnerInputSchema, type PartnerInput } from './partner.schemas';
import { createPartners, referenceVocabulary, registeredPartnerNames } from './partners';

export const partnerCsvColumns = [
  'name_en',
  'name_fr',
  'name_es',
  'kind',
  'areas',
  'modalities',
  'where',
  'languages',
  'slots',
  'contacts',
  'notes',
] as const;
const requiredColumns = ['name_en', 'kind', 'areas', 'modalities', 'where', 'languages', 'slots', 'contacts'] as const;
type Column = (typeof partnerCsvColumns)[number];

export const maxPartnerRows = 5000;

export interface PartnerRowError {
  row: number;
  field: string;
  message: string;
}

export interface PartnerImportResult {
  imported: number;
  /** The first bad rows (see firstErrors); skippedOmitted counts the others. */
  skipped: PartnerRowError[];
  skippedOmitted?: number;
}

const checkPartner = compileSchema<PartnerInput>(partnerInputSchema);

/** A cell our exports protected from spreadsheets ("'=…", see table-writer.ts) reads as typed. */
export const unprotectCell = (cell: string) => (/^'[=+\-@\t\r＝＋－＠]/.test(cell) ? cell.slice(1) : cell);

const list = (cell: string) =>
  cell
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);

/** "Ana Pereira <ana@org.example> en" → a contact; anything else is kept as sent, for the schema to refuse. */
function parseContact(text: string): { name: string; email: string; language: string } {
  const m = /^(.*?)\s*<([^>]*)>\s*([A-Za-z]*)$/.exec(text);
  return m
    ? { name: m[1].trim(), email: m[2].trim(), language: m[3].toLowerCase() }
    : { name: text, email: '', language: '' };
}

/** Which column an error of the partner object belongs to. */
function columnOf(field: string): Column {
  const [, top, sub] = field.split('.');
  if (top === 'name') return sub === 'fr' ? 'name_fr' : sub === 'es' ? 'name_es' : 'name_en';
  if (top === 'scope') return 'where';
  return (partnerCsvColumns as readonly string[]).includes(top) ? (top as Column) : 'name_en';
}

function rowToPartner(value: (c: Column) => string): PartnerInput {
  const where = list(value('where'));
  const global = where.some((w) => w.toLowerCase() === 'global');
  const places = where.filter((w) => w.toLowerCase() !== 'global');
  const slots = value('slots');
  return {
    name: {
      en: value('name_en'),
      ...(value('name_fr') ? { fr: value('name_fr') } : {}),
      ...(value('name_es') ? { es: value('name_es') } : {}),
    },
    kind: value('kind') as PartnerInput['kind'],
    areas: list(value('areas')).map((a) => ({ area: a.toUpperCase() as PartnerInput['areas'][number]['area'] })),
    modalities: list(value('modalities')).map((m) => m.toLowerCase()) as PartnerInput['modalities'],
    scope: {
      global,
      regions: places.filter((p) => !/^[A-Z]{3}$/.test(p)),
      countries: places.filter((p) => /^[A-Z]{3}$/.test(p)),
    },
    languages: list(value('languages')).map((l) => l.toLowerCase()),
    slots: { total: /^\d{1,7}$/.test(slots) ? Number(slots) : (slots as unknown as number) },
    contacts: list(value('contacts')).map(parseContact) as PartnerInput['contacts'],
    ...(value('notes') ? { notes: value('notes') } : {}),
  };
}

export async function importPartners(text: string, validOnly: boolean, by: string): Promise<PartnerImportResult> {
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
      to: maxPartnerRows + 2,
    }) as string[][];
  } catch (err) {
    throw new AppError('unprocessable', 'The file is not valid CSV', [
      { field: 'file', message: (err as Error).message },
    ]);
  }
  const header = (records[0] ?? []).map((h) => h.toLowerCase());
  const missing = requiredColumns.filter((c) => !header.includes(c));
  if (missing.length) {
    throw new AppError('unprocessable', `The first line must name the columns ${partnerCsvColumns.join(',')}`, [
      { field: 'header', message: `misses ${missing.join(', ')}` },
    ]);
  }
  const index = Object.fromEntries(partnerCsvColumns.map((c) => [c, header.indexOf(c)])) as Record<Column, number>;

  const known = await referenceVocabulary();
  const registered = await registeredPartnerNames();
  const seen = new Map<string, number>();
  const errors: PartnerRowError[] = [];
  const good: PartnerInput[] = [];
  records.slice(1).forEach((cells, i) => {
    const row = i + 2;
    const partner = rowToPartner((c) => (index[c] >= 0 ? unprotectCell((cells[index[c]] ?? '').trim()) : ''));
    const before = errors.length;
    const rowErrors = checkPartner(partner)
      ? checkPartnerFacts(partner, known, 'row')
      : toFieldErrors(checkPartner.errors, 'row');
    const reported = new Set<string>();
    for (const e of rowErrors) {
      const field = columnOf(e.field);
      // One message per column: the first says the most.
      if (!reported.has(field)) errors.push({ row, field, message: `${e.field.replace(/^row\./, '')} ${e.message}` });
      reported.add(field);
    }
    const name = partner.name.en.toLowerCase();
    if (name && registered.has(name))
      errors.push({ row, field: 'name_en', message: `${partner.name.en} is already in the registry` });
    else if (name && seen.has(name))
      errors.push({ row, field: 'name_en', message: `${partner.name.en} is already on row ${seen.get(name)}` });
    if (name && !seen.has(name)) seen.set(name, row);
    if (errors.length === before) good.push(partner);
  });
  if (records.length > maxPartnerRows + 1)
    errors.push({ row: maxPartnerRows + 2, field: 'file', message: `at most ${maxPartnerRows} partners per file` });

  if (errors.length && !validOnly) {
    throw new AppError(
      'unprocessable',
      `${new Set(errors.map((e) => e.row)).size} row(s) are not valid; nothing was imported (add ?validOnly=true to import the valid rows)`,
      errors as never,
    );
  }
  const { listed, omitted } = firstErrors(errors);
  return { imported: await createPartners(good, by), skipped: listed, ...(omitted && { skippedOmitted: omitted }) };
}
