// Limits per client address (express-rate-limit), answered with the catalogue's 429. Counts are
// kept in this instance's memory: behind a load balancer each instance counts on its own, and
// the client address is what `trust proxy` (config) makes of the forwarding headers.
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { AppError } from './problem';

export interface ClientLimit {
  windowMs: number;
  limit: number;
  /** The problem's detail: what was limited and when to try again. */
  detail: string;
}

export function limitPerClient({ windowMs, limit, detail }: ClientLimit): RequestHandler {
  return rateLimit({
    windowMs,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(new AppError('tooManyRequests', detail)),
  });
}
