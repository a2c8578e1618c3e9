// Exports for organizers (viewer+), streamed as they are read from the database:
//   GET /api/rounds/:roundId/exports/responses.:format   one row per country, a column per question
// :format is csv or xlsx; ?lang=en|fr|es chooses the language of headers and choice labels.
import { Router, type Request, type Response } from 'express';
import { isValidObjectId } from 'mongoose';
import { requireRole } from '../auth/auth.middleware';
import type { FormRegistry } from '../forms/form-registry';
import { AppError } from '../http/problem';
import { requestLocale } from '../http/locale';
import { CountryResponse } from '../responses/country-response.model';
import { findFormOrReject } from '../responses/submit-response';
import { Round } from '../rounds/round.model';
import { responseColumns, type ResponseRow } from './response-columns';
import { contentTypes, exportFormats, writeTable, type ExportFormat } from './table-writer';

export async function findRoundOrReject(roundId: string) {
  const round = isValidObjectId(roundId) ? await Round.findById(roundId).lean() : null;
  if (!round) throw new AppError('notFound', 'No such round');
  return round;
}

function formatOf(req: Request): ExportFormat {
  const format = String(req.params.format);
  if (!(exportFormats as readonly string[]).includes(format)) throw new AppError('notFound', `Exports come as ${exportFormats.join(' or ')}`);
  return format as ExportFormat;
}

/** Headers of a file download; the body follows as a stream. */
export function startDownload(res: Response, format: ExportFormat, name: string): void {
  res.set({ 'Content-Type': contentTypes[format], 'Content-Disposition': `attachment; filename="${name}.${format}"`, 'Cache-Control': 'no-store' });
}

export function exportsRoutes(forms: FormRegistry): Router {
  const router = Router();

  router.get('/api/rounds/:roundId/exports/responses.:format', requireRole('viewer'), async (req, res) => {
    const format = formatOf(req);
    const round = await findRoundOrReject(String(req.params.roundId));
    const form = findFormOrReject(forms, round.formId, round.formVersion);
    const locale = requestLocale(req, req.query.lang);
    const names = new Map(round.countries.map((c) => [c.iso3, c.name]));
    const rows = async function* (): AsyncGenerator<ResponseRow> {
      for await (const doc of CountryResponse.find({ roundId: round._id }).sort({ country: 1 }).lean().cursor()) {
        yield {
          country: doc.country,
          countryName: names.get(doc.country) ?? doc.country,
          status: doc.status,
          revision: doc.revision,
          savedAt: doc.savedAt,
          submittedAt: doc.submittedAt ?? undefined,
          answers: doc.answers as Record<string, unknown>,
        };
      }
    };
    startDownload(res, format, `capgap-responses-${locale}`);
    await writeTable(format, { sheetName: 'Responses', columns: responseColumns(form.json, locale), rows: rows() }, res);
  });

  return router;
}
