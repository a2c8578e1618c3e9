// HTTP edge of a round's webhook:
//   GET    /api/rounds/:roundId/webhook   its URL and latest deliveries, never the secret (viewer+)
//   PUT    /api/rounds/:roundId/webhook   register or replace the URL; answers a new secret, shown
//                                         only here (organizer+; putting the same URL rotates it)
//   DELETE /api/rounds/:roundId/webhook   remove it; pending deliveries are dropped (organizer+)
import { Router } from 'express';
import { auditRequest } from '../audit/audit-request';
import { requireRole } from '../auth/auth.middleware';
import type { Config } from '../config';
import { respondsEmpty, respondsWith } from '../http/operation-meta';
import { AppError } from '../http/problem';
import { validateBody } from '../http/validate';
import { findRoundOrReject } from '../rounds/find-round';
import { getRoundWebhook, removeRoundWebhook, setRoundWebhook } from './round-webhook';
import {
  webhookResponseSchema,
  webhookSecretResponseSchema,
  webhookSetSchema,
  type WebhookSet,
} from './webhooks.schemas';

export function webhooksRoutes(config: Config): Router {
  const router = Router();
  router.get(
    '/api/rounds/:roundId/webhook',
    requireRole('viewer'),
    respondsWith(webhookResponseSchema, {
      tag: 'Webhooks',
      summary: 'Read the round’s webhook',
      description:
        'Its URL and latest 20 deliveries with each attempt’s outcome, never the secret; {webhook: null} without one.',
    }),
    async (req, res) => {
      const round = await findRoundOrReject(String(req.params.roundId));
      res.json({ webhook: await getRoundWebhook(String(round._id)) });
    },
  );

  router.put(
    '/api/rounds/:roundId/webhook',
    requireRole('organizer'),
    validateBody(webhookSetSchema),
    respondsWith(webhookSecretResponseSchema, {
      problems: ['unprocessable'],
      tag: 'Webhooks',
      summary: 'Register or replace the round’s webhook',
      description:
        'An https URL; answers the signing secret, shown only here. Putting the same URL again rotates the secret (audited).',
    }),
    async (req, res) => {
      const round = await findRoundOrReject(String(req.params.roundId));
      const id = String(round._id);
      const { url } = req.body as WebhookSet;
      const account = req.session!.account!;
      const set = await setRoundWebhook(id, url, account.id, config.webhookAllowPrivate);
      // The secret goes to the caller only, and the URL's query (which may carry the receiver's
      // own token) stays out of the audit log.
      const { origin, pathname } = new URL(url);
      await auditRequest(req, 'round.webhookSet', {
        target: { kind: 'round', id, label: round.name },
        roundId: id,
        details: { url: origin + pathname },
      });
      res.set('Cache-Control', 'no-store').json(set);
    },
  );

  router.delete(
    '/api/rounds/:roundId/webhook',
    respondsEmpty({
      tag: 'Webhooks',
      summary: 'Remove the round’s webhook',
      description: 'Deliveries not yet made are dropped (audited).',
    }),
    requireRole('organizer'),
    async (req, res) => {
      const round = await findRoundOrReject(String(req.params.roundId));
      const id = String(round._id);
      if (!(await removeRoundWebhook(id))) throw new AppError('notFound', 'This round has no webhook');
      await auditRequest(req, 'round.webhookRemove', { target: { kind: 'round', id, label: round.name }, roundId: id });
      res.status(204).end();
    },
  );

  return router;
}
