// Exports for organizers (viewer+), streamed as they are read from the database:
//   GET /api/rounds/:roundId/exports/responses.:format   one row per country, a column per question
//   GET /api/rounds/:roundId/exports/scores.:format      one row per country and area (current scores)
//   GET /api/rounds/:roundId/exports/aggregates.:format  one row per group and area (?by= as /aggregates)
// :format is csv or xlsx; ?lang=en|fr|es chooses the language of headers and choice labels.
import { Router } from 'express';
import { requireRole } from '../auth/auth.middleware';
import type { FormRegistry } from '../forms/form-registry';
import { requestLocale } from '../i18n/request-locale';
import { listCountryResponses } from '../responses/country-responses';
import { findFormOrReject } from '../forms/find-form';
import { findRoundOrReject } from '../rounds/find-round';
import { aggregateRound } from '../scoring/round-aggregates';
import { countedScores } from '../scoring/scores-from';
import { dimensionOf, groupingDimensions } from '../scoring/country-groupings';
import { documentsQuery, querySchema, validateQuery } from '../http/validate-query';
import { supportedLocales } from '../i18n/locales';
import { responseColumns, type ResponseRow } from './response-columns';
import { aggregateColumns, aggregateRows, scoreColumns, scoreRows } from './score-columns';
import { exportFormatOf, respondsWithTable, startDownload } from './start-download';

/** ?lang= of the responses export: the language of headers and choice labels (else Accept-Language's). */
const lang = { enum: [...supportedLocales] };
import { writeTable } from './table-writer';

export function exportsRoutes(forms: FormRegistry): Router {
  const router = Router();

  router.get(
    '/api/rounds/:roundId/exports/responses.:format',
    respondsWithTable({
      tag: 'Exports',
      summary: 'Download the round’s responses',
      description:
        'One row per country, a column per question, as CSV or XLSX; ?lang= chooses the language of headers and choice labels. Streamed; audited.',
    }),
    requireRole('viewer'),
    validateQuery(querySchema({ lang })),
    async (req, res) => {
      const format = exportFormatOf(req);
      const round = await findRoundOrReject(String(req.params.roundId));
      const form = findFormOrReject(forms, round.formId, round.formVersion);
      const locale = requestLocale(req, req.query.lang);
      const names = new Map(round.countries.map((c) => [c.iso3, c.name]));
      const rows = async function* (): AsyncGenerator<ResponseRow> {
        for (const doc of await listCountryResponses(round)) {
          yield {
            country: doc.country,
            countryName: names.get(doc.country) ?? doc.country,
            status: doc.status,
            revision: doc.revision,
            savedAt: doc.savedAt,
            submittedAt: doc.submittedAt,
            answers: doc.answers,
          };
        }
      };
      await startDownload(req, res, format, `capgap-responses-${locale}`, String(round._id));
      await writeTable(
        format,
        { sheetName: 'Responses', columns: responseColumns(form.json, locale), rows: rows() },
        res,
      );
    },
  );

  router.get(
    '/api/rounds/:roundId/exports/scores.:format',
    respondsWithTable({
      tag: 'Exports',
      summary: 'Download the round’s scores',
      description: 'One row per country and area (current scores), as CSV or XLSX. Streamed; audited.',
    }),
    requireRole('viewer'),
    async (req, res) => {
      const format = exportFormatOf(req);
      const round = await findRoundOrReject(String(req.params.roundId));
      const { scores } = await countedScores(round);
      const names = new Map(round.countries.map((c) => [c.iso3, c.name]));
      await startDownload(req, res, format, 'capgap-scores', String(round._id));
      await writeTable(
        format,
        { sheetName: 'Scores', columns: scoreColumns, rows: scoreRows(scores.values(), names) },
        res,
      );
    },
  );

  router.get(
    '/api/rounds/:roundId/exports/aggregates.:format',
    respondsWithTable({
      tag: 'Exports',
      summary: 'Download the round’s aggregates',
      description: 'One row per group and area, grouped by ?by= as the aggregates, as CSV or XLSX. Streamed; audited.',
    }),
    requireRole('viewer'),
    documentsQuery(querySchema({ by: { enum: [...groupingDimensions] } })),
    async (req, res) => {
      const format = exportFormatOf(req);
      const by = dimensionOf(req.query.by);
      const aggregates = await aggregateRound(String(req.params.roundId), by);
      await startDownload(req, res, format, `capgap-aggregates-${by}`, String(req.params.roundId));
      await writeTable(
        format,
        { sheetName: 'Aggregates', columns: aggregateColumns, rows: aggregateRows(aggregates.groups) },
        res,
      );
    },
  );

  return router;
}
