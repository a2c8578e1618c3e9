// The start of every file download: recorded in the audit log (who, what, which format), then
// the headers; the body follows as a stream (table-writer.ts).
import type { Request, Response } from 'express';
import { auditRequest } from '../audit/audit-request';
import { respondsWithFile, type AnswerOptions } from '../http/operation-meta';
import { AppError } from '../http/problem';
import { contentTypes, exportFormats, type ExportFormat } from './table-writer';

/** Records the download (who, what, which format) and sends its headers; the body follows as a stream. */
export async function startDownload(
  req: Request,
  res: Response,
  format: ExportFormat,
  name: string,
  roundId?: string,
): Promise<void> {
  await auditRequest(req, 'export.download', { ...(roundId ? { roundId } : {}), details: { export: name, format } });
  res.set({
    'Content-Type': contentTypes[format],
    'Content-Disposition': `attachment; filename="${name}.${format}"`,
    'Cache-Control': 'no-store',
  });
}

/** The :format of a download URL: csv or xlsx, anything else a 404. */
export function exportFormatOf(req: Request): ExportFormat {
  const format = String(req.params.format);
  if (!(exportFormats as readonly string[]).includes(format))
    throw new AppError('notFound', `Exports come as ${exportFormats.join(' or ')}`);
  return format as ExportFormat;
}

/** Declares a download route's answer: the file in one of the export formats. */
export const respondsWithTable = (options: AnswerOptions) =>
  respondsWithFile(
    Object.fromEntries(exportFormats.map((f) => [contentTypes[f].split(';')[0], { type: 'string' }])),
    options,
  );
