// The CSV upload form shared by the pages that import (focal points, partners): a file, the
// "valid rows only" choice, and an output area where the module shows the row-by-row report
// (kept across the reload that shows the imported rows).
import { html, type Markup } from './html';
import type { Locale, Text } from './i18n';
import { formOutput } from './layout';

const t = {
  file: { en: 'CSV file', fr: 'Fichier CSV', es: 'Archivo CSV' },
  validOnly: {
    en: 'Import the valid rows and skip the others',
    fr: 'Importer les lignes valides et ignorer les autres',
    es: 'Importar las filas válidas y omitir las demás',
  },
  button: { en: 'Import', fr: 'Importer', es: 'Importar' },
} as const;

/** `api`: the import endpoint; `headingId`: the id of the heading that names the form; `hint`: the expected columns. */
export function csvImportForm(l: Locale, api: string, headingId: string, hint: Text): Markup {
  return html`<form
      method="post"
      data-api="POST ${api}"
      data-render="import"
      data-then="reload"
      data-output="import-output"
      aria-labelledby="${headingId}"
    >
      <p id="import-hint">${hint[l]}</p>
      <label for="import-file">${t.file[l]}</label
      ><input id="import-file" name="file" type="file" accept=".csv,text/csv" required aria-describedby="import-hint" />
      <label class="check"><input type="checkbox" name="validOnly" data-query /> ${t.validOnly[l]}</label>
      <p><button type="submit">${t.button[l]}</button></p>
    </form>
    ${formOutput('import-output')}`;
}
