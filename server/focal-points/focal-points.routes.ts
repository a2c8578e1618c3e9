// HTTP edge of focal points and their invitations:
//   POST /api/rounds/:roundId/focal-points/import  CSV import, all-or-nothing unless ?validOnly=true (organizer+)
//   GET  /api/rounds/:roundId/focal-points         focal points and where each stands (viewer+)
//   GET  /api/rounds/:roundId/status               counts for the round (viewer+)
//   POST /api/rounds/:roundId/invitations          send links: given focal points, or all not yet invited (organizer+)
//   POST /api/focal-points/:id/revoke              withdraw a focal point's link (organizer+)
//   POST /api/focal-points/:id/resend              new link (the old one stops working) and email it again (organizer+)
//   POST /api/links/resend                         "send me my link again" (no session; rate limited; always 202)
import express, { Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import { requireRole } from '../auth/auth.middleware';
import type { Config } from '../config';
import { AppError } from '../http/problem';
import { validateBody } from '../http/validate';
import { focalPointViews, roundStatus } from './focal-point-status';
import { invitationsRequestSchema, linkAgainSchema } from './focal-points.schemas';
import { importFocalPoints } from './import-focal-points';
import { findFocalPointOrReject, inviteFocalPoints, revokeFocalPointLink, sendLinksAgain, sendNewLink } from './invite';

export interface FocalPointsOptions {
  /** "Send me my link again" requests per IP address and hour. */
  linkAgainPerHour?: number;
}

/** The one answer to "send me my link again", whether the address is known or not. */
export const linkAgainReply = { message: 'If this address belongs to a focal point of an open round, a new link is on its way.' };

export function focalPointsRoutes(config: Config, options: FocalPointsOptions = {}): Router {
  const router = Router();

  router.param('roundId', (_req, _res, next, roundId: string) => {
    if (!/^[0-9a-f]{24}$/.test(roundId)) throw new AppError('notFound', 'No such round');
    next();
  });

  router.post('/api/rounds/:roundId/focal-points/import', requireRole('organizer'), express.text({ type: 'text/csv', limit: '1mb' }), async (req, res) => {
    if (typeof req.body !== 'string') throw new AppError('unsupportedMediaType', 'Send the focal points as text/csv');
    const validOnly = req.query.validOnly;
    if (validOnly !== undefined && validOnly !== 'true' && validOnly !== 'false') {
      throw new AppError('invalidInput', undefined, [{ field: 'query.validOnly', message: 'must be true or false' }]);
    }
    res.json(await importFocalPoints(String(req.params.roundId), req.body, validOnly === 'true'));
  });

  router.get('/api/rounds/:roundId/focal-points', requireRole('viewer'), async (req, res) => {
    res.json({ focalPoints: (await focalPointViews(String(req.params.roundId))).views });
  });

  router.get('/api/rounds/:roundId/status', requireRole('viewer'), async (req, res) => {
    res.json(await roundStatus(String(req.params.roundId)));
  });

  router.post('/api/rounds/:roundId/invitations', requireRole('organizer'), validateBody(invitationsRequestSchema), async (req, res) => {
    const { focalPointIds } = req.body as { focalPointIds?: string[] };
    const invited = await inviteFocalPoints(config.publicUrl, String(req.params.roundId), focalPointIds);
    res.json({ invited: invited.length, focalPointIds: invited });
  });

  router.post('/api/focal-points/:id/revoke', requireRole('organizer'), async (req, res) => {
    const fp = await findFocalPointOrReject(String(req.params.id));
    await revokeFocalPointLink(fp);
    res.json(await viewOf(fp));
  });

  router.post('/api/focal-points/:id/resend', requireRole('organizer'), async (req, res) => {
    const fp = await findFocalPointOrReject(String(req.params.id));
    await sendNewLink(config.publicUrl, fp, 'invitation');
    res.json(await viewOf(fp));
  });

  // Counts every request, known address or not, so the limit says nothing about addresses.
  const linkAgainLimit = rateLimit({
    windowMs: 3_600_000,
    limit: options.linkAgainPerHour ?? 5,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(new AppError('tooManyRequests', 'Too many requests for links; try again in an hour')),
  });

  router.post('/api/links/resend', linkAgainLimit, validateBody(linkAgainSchema), (req, res) => {
    const { email } = req.body as { email: string };
    // Answer first, work after: neither the body nor the time taken tells whether the address is known.
    res.status(202).json(linkAgainReply);
    sendLinksAgain(config.publicUrl, email).catch((err: unknown) => req.log?.error({ err }, 'sending links again failed'));
  });

  return router;
}

async function viewOf(fp: { _id: unknown; roundId: unknown }) {
  const { views } = await focalPointViews(String(fp.roundId));
  return { focalPoint: views.find((v) => v.id === String(fp._id)) };
}
