// HTTP edge of organizer accounts:
//   POST   /api/session    sign in (rate limited) → session cookie + CSRF token
//   GET    /api/session    who am I, and the CSRF token to send with state changes
//   DELETE /api/session    sign out
//   PUT    /api/session/password   change one's own password {current, new} (audited)
//   GET    /api/accounts   list accounts (admin)
//   POST   /api/accounts   create an account (admin)
//   PATCH  /api/accounts/:id       change an account's role or disable it {role?, disabled?} (admin)
import { auditRequest } from '../audit/audit-request';
import { Router } from 'express';
import type { Config } from '../config';
import { AppError } from '../http/problem';
import { limitPerClient } from '../http/rate-limit';
import { respondsEmpty, respondsWith } from '../http/operation-meta';
import { validateBody } from '../http/validate';
import {
  changePassword,
  checkCredentials,
  createAccount,
  listAccounts,
  updateAccount,
  type AccountChange,
  type NewAccount,
} from './accounts';
import { requireRole, sessionCookie } from './auth.middleware';
import {
  accountAnswerSchema,
  accountsAnswerSchema,
  accountUpdateSchema,
  newAccountSchema,
  passwordChangeSchema,
  sessionAnswerSchema,
  signedInAnswerSchema,
  signInSchema,
} from './auth.schemas';
import { createSession, endSession } from './sessions';

export function authRoutes(config: Config): Router {
  const router = Router();
  const cookieOptions = { httpOnly: true, sameSite: 'lax' as const, secure: config.cookieSecure, path: '/' };

  const signInLimit = limitPerClient({
    windowMs: 60_000,
    limit: config.signInPerMinute,
    detail: 'Too many sign-in attempts; wait a minute',
  });

  router.post(
    '/api/session',
    respondsWith(signedInAnswerSchema, {
      status: 201,
      problems: ['badCredentials', 'tooManyRequests'],
      tag: 'Session and accounts',
      summary: 'Sign in',
      description:
        'Sets the session cookie and answers the CSRF token that every state-changing request must send. Rate limited per client address; audited.',
    }),
    signInLimit,
    validateBody(signInSchema),
    async (req, res) => {
      const { email, password } = req.body as { email: string; password: string };
      const account = await checkCredentials(email, password);
      if (!account) {
        await auditRequest(req, 'session.signInFailed', { details: { email } });
        throw new AppError('badCredentials');
      }
      const session = await createSession(account.id, config.sessionHours);
      await auditRequest(req, 'session.signIn', { actor: { kind: 'account', id: account.id, label: account.email } });
      res.cookie(sessionCookie, session.token, { ...cookieOptions, expires: session.expiresAt });
      res.status(201).json({ account, csrfToken: session.csrfToken, expiresAt: session.expiresAt });
    },
  );

  router.get(
    '/api/session',
    respondsWith(sessionAnswerSchema, {
      tag: 'Session and accounts',
      summary: 'Who am I',
      description: 'The signed-in account, and the CSRF token to send with state changes.',
    }),
    requireRole('viewer'),
    (req, res) => {
      res.json({ account: req.session!.account, csrfToken: req.session!.csrfToken });
    },
  );

  router.delete(
    '/api/session',
    respondsEmpty({
      tag: 'Session and accounts',
      summary: 'Sign out',
      description: 'Ends the session and clears its cookie (audited).',
    }),
    requireRole('viewer'),
    async (req, res) => {
      await endSession(req.cookies[sessionCookie]);
      await auditRequest(req, 'session.signOut');
      res.clearCookie(sessionCookie, cookieOptions);
      res.status(204).end();
    },
  );

  router.put(
    '/api/session/password',
    respondsEmpty({
      problems: ['unprocessable', 'weakPassword'],
      tag: 'Session and accounts',
      summary: 'Change one’s own password',
      description: 'Needs the current password; the new one must pass the strength rules (audited).',
    }),
    requireRole('viewer'),
    validateBody(passwordChangeSchema),
    async (req, res) => {
      const body = req.body as { current: string; new: string };
      const account = req.session!.account;
      await changePassword(account.id, body.current, body.new, { demoMode: config.seedDemo });
      await auditRequest(req, 'account.passwordChange', {
        target: { kind: 'account', id: account.id, label: account.email },
      });
      res.status(204).end();
    },
  );

  router.get(
    '/api/accounts',
    respondsWith(accountsAnswerSchema, { tag: 'Session and accounts', summary: 'List organizer accounts' }),
    requireRole('admin'),
    async (_req, res) => {
      res.json({ accounts: await listAccounts() });
    },
  );

  router.post(
    '/api/accounts',
    respondsWith(accountAnswerSchema, {
      status: 201,
      problems: ['conflict', 'weakPassword'],
      tag: 'Session and accounts',
      summary: 'Create an organizer account',
      description:
        'With its role and a password that passes the strength rules; 409 when the email is taken (audited).',
    }),
    requireRole('admin'),
    validateBody(newAccountSchema),
    async (req, res) => {
      const account = await createAccount(req.body as NewAccount, { demoMode: config.seedDemo });
      await auditRequest(req, 'account.create', {
        target: { kind: 'account', id: account.id, label: account.email },
        details: { role: account.role },
      });
      res.status(201).location(`/api/accounts/${account.id}`).json({ account });
    },
  );

  router.patch(
    '/api/accounts/:id',
    respondsWith(accountAnswerSchema, {
      problems: ['unprocessable'],
      tag: 'Session and accounts',
      summary: 'Change an account’s role, or disable it',
      description: 'Another account’s role or disabled flag (audited).',
    }),
    requireRole('admin'),
    validateBody(accountUpdateSchema),
    async (req, res) => {
      const change = req.body as AccountChange;
      const account = await updateAccount(String(req.params.id), change, req.session!.account);
      await auditRequest(req, 'account.update', {
        target: { kind: 'account', id: account.id, label: account.email },
        details: { ...change },
      });
      res.json({ account });
    },
  );

  return router;
}
