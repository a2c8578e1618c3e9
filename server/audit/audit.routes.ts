// HTTP edge of the audit log:
//   GET /api/audit   entries newest first, filtered by round, actor, action and time, paged (admin)
import { Router } from 'express';
import { requireRole } from '../auth/auth.middleware';
import { compileSchema, toFieldErrors } from '../http/ajv';
import { respondsWith } from '../http/operation-meta';
import { AppError } from '../http/problem';
import { documentsQuery } from '../http/validate-query';
import { auditPageSchema, auditQuerySchema, type AuditQuery } from './audit.schemas';
import { listAudit } from './list-audit';

const checkQuery = compileSchema<AuditQuery>(auditQuerySchema);

export function auditRoutes(): Router {
  const router = Router();

  router.get(
    '/api/audit',
    respondsWith(auditPageSchema, {
      tag: 'Audit',
      summary: 'Read the audit log',
      description:
        'Entries newest first, filtered by round, actor, action and time; 50 to a page unless ?limit= (up to 200), the answer’s next.before asks for the next page (?before=).',
    }),
    requireRole('admin'),
    documentsQuery(auditQuerySchema),
    async (req, res) => {
      const query: unknown = { ...req.query };
      if (!checkQuery(query)) throw new AppError('invalidInput', undefined, toFieldErrors(checkQuery.errors, 'query'));
      const page = await listAudit(
        {
          ...(query.round ? { roundId: query.round } : {}),
          ...(query.actor && query.actorKind ? { actor: { kind: query.actorKind, id: query.actor } } : {}),
          ...(query.action ? { action: query.action } : {}),
          ...(query.from ? { from: new Date(query.from) } : {}),
          ...(query.to ? { to: new Date(query.to) } : {}),
        },
        { ...(query.before ? { before: Number(query.before) } : {}), limit: query.limit ? Number(query.limit) : 50 },
      );
      res.json({
        entries: page.entries.map((entry) => ({ ...entry, _id: undefined })),
        next: page.before === null ? null : { before: page.before },
        scanned: page.scanned,
      });
    },
  );

  return router;
}
