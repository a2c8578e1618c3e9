// Structured logs (pino). Every request line carries a request id, taken from the
// X-Request-Id header when a proxy set a sane one, generated otherwise.
// Secrets never reach a log line: cookies, CSRF and session tokens are censored, and the
// country-link token in a respondent URL (the respondent's only key) is replaced wherever a
// URL is logged: the request URL, the Referer, the route parameters.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import pino, { type DestinationStream, type Logger } from 'pino';
import pinoHttp from 'pino-http';

const secretPaths = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
];

/** `destination`: where the lines go (stdout unless given; a test reads them). */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino({ level, base: { service: 'capgap' }, redact: secretPaths }, destination);
}

// /respond/:token, /api/respondent/:token[/…], the partners' /declare/:token and
// /api/declarations/:token[/…], and the partnership introductions' /introductions/:token[/…] and
// /api/introductions/:token/…, in any letter case (Express routes ignore it).
const linkTokenInUrl =
  /(\/(?:api\/respondent|respond|api\/declarations|declare|api\/introductions|introductions)\/)[^/?#]+/gi;
// Email addresses in a URL: a partner contact's (…/contacts/:email) and a personal-data lookup's (?email=).
const emailInUrl = /(\/contacts\/|[?&]email=)[^/?#&]+/gi;

/** A URL (path or absolute) with any link token in it replaced by "[token]". */
export const redactLinkTokens = (url: string): string => url.replace(linkTokenInUrl, '$1[token]');

/** What a log line may show of a URL: no link token, no email address. */
const redactUrl = (url: string): string => redactLinkTokens(url).replace(emailInUrl, '$1[email]');

interface SerializedRequest {
  url?: string;
  query?: Record<string, unknown>;
  params?: Record<string, unknown>;
  headers?: Record<string, unknown>;
}

/** Applied to pino's own request serialization (a fresh object; the live request is untouched). */
function redactRequest(req: SerializedRequest): SerializedRequest {
  if (typeof req.url === 'string') req.url = redactUrl(req.url);
  if (req.params && 'token' in req.params) req.params = { ...req.params, token: '[token]' };
  if (req.params && 'email' in req.params) req.params = { ...req.params, email: '[email]' };
  if (req.query && 'email' in req.query) req.query = { ...req.query, email: '[email]' };
  const referer = req.headers?.referer;
  if (typeof referer === 'string') req.headers = { ...req.headers, referer: redactUrl(referer) };
  return req;
}

export function requestLogger(logger: Logger) {
  return pinoHttp({
    logger,
    serializers: { req: redactRequest },
    genReqId(req: IncomingMessage, res: ServerResponse) {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(given) ? given : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    customLogLevel(_req, res, err) {
      if (err || res.statusCode >= 500) return 'error';
      return res.statusCode >= 400 ? 'warn' : 'info';
    },
  });
}
