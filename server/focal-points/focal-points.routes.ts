// HTTP edge of focal points and their invitations:
//   POST /api/rounds/:roundId/focal-points/import  CSV import, all-or-nothing unless ?validOnly=true (organizer+)
//   GET  /api/rounds/:roundId/focal-points         focal points and where each stands (viewer+)
//   GET  /api/rounds/:roundId/status               counts for the round (viewer+)
//   POST /api/rounds/:roundId/invitations          send links: given focal points, or all not yet invited (organizer+);
//                                                  ?dryRun=true lists whom it would email, sending nothing
//   POST /api/focal-points/:id/revoke              withdraw all of a focal point's links (organizer+)
//   POST /api/focal-points/:id/resend              email a new link; the earlier ones stop working
//                                                  unless ?replace=false (organizer+)
//   POST /api/links/resend                         "send me my link again": one more link, earlier ones keep working
//                                                  (no session; rate limited; always 202)
// Each route declares its query parameters: any other, or a value not exactly allowed, is a 400.
// Erasing a focal point (DELETE /api/focal-points/:id) is in server/personal-data/.
import { isRoundId } from '../rounds/find-round';
import { auditRequest } from '../audit/audit-request';
import { pseudonymOf } from '../privacy/pseudonym';
import express, { Router } from 'express';
import { limitPerClient } from '../http/rate-limit';
import { requireRole } from '../auth/auth.middleware';
import type { Config } from '../config';
import { AppError } from '../http/problem';
import { respondsWith } from '../http/operation-meta';
import { validateBody, noFields } from '../http/validate';
import { queryFlag, querySchema, validateQuery } from '../http/validate-query';
import { focalPointView, focalPointViews, roundStatus } from './focal-point-status';
import {
  focalPointAnswerSchema,
  focalPointImportSchema,
  focalPointsAnswerSchema,
  invitationsAnswerSchema,
  invitationsRequestSchema,
  linkAgainAnswerSchema,
  linkAgainSchema,
  roundStatusSchema,
} from './focal-points.schemas';
import { importFocalPoints } from './import-focal-points';
import {
  findFocalPointOrReject,
  inviteFocalPoints,
  listFocalPointsToInvite,
  revokeFocalPointLinks,
  sendLinksAgain,
  sendNewLink,
} from './invite';

export interface FocalPointsOptions {
  /** "Send me my link again" requests per IP address and hour. */
  linkAgainPerHour?: number;
}

/** The one answer to "send me my link again", whether the address is known or not. */
export const linkAgainReply = {
  message: 'If this address belongs to a focal point of an open round, a new link is on its way.',
};

const noQuery = validateQuery(querySchema());

export function focalPointsRoutes(config: Config, options: FocalPointsOptions = {}): Router {
  const router = Router();

  router.param('roundId', (_req, _res, next, roundId: string) => {
    if (!isRoundId(roundId)) throw new AppError('notFound', 'No such round');
    next();
  });

  const importQuery = validateQuery(querySchema({ validOnly: queryFlag }));
  router.post(
    '/api/rounds/:roundId/focal-points/import',
    respondsWith(focalPointImportSchema, {
      problems: ['unprocessable'],
      tag: 'Focal points and invitations',
      summary: 'Import focal points from CSV',
      description:
        'All-or-nothing unless ?validOnly=true (then valid rows are stored and the others reported); answers a row-by-row report.',
    }),
    requireRole('organizer'),
    importQuery,
    express.text({ type: 'text/csv', limit: '1mb' }),
    async (req, res) => {
      if (typeof req.body !== 'string') throw new AppError('unsupportedMediaType', 'Send the focal points as text/csv');
      const result = await importFocalPoints(String(req.params.roundId), req.body, req.query.validOnly === 'true');
      await auditRequest(req, 'focalPoints.import', {
        roundId: String(req.params.roundId),
        details: { imported: result.imported, skipped: result.skipped.length },
      });
      res.json(result);
    },
  );

  router.get(
    '/api/rounds/:roundId/focal-points',
    respondsWith(focalPointsAnswerSchema, {
      tag: 'Focal points and invitations',
      summary: 'List the round’s focal points',
      description: 'Each with where it stands: invited, opened, started, submitted, bounced, its latest email.',
    }),
    requireRole('viewer'),
    noQuery,
    async (req, res) => {
      res.json({ focalPoints: (await focalPointViews(String(req.params.roundId))).views });
    },
  );

  router.get(
    '/api/rounds/:roundId/status',
    respondsWith(roundStatusSchema, {
      tag: 'Rounds',
      summary: 'Count where the round stands',
      description:
        'How many focal points are invited, opened their link, started; how many countries submitted, were returned or approved; bounces and the latest emails’ outcomes.',
    }),
    requireRole('viewer'),
    noQuery,
    async (req, res) => {
      res.json(await roundStatus(String(req.params.roundId)));
    },
  );

  router.post(
    '/api/rounds/:roundId/invitations',
    respondsWith(invitationsAnswerSchema, {
      problems: ['unprocessable'],
      tag: 'Focal points and invitations',
      summary: 'Send invitations',
      description:
        'Emails links to the given focal points, or to all not yet invited (audited); ?dryRun=true lists whom it would email and sends nothing.',
    }),
    requireRole('organizer'),
    validateQuery(querySchema({ dryRun: queryFlag })),
    validateBody(invitationsRequestSchema),
    async (req, res) => {
      const { focalPointIds } = req.body as { focalPointIds?: string[] };
      if (req.query.dryRun === 'true') {
        const focalPoints = await listFocalPointsToInvite(String(req.params.roundId), focalPointIds);
        return res.json({ dryRun: true, wouldInvite: focalPoints.length, focalPoints });
      }
      const invited = await inviteFocalPoints(config.publicUrl, String(req.params.roundId), focalPointIds);
      await auditRequest(req, 'invitations.send', {
        roundId: String(req.params.roundId),
        details: { invited: invited.length },
      });
      res.json({ invited: invited.length, focalPointIds: invited });
    },
  );

  router.post(
    '/api/focal-points/:id/revoke',
    respondsWith(focalPointAnswerSchema, {
      tag: 'Focal points and invitations',
      summary: 'Revoke a focal point’s links',
      description: 'All its links stop working (audited).',
    }),
    requireRole('organizer'),
    noQuery,
    noFields,
    async (req, res) => {
      const fp = await findFocalPointOrReject(String(req.params.id));
      await revokeFocalPointLinks(fp);
      await auditRequest(req, 'link.revoke', {
        roundId: String(fp.roundId),
        target: { kind: 'focalPoint', id: String(fp._id), label: fp.country },
        people: [await pseudonymOf(fp.email)],
      });
      res.json({ focalPoint: await focalPointView(String(fp._id)) });
    },
  );

  const resendQuery = validateQuery(querySchema({ replace: queryFlag }));
  router.post(
    '/api/focal-points/:id/resend',
    respondsWith(focalPointAnswerSchema, {
      tag: 'Focal points and invitations',
      summary: 'Email a focal point a new link',
      description: 'The earlier links stop working unless ?replace=false (audited).',
    }),
    requireRole('organizer'),
    resendQuery,
    noFields,
    async (req, res) => {
      const fp = await findFocalPointOrReject(String(req.params.id));
      await sendNewLink(config.publicUrl, fp, 'invitation', { replace: req.query.replace !== 'false' });
      await auditRequest(req, 'link.resend', {
        roundId: String(fp.roundId),
        target: { kind: 'focalPoint', id: String(fp._id), label: fp.country },
        people: [await pseudonymOf(fp.email)],
        details: { replace: req.query.replace !== 'false' },
      });
      res.json({ focalPoint: await focalPointView(String(fp._id)) });
    },
  );

  // Counts every request, known address or not, so the limit says nothing about addresses.
  const linkAgainLimit = limitPerClient({
    windowMs: 3_600_000,
    limit: options.linkAgainPerHour ?? 5,
    detail: 'Too many requests for links; try again in an hour',
  });

  router.post(
    '/api/links/resend',
    respondsWith(linkAgainAnswerSchema, {
      status: 202,
      problems: ['tooManyRequests'],
      tag: 'Focal points and invitations',
      summary: 'Send me my link again',
      description:
        'For a focal point who lost its link: one more link by email, the earlier ones keep working. No sign-in; rate limited; always 202, so it tells no one whether an address is known.',
    }),
    linkAgainLimit,
    noQuery,
    validateBody(linkAgainSchema),
    (req, res) => {
      const { email } = req.body as { email: string };
      // Answer first, work after: neither the body nor the time taken tells whether the address is known.
      res.status(202).json(linkAgainReply);
      sendLinksAgain(config.publicUrl, email).catch((err: unknown) =>
        req.log?.error({ err }, 'sending links again failed'),
      );
    },
  );

  return router;
}
