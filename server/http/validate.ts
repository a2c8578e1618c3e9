// Request validation middleware: a route declares the schema of its body, and nothing reaches
// the handler unless it matches. JSON bodies must be sent as application/json.
import type { RequestHandler } from 'express';
import type { Schema } from 'ajv';
import { compileSchema, toFieldErrors } from './ajv';
import { AppError } from './problem';

/** Routes that take a CSV body instead (they parse it themselves with express.text). */
const csvRoutes = /^\/api\/(rounds\/[^/]+\/focal-points|partners)\/import$/;

/** Refuses state-changing requests whose body is not declared as JSON (or CSV, on csvRoutes). */
export const requireJsonBody: RequestHandler = (req, _res, next) => {
  const csvAllowed = csvRoutes.test(req.originalUrl.split('?')[0]) && req.is('text/csv');
  if (['POST', 'PUT', 'PATCH'].includes(req.method) && !req.is('application/json') && !csvAllowed) {
    return next(new AppError('unsupportedMediaType', `Content-Type was ${req.headers['content-type'] ?? 'missing'}`));
  }
  next();
};

export function validateBody(schema: Schema): RequestHandler {
  const check = compileSchema(schema);
  return (req, _res, next) => {
    if (!check(req.body)) return next(new AppError('invalidInput', undefined, toFieldErrors(check.errors, 'body')));
    next();
  };
}
