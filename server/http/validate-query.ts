// Query-string validation: a route declares the parameters it understands, and nothing reaches
// the handler unless the query matches exactly. A flag that is misspelt, repeated or not one of
// its allowed values (`?dryRun=1`) is a 400 naming it, never silently read as "not set".
import type { RequestHandler } from 'express';
import type { Schema } from 'ajv';
import { compileSchema, toFieldErrors } from './ajv';
import { describeHandler } from './operation-meta';
import { AppError, problemDetails } from './problem';

/** A boolean query flag: exactly "true" or "false". */
export const queryFlag = { type: 'string', enum: ['true', 'false'] } as const;

/** The schema of a query made of the given parameters only, none of them required. */
export function querySchema(properties: Record<string, object> = {}): Schema {
  return { type: 'object', additionalProperties: false, properties };
}

/** With the "simple" query parser, values are strings or arrays of strings (a repeated name). */
export function validateQuery(schema: Schema): RequestHandler {
  const check = compileSchema(schema);
  const handler: RequestHandler = (req, _res, next) => {
    if (!check({ ...req.query }))
      return next(new AppError('invalidInput', problemDetails.queryMismatch, toFieldErrors(check.errors, 'query')));
    next();
  };
  return describeHandler(handler, { querySchema: schema as object });
}

/**
 * Declares the query a route reads and checks itself (defaults, its own messages: 400 for a
 * value it does not know), so that the document lists its parameters; it checks nothing here.
 */
export function documentsQuery(schema: Schema): RequestHandler {
  return describeHandler((_req, _res, next) => next(), { querySchema: schema as object });
}
