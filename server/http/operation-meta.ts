// What a route's middleware says about its operation, recorded on the middleware itself so that
// the OpenAPI document is read from the very checks the routes run (one source of truth):
// validateBody records the body schema, validateQuery the query schema, requireRole the role,
// respondsWith (or respondsEmpty, respondsWithFile) the success answer and the problems the
// route's own code can answer, and what the operation is for (its group, summary and description,
// read by people browsing /api/docs). In tests, every answer is checked against them (answer-check.ts).
import type { RequestHandler } from 'express';
import type { ApiTag } from './api-tags';
import type { ProblemName } from './problem';

/** What an operation is for, in words for integrators: its group, one short line, and its rules. */
export interface OperationDoc {
  /** The group it is listed under (api-tags.ts). */
  tag: ApiTag;
  /** One short line saying what it does, e.g. "Create a round". */
  summary: string;
  /** A sentence or two, where useful: what it does and its rules (idempotent, audited, 409 when stale). */
  description?: string;
}

/** The success answer of a route: its status(es) and, per media type, the schema of its body. */
export interface SuccessAnswer {
  /** Usually one; a PUT that creates or replaces answers 201 or 200 with the same body. */
  statuses: number[];
  /** None for a bodiless answer (204). */
  content: Record<string, object>;
}

export interface OperationMeta {
  bodySchema?: object;
  /** The problem a body failing its schema gets. */
  bodyProblem?: ProblemName;
  querySchema?: object;
  role?: string;
  /** What the route answers on success. */
  success?: SuccessAnswer;
  /** Problems the route's own code answers, besides those its checks imply (role, body, query, path). */
  problems?: ProblemName[];
  /** What the operation is for. */
  doc?: OperationDoc;
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

/** A route's answer and what it is for: every route under /api names its group and says what it does. */
export interface AnswerOptions extends OperationDoc {
  /** The success status(es): 200 unless said. */
  status?: number | number[];
  problems?: ProblemName[];
}

const declare = (success: SuccessAnswer, { problems = [], tag, summary, description }: AnswerOptions): RequestHandler =>
  describeHandler((_req, _res, next) => next(), {
    success,
    problems,
    doc: { tag, summary, ...(description && { description }) },
  });

const statusesOf = (status: number | number[] | undefined, fallback: number) =>
  status === undefined ? [fallback] : Array.isArray(status) ? status : [status];

/**
 * Declares a route's JSON success answer and the problems its own code can answer. It checks
 * nothing itself: the answer is built to the schema, and tests check every answer against it.
 */
export function respondsWith(schema: object, options: AnswerOptions): RequestHandler {
  return declare({ statuses: statusesOf(options.status, 200), content: { 'application/json': schema } }, options);
}

/** Declares a success answer without a body (204 unless said). */
export function respondsEmpty(options: AnswerOptions): RequestHandler {
  return declare({ statuses: statusesOf(options.status, 204), content: {} }, options);
}

/** Declares a file answer: its media types (e.g. text/csv), each with the schema of its body. */
export function respondsWithFile(content: Record<string, object>, options: AnswerOptions): RequestHandler {
  return declare({ statuses: statusesOf(options.status, 200), content }, options);
}
