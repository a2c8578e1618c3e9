// The route table the OpenAPI document is built from: it must see routes inside routers, every
// method of a path, and the middleware each route runs; and refuse what it cannot list right.
import express, { Router } from 'express';
import { requireRole } from '../../server/auth/auth.middleware';
import { handlerMeta } from '../../server/http/operation-meta';
import { routeTable } from '../../server/http/route-table';
import { validateBody } from '../../server/http/validate';
import { querySchema, validateQuery } from '../../server/http/validate-query';

const ok: express.RequestHandler = (_req, res) => {
  res.end();
};

describe('When an app declares routes in nested routers', () => {
  it('then the table lists each method and path with the checks its middleware records', () => {
    const app = express();
    const inner = Router();
    const body = { type: 'object' };
    inner.post('/api/things/:id', requireRole('organizer'), validateBody(body), ok);
    inner.get('/api/things/:id', requireRole('viewer'), validateQuery(querySchema({ a: { type: 'string' } })), ok);
    const outer = Router();
    outer.use(inner);
    app.use(outer);
    app.use('/api', (_req, _res, next) => next());
    app.delete('/api/top', ok);

    const table = routeTable(app);
    expect(table.map((r) => `${r.method} ${r.path}`)).toEqual([
      'post /api/things/:id',
      'get /api/things/:id',
      'delete /api/top',
    ]);
    const post = Object.assign({}, ...table[0].handlers.map(handlerMeta).filter(Boolean));
    expect(post).toEqual({ role: 'organizer', bodySchema: body, bodyProblem: 'invalidInput' });
    const get = Object.assign({}, ...table[1].handlers.map(handlerMeta).filter(Boolean));
    expect(get).toMatchObject({ role: 'viewer', querySchema: { properties: { a: { type: 'string' } } } });
  });
});

describe('When a router with routes is mounted under a path', () => {
  it('then the table refuses it rather than list its routes under wrong paths', () => {
    const app = express();
    const router = Router();
    router.get('/x', ok);
    app.use('/api', router);
    expect(() => routeTable(app)).toThrow(/mounted under a path/);
  });
});
