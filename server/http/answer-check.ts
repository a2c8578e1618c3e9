// In tests (config.checkAnswers), every answer of a route under /api is checked against what the
// route declares (operation-meta.ts), the very declarations the OpenAPI document is made of: a
// JSON success body that does not match its schema becomes a 500 naming the mismatch, and any
// status the route does not declare is reported. So the integration tests exercise the document,
// and it cannot drift from what the routes really send.
import type { Request, RequestHandler } from 'express';
import { compileSchema } from './ajv';
import { declaredAnswers, operationMeta, type DeclaredAnswer } from './openapi';

interface RouteLike {
  path: unknown;
  stack: { method?: string; handle: unknown }[];
}

/** `violations` collects what was found (the test helpers fail a test file that has any). */
export function checkAnswers(violations: string[]): RequestHandler {
  const cache = new WeakMap<RouteLike, Map<string, Map<number, DeclaredAnswer> | undefined>>();

  /** What the route that took the request declares; undefined off /api, or before a route matched. */
  function declared(req: Request): Map<number, DeclaredAnswer> | undefined {
    const route = req.route as RouteLike | undefined;
    if (!route || typeof route.path !== 'string' || !route.path.startsWith('/api/')) return undefined;
    const method = req.method.toLowerCase();
    const byMethod = cache.get(route) ?? new Map<string, Map<number, DeclaredAnswer> | undefined>();
    cache.set(route, byMethod);
    if (!byMethod.has(method)) {
      const handlers = route.stack.filter((l) => l.method === method).map((l) => l.handle);
      byMethod.set(method, handlers.length ? declaredAnswers(method, route.path, operationMeta(handlers)) : undefined);
    }
    return byMethod.get(method);
  }

  const report = (req: Request, what: string) => {
    const line = `${req.method} ${(req.route as RouteLike).path as string}: ${what}`;
    violations.push(line);
    console.error(`Answer not as declared: ${line}`);
  };

  return (req, res, next) => {
    const json = res.json.bind(res);
    res.json = (body: unknown) => {
      const answers = declared(req);
      const schema = res.statusCode < 400 ? answers?.get(res.statusCode)?.content['application/json'] : undefined;
      if (schema) {
        const check = compileSchema(schema);
        // As the client will read it: dates and ids become strings, undefined members vanish.
        if (!check(JSON.parse(JSON.stringify(body ?? null)))) {
          const errors = (check.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
          report(req, `the ${res.statusCode} body does not match its schema: ${errors}`);
          throw new Error(`The answer of ${req.method} ${req.originalUrl} does not match its declared schema`);
        }
      }
      return json(body);
    };
    res.on('finish', () => {
      const answers = declared(req);
      if (answers && !answers.has(res.statusCode)) report(req, `answered ${res.statusCode}, which it does not declare`);
    });
    next();
  };
}
