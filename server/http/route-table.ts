// The routes an Express application answers, read from its router: each method and path with
// the middleware it runs. The OpenAPI document is built from this table, and a test compares
// the two. Routers are mounted at the root (features write their full paths), so a route's
// path is the one it was declared with; a router mounted under a path is refused rather than
// listed under a wrong path.
import type { Application } from 'express';

export interface RouteEntry {
  method: string;
  path: string;
  /** The route's own handlers and middleware, in order. */
  handlers: unknown[];
}

interface Layer {
  route?: { path: unknown; stack: { method?: string; handle: unknown }[] };
  handle: { stack?: Layer[] };
  slash?: boolean;
}

/** Every route of the app, as declared (Express 5: app.router.stack, then each router's stack). */
export function routeTable(app: Application): RouteEntry[] {
  const entries: RouteEntry[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) entries.push(...routeEntries(layer.route));
      else if (Array.isArray(layer.handle.stack)) {
        if (!layer.slash) throw new Error('A router mounted under a path: its routes cannot be listed');
        walk(layer.handle.stack);
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return entries;
}

function routeEntries(route: NonNullable<Layer['route']>): RouteEntry[] {
  if (typeof route.path !== 'string') throw new Error('A route declared with a non-string path');
  const methods = [...new Set(route.stack.map((l) => l.method).filter((m): m is string => !!m))];
  return methods.map((method) => ({
    method,
    path: route.path as string,
    handlers: route.stack.filter((l) => l.method === method).map((l) => l.handle),
  }));
}
