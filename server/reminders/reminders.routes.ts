// HTTP edge of reminders:
//   POST /api/rounds/:roundId/reminders?dryRun=true   who would get a reminder now, and why not the others
//   POST /api/rounds/:roundId/reminders               send the due reminders now (organizer+)
// The worker also sends due reminders on its own (server/reminders/reminder-job.ts). Any other
// query parameter, or a dryRun other than exactly true or false, is a 400: a misspelt dry run
// must never send for real.
import { auditRequest } from '../audit/audit-request';
import { Router } from 'express';
import { noFields } from '../http/validate';
import { requireRole } from '../auth/auth.middleware';
import type { Config } from '../config';
import { respondsWith } from '../http/operation-meta';
import { queryFlag, querySchema, validateQuery } from '../http/validate-query';
import { reminderRunSchema } from './reminders.schemas';
import { remindRound } from './send-reminders';

export function remindersRoutes(config: Config): Router {
  const router = Router();
  router.post(
    '/api/rounds/:roundId/reminders',
    respondsWith(reminderRunSchema, {
      tag: 'Focal points and invitations',
      summary: 'Send the due reminders',
      description:
        'Emails the focal points due a reminder under the round’s policy; ?dryRun=true lists who would get one now, and why not the others, sending nothing. The service also sends them on its own.',
    }),
    requireRole('organizer'),
    validateQuery(querySchema({ dryRun: queryFlag })),
    noFields,
    async (req, res) => {
      const run = await remindRound(config.publicUrl, String(req.params.roundId), {
        dryRun: req.query.dryRun === 'true',
      });
      if (!run.dryRun)
        await auditRequest(req, 'reminders.send', { roundId: run.roundId, details: { queued: run.queued } });
      res.json(run);
    },
  );
  return router;
}
