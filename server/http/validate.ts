// Request validation middleware: a route declares the schema of its body, and nothing reaches
// the handler unless it matches. JSON bodies must be sent as application/json.
import type { Request, RequestHandler } from 'express';
import type { Schema } from 'ajv';
import { compileSchema, toFieldErrors } from './ajv';
import { describeHandler } from './operation-meta';
import { AppError, problemDetails, type ProblemName } from './problem';

/** Routes that take a CSV body instead (they parse it themselves with express.text). */
export const csvRoutes = /^\/api\/(rounds\/[^/]+\/focal-points|partners)\/import$/;

/** Whether a request announces a body at all (Content-Length or Transfer-Encoding). */
const hasBody = (req: Request) =>
  req.headers['transfer-encoding'] !== undefined || req.headers['content-length'] !== undefined;

/** Refuses state-changing requests without a body, or whose body is not declared as JSON (or CSV, on csvRoutes). */
export const requireJsonBody: RequestHandler = (req, _res, next) => {
  if (!['POST', 'PUT', 'PATCH'].includes(req.method)) return next();
  const csvRoute = csvRoutes.test(req.originalUrl.split('?')[0]);
  // (req.is answers nothing for a bodiless request, whatever its Content-Type says.)
  if (!hasBody(req))
    return next(new AppError('bodyRequired', csvRoute ? problemDetails.sendCsv : problemDetails.sendJson));
  if (!req.is('application/json') && !(csvRoute && req.is('text/csv'))) {
    return next(new AppError('unsupportedMediaType', `Content-Type was ${req.headers['content-type'] ?? 'missing'}`));
  }
  next();
};

/** `problem`: what a body that fails the schema gets (400 invalidInput unless a route says otherwise). */
export function validateBody(schema: Schema, problem: ProblemName = 'invalidInput'): RequestHandler {
  const check = compileSchema(schema);
  const handler: RequestHandler = (req, _res, next) => {
    if (!check(req.body)) return next(new AppError(problem, undefined, toFieldErrors(check.errors, 'body')));
    next();
  };
  return describeHandler(handler, { bodySchema: schema as object, bodyProblem: problem });
}

/** The body of an action that takes no fields (approve, resend, run …): an empty JSON object. */
export const noFieldsSchema = {
  $id: 'no-fields',
  title: 'An action without fields',
  description: 'The action takes nothing but its address: send {}.',
  type: 'object',
  properties: {},
  additionalProperties: false,
} as const;

/** Checks that an action without fields was sent {} (a field would be a misunderstanding). */
export const noFields = validateBody(noFieldsSchema);
