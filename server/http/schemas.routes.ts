// Publishes the JSON Schemas that request bodies are validated against, and those of the
// main organizer responses:
//   GET /api/schemas            their names
//   GET /api/schemas/:name      one schema
// (Each form's answer schema is at /api/forms/:formId/answer-schema.)
import { Router } from 'express';
import { newAccountSchema, signInSchema } from '../auth/auth.schemas';
import { responseWriteSchema } from '../respondent/respondent.routes';
import { responseSubmissionSchema } from '../responses/response.schemas';
import { aggregatesResponseSchema, countryProfileResponseSchema, overviewResponseSchema, scoringSettingsSchema } from '../scoring/scoring.schemas';
import { groupMembershipSchema } from '../reference/reference.schemas';
import { AppError } from './problem';
import { invitationsRequestSchema, linkAgainSchema } from '../focal-points/focal-points.schemas';
import { roundCreateSchema } from '../rounds/round.schemas';
import { partnerInputSchema } from '../partners/partner.schemas';
import { matchingPinsSchema, matchingSettingsSchema } from '../matching-runs/matching-runs.schemas';

/** Schemas of request bodies: what the service validates its input against. */
export const requestSchemas: readonly { $id: string }[] = [signInSchema, newAccountSchema, responseSubmissionSchema, responseWriteSchema, groupMembershipSchema, scoringSettingsSchema, roundCreateSchema, invitationsRequestSchema, linkAgainSchema, partnerInputSchema, matchingSettingsSchema, matchingPinsSchema];
/** Schemas of the main organizer responses. */
export const responseSchemas: readonly { $id: string }[] = [overviewResponseSchema, countryProfileResponseSchema, aggregatesResponseSchema];

// A Map, not an object: a name like __proto__ or toString must find nothing.
const published = new Map<string, object>([...requestSchemas, ...responseSchemas].map((s) => [s.$id, s]));

export function schemasRoutes(): Router {
  const router = Router();
  router.get('/api/schemas', (_req, res) => {
    res.json({ schemas: [...published.keys()].map((name) => ({ name, url: `/api/schemas/${name}` })) });
  });
  router.get('/api/schemas/:name', (req, res) => {
    const schema = published.get(req.params.name);
    if (!schema) throw new AppError('notFound', `No schema ${req.params.name}`);
    res.json(schema);
  });
  return router;
}
