// The one place where errors become HTTP answers. Known problems keep their status and
// details; anything else is logged and answered as a bare 500 (internals never reach clients).
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, type ProblemName } from './problem';

/** Maps errors raised by Express's body parser to our catalogue. */
function fromBodyParser(err: { type?: string; status?: number }): AppError | undefined {
  const byType: Record<string, ProblemName> = {
    'entity.parse.failed': 'malformedJson',
    'entity.too.large': 'payloadTooLarge',
    'encoding.unsupported': 'unsupportedMediaType',
    'charset.unsupported': 'unsupportedMediaType',
  };
  const name = err.type ? byType[err.type] : undefined;
  return name ? new AppError(name) : undefined;
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new AppError('notFound', `No route for ${req.method} ${req.path}`));
};

export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const appError = err instanceof AppError ? err : fromBodyParser(err) ?? new AppError('internal', undefined, [], { cause: err });
  if (appError.problem === 'internal') req.log?.error({ err }, 'unhandled error');
  res.status(appError.status).type('application/problem+json').json({
    type: `https://capgap.example/problems/${appError.problem}`,
    title: appError.spec.title,
    status: appError.status,
    code: appError.spec.code,
    detail: appError.problem === 'internal' ? undefined : appError.detail,
    instance: req.originalUrl,
    errors: appError.errors.length ? appError.errors : undefined,
    ...appError.extra,
  });
};
