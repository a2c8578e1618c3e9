// Probes for load balancers and orchestrators:
//   GET /healthz   the process is up (no dependencies checked)
//   GET /readyz    the database stores a small write within 1.5 s; 503 otherwise (with
//                  Retry-After), so traffic goes elsewhere until it can
import { Router } from 'express';
import { probeDatabase } from '../db/readiness';
import { AppError } from '../http/problem';

export function healthRoutes(): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const readiness = await probeDatabase();
    if (readiness === 'unavailable') throw new AppError('databaseUnavailable');
    if (readiness === 'cannotWrite') throw new AppError('databaseCannotWrite');
    res.set('Cache-Control', 'no-store').json({ status: 'ready' });
  });
  return router;
}
