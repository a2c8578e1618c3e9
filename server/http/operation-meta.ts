// What a route's middleware says about its operation, recorded on the middleware itself so that
// the OpenAPI document is read from the very checks the routes run (one source of truth):
// validateBody records the body schema, validateQuery the query schema, requireRole the role,
// respondsWith the schema of the success answer.
import type { RequestHandler } from 'express';
import type { ProblemName } from './problem';

export interface OperationMeta {
  bodySchema?: object;
  /** The problem a body failing its schema gets. */
  bodyProblem?: ProblemName;
  querySchema?: object;
  role?: string;
  /** The schema of the JSON the route answers with on success. */
  responseSchema?: object;
}

const metaOfHandler = new WeakMap<RequestHandler, OperationMeta>();

/** Records what a middleware checks, and returns it unchanged. */
export function describeHandler<H extends RequestHandler>(handler: H, meta: OperationMeta): H {
  metaOfHandler.set(handler, { ...metaOfHandler.get(handler), ...meta });
  return handler;
}

/** What the given middleware checks, if it said so. */
export function handlerMeta(handler: unknown): OperationMeta | undefined {
  return typeof handler === 'function' ? metaOfHandler.get(handler as RequestHandler) : undefined;
}

/** Declares the schema of a route's success answer (it checks nothing: the answer is built to it). */
export function respondsWith(schema: object): RequestHandler {
  return describeHandler((_req, _res, next) => next(), { responseSchema: schema });
}
