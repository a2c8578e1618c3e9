// The request a piece of work belongs to, known anywhere below the route without passing it
// along: the crash handlers (server/crash-guard.ts) name the request id of a failure that
// escaped its request, where there is one.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestHandler } from 'express';

const context = new AsyncLocalStorage<{ requestId: string }>();

export const withRequestContext: RequestHandler = (req, _res, next) => {
  context.run({ requestId: String(req.id ?? '') }, next);
};

/** The id of the request being served, or undefined outside one. */
export const currentRequestId = (): string | undefined => context.getStore()?.requestId || undefined;
