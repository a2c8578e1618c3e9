// Who is calling, and may they? `loadSession` reads the session cookie; `requireRole` answers
// 401 without a session, 403 with too weak a role, and 403 on a state change without the
// session's CSRF token (cookies ride along on cross-site requests, the header cannot).
import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { describeHandler } from '../http/operation-meta';
import { AppError } from '../http/problem';
import { roleAllows, type Role } from './roles';
import { findSession, type ActiveSession } from './sessions';

export const sessionCookie = 'capgap_session';
export const csrfHeader = 'x-csrf-token';

declare module 'express-serve-static-core' {
  interface Request {
    session?: ActiveSession;
  }
}

export const loadSession: RequestHandler = async (req, _res, next) => {
  const token: unknown = req.cookies?.[sessionCookie];
  if (typeof token === 'string' && token.length > 0 && token.length < 200) req.session = await findSession(token);
  next();
};

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(given: unknown, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function requireRole(needed: Role): RequestHandler {
  const handler: RequestHandler = (req, _res, next) => {
    if (!req.session) return next(new AppError('notSignedIn'));
    if (!safeMethods.has(req.method) && !sameToken(req.headers[csrfHeader], req.session.csrfToken)) {
      return next(new AppError('csrfMissing', `Send the token from GET /api/session in the ${csrfHeader} header`));
    }
    if (!roleAllows(req.session.account.role, needed)) {
      return next(new AppError('forbidden', `This needs the ${needed} role; you are ${req.session.account.role}`));
    }
    next();
  };
  return describeHandler(handler, { role: needed });
}
