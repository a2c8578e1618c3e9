// Requests under /api that no route will answer are answered before their body is read: an
// address the API does not know gets 404, and a known address asked with a method it does not
// answer gets 405 with an Allow header listing the methods it does answer (RFC 9110), rather
// than a 404 that would suggest the address is wrong, or a 415 about a body nobody will read.
// A path parameter counts only in the shape its name promises (path-parameters.ts): so
// GET /api/partner-declarations/invitations is a 405 (only POST is answered there), not a search
// for a partner called "invitations". The table is read from the app's own routes on first use,
// when every feature has registered.
import type { Application, RequestHandler } from 'express';
import { match } from 'path-to-regexp';
import { pathParameterFits } from './path-parameters';
import { AppError } from './problem';
import { routeTable } from './route-table';

interface KnownPath {
  /** undefined: not this path; else whether every parameter has its shape. */
  fits: (path: string) => boolean | undefined;
  methods: Set<string>;
}

const decodeOrKeep = (segment: string): string => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

function knownPaths(app: Application): KnownPath[] {
  const byPath = new Map<string, Set<string>>();
  for (const route of routeTable(app)) {
    const methods = byPath.get(route.path) ?? new Set<string>();
    methods.add(route.method.toUpperCase());
    // Express answers HEAD with a route's GET handler.
    if (route.method === 'get') methods.add('HEAD');
    byPath.set(route.path, methods);
  }
  return [...byPath].map(([path, methods]) => {
    // Segments are decoded as Express decodes them (an email's %40 is an @); a malformed one stays
    // raw here, and the error handler answers it.
    const matcher = match(path, { decode: decodeOrKeep });
    const fits = (p: string) => {
      const found = matcher(p);
      if (!found) return undefined;
      return Object.entries(found.params).every(([name, value]) => pathParameterFits(name, String(value)));
    };
    return { fits, methods };
  });
}

/** Mounted at /api before the body parser: 404 for an unknown address, 405 for an unanswered method. */
export function unansweredApiRequests(app: Application): RequestHandler {
  let paths: KnownPath[] | undefined;
  return (req, res, next) => {
    paths ??= knownPaths(app);
    const path = req.baseUrl + req.path;
    const inShape = new Set<string>();
    const anyShape = new Set<string>();
    for (const known of paths) {
      const fits = known.fits(path);
      if (fits === undefined) continue;
      for (const m of known.methods) {
        anyShape.add(m);
        if (fits) inShape.add(m);
      }
    }
    // OPTIONS is answered by Express itself with the Allow header.
    if (inShape.has(req.method) || (anyShape.size > 0 && req.method === 'OPTIONS')) return next();
    // A parameter out of shape: the route says which record it does not know.
    if (inShape.size === 0 && anyShape.has(req.method)) return next();
    const allowed = inShape.size > 0 ? inShape : anyShape;
    if (allowed.size === 0) return next(new AppError('notFound', `No route for ${req.method} ${path}`));
    const allow = [...allowed].sort().join(', ');
    res.setHeader('Allow', allow);
    next(new AppError('methodNotAllowed', `${path} answers ${allow}`));
  };
}
