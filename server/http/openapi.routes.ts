// Serves the OpenAPI 3.1 document of the JSON API:
//   GET /api/openapi.json
// It is built from the app's own routes on the first request (all routes are declared by then)
// and kept: routes do not change while the app runs.
import { Router } from 'express';
import { buildOpenApi, type OpenApiInput } from './openapi';

export function openApiRoutes(input: OpenApiInput): Router {
  let document: object | undefined;
  const router = Router();
  router.get('/api/openapi.json', (req, res) => {
    document ??= buildOpenApi(req.app, input);
    res.json(document);
  });
  return router;
}
