// Every download of a round, in each format and language, as links to the export endpoints
// (server/exports/exports.routes.ts, the matching coverage of server/matching-runs): responses
// in each language, current scores, aggregates by each grouping, and unmet demand.
import { exportFormats } from '../exports/table-writer';
import { groupingDimensions, type GroupingDimension } from '../scoring/country-groupings';
import { html, tableHead, type Markup } from './html';
import type { Locale, Text } from './i18n';

const t = {
  caption: {
    en: 'Downloads of this round, as CSV or Excel (XLSX)',
    fr: 'Téléchargements de ce cycle, en CSV ou Excel (XLSX)',
    es: 'Descargas de esta ronda, en CSV o Excel (XLSX)',
  },
  export: { en: 'Export', fr: 'Export', es: 'Exportación' },
  responses: {
    en: 'Responses, one row per country ({lang} headers and choices)',
    fr: 'Réponses, une ligne par pays (en-têtes et choix en {lang})',
    es: 'Respuestas, una fila por país (encabezados y opciones en {lang})',
  },
  scores: {
    en: 'Scores, one row per country and area',
    fr: 'Scores, une ligne par pays et domaine',
    es: 'Puntuaciones, una fila por país y área',
  },
  aggregates: {
    en: 'Aggregates by {by}',
    fr: 'Agrégats par {by}',
    es: 'Agregados por {by}',
  },
  coverage: {
    en: 'Unmet demand in the latest matching run (by area, region, grouping)',
    fr: 'Demande non satisfaite lors de la dernière mise en relation (par domaine, région, groupe)',
    es: 'Demanda no cubierta en el último emparejamiento (por área, región, grupo)',
  },
  formatNames: { csv: 'CSV', xlsx: 'XLSX' } as Record<string, string>,
} as const;

const languages: Record<Locale, Text> = {
  en: { en: 'English', fr: 'anglais', es: 'inglés' },
  fr: { en: 'French', fr: 'français', es: 'francés' },
  es: { en: 'Spanish', fr: 'espagnol', es: 'español' },
};

export const groupingNames: Record<GroupingDimension, Text> = {
  region: { en: 'M49 region', fr: 'région M49', es: 'región M49' },
  subregion: { en: 'M49 sub-region', fr: 'sous-région M49', es: 'subregión M49' },
  income: {
    en: 'World Bank income group',
    fr: 'groupe de revenu de la Banque mondiale',
    es: 'grupo de ingreso del Banco Mundial',
  },
  hdi: { en: 'HDI group', fr: 'groupe d’IDH', es: 'grupo de IDH' },
  group: { en: 'REC / RCP', fr: 'CER / PCR', es: 'CER / PCR' },
  south: {
    en: 'the round’s definition of the global South',
    fr: 'la définition du Sud global du cycle',
    es: 'la definición del Sur global de la ronda',
  },
};

interface Download {
  label: string;
  /** The URL without the format; `query` follows the format. */
  path: string;
  query?: string;
}

export function roundDownloads(roundId: string, l: Locale): Download[] {
  const base = `/api/rounds/${roundId}`;
  return [
    ...(Object.keys(languages) as Locale[]).map((lang) => ({
      label: t.responses[l].replace('{lang}', languages[lang][l]),
      path: `${base}/exports/responses`,
      query: `?lang=${lang}`,
    })),
    { label: t.scores[l], path: `${base}/exports/scores` },
    ...groupingDimensions.map((by) => ({
      label: t.aggregates[l].replace('{by}', groupingNames[by][l]),
      path: `${base}/exports/aggregates`,
      query: `?by=${by}`,
    })),
    { label: t.coverage[l], path: `${base}/matching/coverage` },
  ];
}

export function exportLinks(roundId: string, l: Locale): Markup {
  return html`<table id="exports-table">
    ${tableHead(t.caption[l], [t.export[l], ...exportFormats.map((f) => t.formatNames[f] ?? f)])}
    <tbody>
      ${roundDownloads(roundId, l).map(
        (d) =>
          html`<tr>
            <th scope="row">${d.label}</th>
            ${exportFormats.map(
              (f) => html`<td><a href="${d.path}.${f}${d.query ?? ''}" download>${t.formatNames[f] ?? f}</a></td>`,
            )}
          </tr>`,
      )}
    </tbody>
  </table>`;
}
