// HTTP edge of the partner registry:
//   GET    /api/partners                    the registry (?archived=true to include archived) (viewer+)
//   POST   /api/partners                    add a partner (organizer+)
//   POST   /api/partners/import             CSV, all-or-nothing unless ?validOnly=true (organizer+)
//   GET    /api/partners/export.:format     csv or xlsx, the import's columns (viewer+)
//   GET    /api/partners/:id                one partner (viewer+)
//   PUT    /api/partners/:id                replace its offer (organizer+)
//   DELETE /api/partners/:id                archive it (kept for the match runs that named it) (organizer+)
// Erasing one of its contacts (DELETE /api/partners/:id/contacts/:email) is in server/personal-data/.
import { auditRequest } from '../audit/audit-request';
import { exportFormatOf, respondsWithTable, startDownload } from '../exports/start-download';
import express, { Router, type Request } from 'express';
import { queryFlag, querySchema, validateQuery } from '../http/validate-query';
import { requireRole } from '../auth/auth.middleware';
import { writeTable } from '../exports/table-writer';
import { AppError } from '../http/problem';
import { respondsWith } from '../http/operation-meta';
import { validateBody } from '../http/validate';
import { importPartners } from './import-partners';
import { partnerColumns } from './partner-columns';
import {
  partnerAnswerSchema,
  partnerImportSchema,
  partnerInputSchema,
  partnersAnswerSchema,
  type PartnerInput,
} from './partner.schemas';
import { archivePartner, createPartner, getPartnerOrReject, listPartners, updatePartner } from './partners';

export function partnersRoutes(): Router {
  const router = Router();
  const by = (req: Request) => req.session!.account.email;

  router.param('id', (_req, _res, next, id: string) => {
    if (!/^[0-9a-f]{24}$/.test(id)) throw new AppError('notFound', 'No such partner');
    next();
  });

  const noQuery = validateQuery(querySchema());
  const archivedQuery = validateQuery(querySchema({ archived: queryFlag }));

  router.get(
    '/api/partners',
    respondsWith(partnersAnswerSchema, {
      tag: 'Partners',
      summary: 'List the partners',
      description: 'The registry; ?archived=true includes archived partners.',
    }),
    requireRole('viewer'),
    archivedQuery,
    async (req, res) => {
      res.json({ partners: await listPartners({ includeArchived: req.query.archived === 'true' }) });
    },
  );

  router.post(
    '/api/partners',
    respondsWith(partnerAnswerSchema, {
      status: 201,
      problems: ['unprocessable'],
      tag: 'Partners',
      summary: 'Add a partner',
      description: 'Audited.',
    }),
    requireRole('organizer'),
    noQuery,
    validateBody(partnerInputSchema),
    async (req, res) => {
      const partner = await createPartner(req.body as PartnerInput, by(req));
      await auditRequest(req, 'partner.create', {
        target: { kind: 'partner', id: partner.id, label: partner.name.en },
      });
      res.status(201).location(`/api/partners/${partner.id}`).json({ partner });
    },
  );

  router.post(
    '/api/partners/import',
    respondsWith(partnerImportSchema, {
      problems: ['unprocessable'],
      tag: 'Partners',
      summary: 'Import partners from CSV',
      description:
        'All-or-nothing unless ?validOnly=true (then valid rows are stored and the others reported); answers a row-by-row report.',
    }),
    requireRole('organizer'),
    validateQuery(querySchema({ validOnly: queryFlag })),
    express.text({ type: 'text/csv', limit: '2mb' }),
    async (req, res) => {
      if (typeof req.body !== 'string') throw new AppError('unsupportedMediaType', 'Send the partners as text/csv');
      const result = await importPartners(req.body, req.query.validOnly === 'true', by(req));
      await auditRequest(req, 'partners.import', {
        details: { imported: result.imported, skipped: result.skipped.length },
      });
      res.json(result);
    },
  );

  router.get(
    '/api/partners/export.:format',
    respondsWithTable({
      tag: 'Exports',
      summary: 'Download the partner registry',
      description: 'CSV or XLSX, in the import’s columns (audited).',
    }),
    requireRole('viewer'),
    archivedQuery,
    async (req, res) => {
      const format = exportFormatOf(req);
      const partners = await listPartners({ includeArchived: req.query.archived === 'true' });
      await startDownload(req, res, format, 'capgap-partners');
      await writeTable(format, { sheetName: 'Partners', columns: partnerColumns, rows: partners }, res);
    },
  );

  router.get(
    '/api/partners/:id',
    respondsWith(partnerAnswerSchema, { tag: 'Partners', summary: 'Read a partner' }),
    requireRole('viewer'),
    noQuery,
    async (req, res) => {
      res.json({ partner: await getPartnerOrReject(String(req.params.id)) });
    },
  );

  router.put(
    '/api/partners/:id',
    respondsWith(partnerAnswerSchema, {
      problems: ['unprocessable'],
      tag: 'Partners',
      summary: 'Replace a partner’s offer',
      description: 'Audited.',
    }),
    requireRole('organizer'),
    noQuery,
    validateBody(partnerInputSchema),
    async (req, res) => {
      const partner = await updatePartner(String(req.params.id), req.body as PartnerInput, by(req));
      await auditRequest(req, 'partner.update', {
        target: { kind: 'partner', id: partner.id, label: partner.name.en },
      });
      res.json({ partner });
    },
  );

  router.delete(
    '/api/partners/:id',
    respondsWith(partnerAnswerSchema, {
      tag: 'Partners',
      summary: 'Archive a partner',
      description: 'It leaves the registry’s list but is kept for the match runs that named it (audited).',
    }),
    requireRole('organizer'),
    noQuery,
    async (req, res) => {
      const partner = await archivePartner(String(req.params.id), by(req));
      await auditRequest(req, 'partner.archive', {
        target: { kind: 'partner', id: partner.id, label: partner.name.en },
      });
      res.json({ partner });
    },
  );

  return router;
}
