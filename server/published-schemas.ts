// The JSON Schemas the service publishes at /api/schemas: each feature exports its own, and the
// app assembles them here (http/ knows no feature).
import { noFieldsSchema } from './http/validate';
import { accountUpdateSchema, newAccountSchema, passwordChangeSchema, signInSchema } from './auth/auth.schemas';
import { invitationsRequestSchema, linkAgainSchema } from './focal-points/focal-points.schemas';
import { matchingPinsSchema, matchingSettingsSchema } from './matching-runs/matching-runs.schemas';
import { partnerInputSchema } from './partners/partner.schemas';
import {
  declarationApproveSchema,
  declarationLinkSchema,
  declarationReturnSchema,
  organizationInviteSchema,
} from './partner-declarations/declarations.schemas';
import {
  erasureReportSchema,
  personalDataErasureSchema,
  personalDataExportSchema,
} from './personal-data/personal-data.schemas';
import { groupMembershipSchema } from './reference/reference.schemas';
import { responseWriteSchema } from './respondent/respondent.routes';
import { responseSubmissionSchema } from './responses/response.schemas';
import { responseReturnSchema } from './responses/review.schemas';
import { roundCreateSchema, roundUpdateSchema } from './rounds/round.schemas';
import {
  aggregatesResponseSchema,
  countryProfileResponseSchema,
  overviewResponseSchema,
  scoringSettingsSchema,
} from './scoring/scoring.schemas';
import { webhookResponseSchema, webhookSecretResponseSchema, webhookSetSchema } from './webhooks/webhooks.schemas';

/** Schemas of request bodies: what the service validates its input against. */
export const requestSchemas: readonly { $id: string }[] = [
  noFieldsSchema,
  signInSchema,
  newAccountSchema,
  passwordChangeSchema,
  accountUpdateSchema,
  responseSubmissionSchema,
  responseWriteSchema,
  groupMembershipSchema,
  scoringSettingsSchema,
  roundCreateSchema,
  roundUpdateSchema,
  invitationsRequestSchema,
  linkAgainSchema,
  partnerInputSchema,
  declarationLinkSchema,
  organizationInviteSchema,
  declarationApproveSchema,
  declarationReturnSchema,
  matchingSettingsSchema,
  matchingPinsSchema,
  responseReturnSchema,
  webhookSetSchema,
  personalDataErasureSchema,
];

/** Schemas of the main organizer responses. */
export const responseSchemas: readonly { $id: string }[] = [
  overviewResponseSchema,
  countryProfileResponseSchema,
  aggregatesResponseSchema,
  webhookSecretResponseSchema,
  webhookResponseSchema,
  personalDataExportSchema,
  erasureReportSchema,
];
