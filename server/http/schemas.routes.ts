// Publishes the JSON Schemas that request bodies are validated against, and those of the
// main organizer responses:
//   GET /api/schemas            their names
//   GET /api/schemas/:name      one schema
// (Each form's answer schema is at /api/forms/:formId/answer-schema.)
import { Router } from 'express';
import { anyObject, arrayOf, object, string } from './answer-schemas';
import { respondsWith } from './operation-meta';
import { AppError } from './problem';

const schemaListSchema = object({ schemas: arrayOf(object({ name: string, url: string })) });

/** Publishes the given schemas (each with its $id); the app decides which (server/published-schemas.ts). */
export function schemasRoutes(schemas: readonly { $id: string }[]): Router {
  // A Map, not an object: a name like __proto__ or toString must find nothing.
  const published = new Map<string, object>(schemas.map((s) => [s.$id, s]));
  const router = Router();
  router.get(
    '/api/schemas',
    respondsWith(schemaListSchema, {
      tag: 'API contract',
      summary: 'List the published JSON Schemas',
      description: 'Request bodies, and the overview, profile and aggregates answers.',
    }),
    (_req, res) => {
      res.json({ schemas: [...published.keys()].map((name) => ({ name, url: `/api/schemas/${name}` })) });
    },
  );
  router.get(
    '/api/schemas/:name',
    respondsWith(anyObject, {
      tag: 'API contract',
      summary: 'Read a published JSON Schema',
      description: 'By name, as GET /api/schemas lists them.',
    }),
    (req, res) => {
      const schema = published.get(String(req.params.name));
      if (!schema) throw new AppError('notFound', `No schema ${req.params.name}`);
      res.json(schema);
    },
  );
  return router;
}
