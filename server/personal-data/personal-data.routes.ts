// HTTP edge of personal data: erasing a focal point or a partner's contact (organizers), and
// exporting or erasing everything about one address (admins):
//   DELETE /api/focal-points/:id                    erase the focal point (organizer+)
//   DELETE /api/partners/:id/contacts/:email        erase a partner's contact (organizer+)
//   GET    /api/personal-data?email=…[&download=true] everything stored about the address (admin)
//   POST   /api/personal-data/erasures  { email }   erase everything about the address (admin)
// Erasures answer what they changed; running one again changes nothing more (a focal point or
// contact already erased is a 404). Each is audited with the person's pseudonym, never the address.
import { Router, type Request } from 'express';
import { auditRequest } from '../audit/audit-request';
import { requireRole } from '../auth/auth.middleware';
import { findFocalPointOrReject } from '../focal-points/invite';
import { compileSchema, toFieldErrors } from '../http/ajv';
import { respondsWith } from '../http/operation-meta';
import { AppError } from '../http/problem';
import { validateBody } from '../http/validate';
import { querySchema, validateQuery } from '../http/validate-query';
import {
  eraseFocalPoint,
  erasePartnerContact,
  erasePerson,
  findPartnerContact,
  type ErasureReport,
} from './erase-person';
import { auditedExport } from './audited-export';
import {
  erasureReportSchema,
  partnerContactParamsSchema,
  personalDataErasureSchema,
  personalDataExportSchema,
  personalDataQuerySchema,
} from './personal-data.schemas';

const noQuery = validateQuery(querySchema());
const checkContactParams = compileSchema<{ id: string; email: string }>(partnerContactParamsSchema);

/** What the audit keeps of an erasure: the counts, and the pseudonym (the address is gone). */
const erasureDetails = ({ pseudonym: _p, ...counts }: ErasureReport) => counts;

export function personalDataRoutes(): Router {
  const router = Router();
  const by = (req: Request) => req.session!.account.email;

  router.delete(
    '/api/focal-points/:id',
    requireRole('organizer'),
    noQuery,
    respondsWith(erasureReportSchema, {
      tag: 'Personal data',
      summary: 'Erase a focal point',
      description:
        'Its name, email and client addresses go everywhere, outbox included; the country’s response and the audit trail stay, with a pseudonym. Answers what changed; audited.',
    }),
    async (req, res) => {
      const fp = await findFocalPointOrReject(String(req.params.id));
      const erased = await eraseFocalPoint(fp, (report) =>
        auditRequest(req, 'focalPoint.erase', {
          roundId: String(fp.roundId),
          target: { kind: 'focalPoint', id: String(fp._id), label: fp.country },
          people: [report.pseudonym],
          details: erasureDetails(report),
        }),
      );
      res.json({ erased });
    },
  );

  router.delete(
    '/api/partners/:id/contacts/:email',
    requireRole('organizer'),
    noQuery,
    respondsWith(erasureReportSchema, {
      tag: 'Personal data',
      summary: 'Erase a partner’s contact',
      description:
        'Its name and email go everywhere, outbox included; the audit trail keeps a pseudonym. Answers what changed; audited.',
    }),
    async (req, res) => {
      const params = { id: String(req.params.id), email: String(req.params.email).toLowerCase() };
      if (!checkContactParams(params))
        throw new AppError('invalidInput', undefined, toFieldErrors(checkContactParams.errors, 'params'));
      const contact = await findPartnerContact(params.id, params.email);
      if (!contact) throw new AppError('notFound', 'No such contact of this partner');
      const erased = await erasePartnerContact(contact, by(req), (report) =>
        auditRequest(req, 'partner.contactErase', {
          target: { kind: 'partner', id: contact.partnerId, label: contact.partnerName },
          people: [report.pseudonym],
          details: erasureDetails(report),
        }),
      );
      res.json({ erased });
    },
  );

  router.get(
    '/api/personal-data',
    requireRole('admin'),
    validateQuery(personalDataQuerySchema),
    respondsWith(personalDataExportSchema, {
      tag: 'Personal data',
      summary: 'Export everything stored about an email address',
      description:
        'The account, focal points, partner contacts, declarations, links, introductions, emails and audit entries of ?email= (audited with a pseudonym, never the address).',
    }),
    async (req, res) => {
      const data = await auditedExport(req, String(req.query.email));
      if (req.query.download === 'true')
        res.attachment(`personal-data-${data.pseudonym}-${data.exportedAt.slice(0, 10)}.json`);
      res.set('Cache-Control', 'no-store').json(data);
    },
  );

  router.post(
    '/api/personal-data/erasures',
    requireRole('admin'),
    noQuery,
    validateBody(personalDataErasureSchema),
    respondsWith(erasureReportSchema, {
      tag: 'Personal data',
      summary: 'Erase everything stored about an email address',
      description:
        'Answers what it changed; running it again changes nothing more. Audited with a pseudonym, never the address.',
    }),
    async (req, res) => {
      const { email } = req.body as { email: string };
      const erased = await erasePerson(email, by(req), (report) =>
        auditRequest(req, 'personalData.erase', {
          target: { kind: 'person', id: report.pseudonym },
          people: [report.pseudonym],
          details: erasureDetails(report),
        }),
      );
      res.json({ erased });
    },
  );

  return router;
}
