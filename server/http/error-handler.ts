// The one place where errors become HTTP answers. Known problems keep their status and
// details; anything else is logged and answered as a bare 500 (internals never reach clients).
// The answer speaks the request's language: its title, the details of the catalogue and the
// field errors of ajv.
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { databaseOutage } from '../db/outage';
import { requestLocale } from '../i18n/request-locale';
import { fieldErrorIn } from './ajv';
import { AppError, problemDetails, type ProblemName } from './problem';

/** Seconds a client should wait before trying again after a 503 (the database is out). */
const retryAfterSeconds = 5;

/** Maps errors raised by Express's router and body parser to our catalogue. */
function fromBodyParser(err: { type?: string; status?: number; errno?: unknown }): AppError | undefined {
  // The router could not decode a path parameter (e.g. /api/forms/%ZZ).
  if (err instanceof URIError) return new AppError('malformedUrl');
  const byType: Record<string, ProblemName> = {
    'entity.parse.failed': 'malformedJson',
    'entity.too.large': 'payloadTooLarge',
    'encoding.unsupported': 'unsupportedMediaType',
    'charset.unsupported': 'unsupportedMediaType',
    'request.size.invalid': 'unreadableBody',
    'request.aborted': 'unreadableBody',
  };
  const name = err.type ? byType[err.type] : undefined;
  if (name) return new AppError(name);
  // zlib's own error, given status 400 by the body parser: corrupt gzip, deflate or br data.
  if (err.status === 400 && typeof err.errno === 'number')
    return new AppError('unreadableBody', problemDetails.undecodableBody);
  return undefined;
}

/** Maps a database outage (down, stalled, disk full) to a 503: nothing is wrong with the request. */
function fromDatabaseOutage(err: unknown): AppError | undefined {
  const outage = databaseOutage(err);
  if (outage === 'unavailable') return new AppError('databaseUnavailable');
  if (outage === 'cannotWrite') return new AppError('databaseCannotWrite');
  return undefined;
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new AppError('notFound', `No route for ${req.method} ${req.path}`));
};

/** The language a request asked for: the `locale` of its body (drafts, submits), ?lang, Accept-Language. */
function problemLocale(req: Request) {
  const body: unknown = req.body;
  const bodyLocale = body && typeof body === 'object' ? (body as { locale?: unknown }).locale : undefined;
  return requestLocale(req, bodyLocale ?? req.query?.lang);
}

export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const appError =
    err instanceof AppError
      ? err
      : (fromBodyParser(err) ?? fromDatabaseOutage(err) ?? new AppError('internal', undefined, [], { cause: err }));
  if (appError.problem === 'internal') req.log?.error({ err }, 'unhandled error');
  if (appError.status === 503) {
    if (!(err instanceof AppError)) req.log?.warn({ err: { name: err.name, message: err.message } }, 'database outage');
    res.set('Retry-After', String(retryAfterSeconds));
  }
  const locale = problemLocale(req);
  res
    .status(appError.status)
    .type('application/problem+json')
    .json({
      type: `https://capgap.example/problems/${appError.problem}`,
      title: appError.spec.title[locale],
      status: appError.status,
      code: appError.spec.code,
      detail: appError.problem === 'internal' ? undefined : appError.detailIn(locale),
      instance: req.originalUrl,
      errors: appError.errors.length ? appError.errors.map((e) => fieldErrorIn(e, locale)) : undefined,
      ...appError.extra,
    });
};
