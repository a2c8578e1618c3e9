// Serves the OpenAPI 3.1 document of the JSON API, and a page to read it:
//   GET /api/openapi.json
//   GET /api/docs
// The document is built from the app's own routes on the first request (all routes are
// declared by then) and kept: routes do not change while the app runs.
import type { Application } from 'express';
import { Router } from 'express';
import { buildOpenApi, type OpenApiInput } from './openapi';
import { renderOpenApiDocs } from './openapi-docs';
import { anyObject, object, string } from './answer-schemas';
import { respondsWith, respondsWithFile } from './operation-meta';

const openApiDocumentSchema = object({ openapi: string, info: anyObject, paths: anyObject });

/** `assetUrl`: the URL the asset store serves one of the page's files at (api-docs-assets.ts). */
export function openApiRoutes(input: OpenApiInput, assetUrl: (name: string) => string): Router {
  let document: ReturnType<typeof buildOpenApi> | undefined;
  let page: string | undefined;
  const documentOf = (app: Application) => (document ??= buildOpenApi(app, input));
  const router = Router();
  router.get(
    '/api/openapi.json',
    respondsWith(openApiDocumentSchema, {
      tag: 'API contract',
      summary: 'Read the OpenAPI 3.1 document',
      description: 'Built from the routes’ own checks: their schemas, roles and problems.',
    }),
    (req, res) => {
      res.json(documentOf(req.app));
    },
  );
  router.get(
    '/api/docs',
    respondsWithFile(
      { 'text/html': string },
      {
        tag: 'API contract',
        summary: 'Browse the API documentation',
        description: 'This document in Swagger UI, over a plain list for browsers without JavaScript.',
      },
    ),
    (req, res) => {
      page ??= renderOpenApiDocs(documentOf(req.app) as Parameters<typeof renderOpenApiDocs>[0], {
        script: assetUrl('swagger-ui.js'),
        styles: assetUrl('swagger-ui.css'),
        starter: assetUrl('api-docs.js'),
        csrfHeader: input.csrfHeader,
      });
      res.type('html').send(page);
    },
  );
  return router;
}
