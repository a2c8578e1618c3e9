// Probes for load balancers and orchestrators:
//   GET /healthz   the process is up (no dependencies checked)
//   GET /readyz    the database answers; 503 otherwise, so traffic goes elsewhere
import { Router } from 'express';
import { pingDatabase } from '../db/connect';
import { AppError } from '../http/problem';

export function healthRoutes(): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    if (!(await pingDatabase())) throw new AppError('databaseUnavailable');
    res.set('Cache-Control', 'no-store').json({ status: 'ready' });
  });
  return router;
}
