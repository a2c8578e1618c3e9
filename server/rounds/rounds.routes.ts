// HTTP edge of assessment rounds for organizers:
//   GET  /api/rounds                                    rounds and their countries (viewer+)
//   GET  /api/rounds/:roundId/responses/:country        a country's response (viewer+)
//   POST /api/rounds/:roundId/responses/:country/reopen send a submitted response back (organizer+)
import { Router } from 'express';
import { isValidObjectId } from 'mongoose';
import { requireRole } from '../auth/auth.middleware';
import { AppError } from '../http/problem';
import { getResponseState, reopenResponse } from '../responses/country-responses';
import { Round } from './round.model';

export function roundsRoutes(): Router {
  const router = Router();

  router.param('roundId', (_req, _res, next, roundId: string) => {
    if (!isValidObjectId(roundId)) throw new AppError('notFound', 'No such round');
    next();
  });
  router.param('country', (_req, _res, next, country: string) => {
    if (!/^[A-Z]{3}$/.test(country)) throw new AppError('notFound', 'Countries are named by ISO 3166 alpha-3 code');
    next();
  });

  router.get('/api/rounds', requireRole('viewer'), async (_req, res) => {
    const rounds = await Round.find().sort({ createdAt: -1 }).lean();
    res.json({ rounds: rounds.map(({ _id, __v, ...r }) => ({ id: String(_id), ...r })) });
  });

  router.get('/api/rounds/:roundId/responses/:country', requireRole('viewer'), async (req, res) => {
    res.json(await getResponseState(String(req.params.roundId), String(req.params.country)));
  });

  router.post('/api/rounds/:roundId/responses/:country/reopen', requireRole('organizer'), async (req, res) => {
    res.json(await reopenResponse(String(req.params.roundId), String(req.params.country), req.session!.account.email));
  });

  return router;
}
