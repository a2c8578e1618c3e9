// The start of every file download: recorded in the audit log (who, what, which format), then
// the headers; the body follows as a stream (table-writer.ts).
import type { Request, Response } from 'express';
import { auditRequest } from '../audit/audit-request';
import { contentTypes, type ExportFormat } from './table-writer';

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
