// Request bodies of partner self-declaration (published at /api/schemas). The partner's drafts
// and submissions use the respondent's `response-write` schema: the same protocol.
import {
  anyObject,
  arrayOf,
  boolean,
  dateTime,
  nullable,
  object,
  oneOf,
  string,
  withMembers,
} from '../http/answer-schemas';
import { supportedLocales } from '../i18n/locales';
import { partnerViewSchema } from '../partners/partner.schemas';
import { responseStateSchema } from '../responses/response.schemas';
import { responseStatuses } from '../responses/response-status';

const text = (max: number) => ({ type: 'string', minLength: 1, maxLength: max, pattern: '\\S' }) as const;
const email = { type: 'string', format: 'email', maxLength: 254 } as const;

export const declarationLinkSchema = {
  $id: 'declaration-link',
  type: 'object',
  additionalProperties: false,
  properties: {
    /** One of the partner's contacts; the first when left out. */
    contactEmail: email,
  },
} as const;

export const organizationInviteSchema = {
  $id: 'organization-invite',
  type: 'object',
  additionalProperties: false,
  required: ['organization', 'name', 'email', 'language'],
  properties: {
    organization: text(200),
    name: text(200),
    email,
    language: { enum: [...supportedLocales] },
  },
} as const;

export const declarationApproveSchema = {
  $id: 'declaration-approve',
  type: 'object',
  additionalProperties: false,
  properties: {
    /** The revision the organizer read: refused (409) when the declaration moved on since. */
    revision: { type: 'integer', minimum: 1 },
  },
} as const;

export const declarationReturnSchema = {
  $id: 'declaration-return',
  type: 'object',
  additionalProperties: false,
  required: ['comment'],
  properties: {
    comment: text(4000),
    revision: { type: 'integer', minimum: 1 },
  },
} as const;

// Response schemas (checked against every answer in the tests).
const sentLink = object({ partnerId: string, linkId: string, sentTo: string, expiresAt: dateTime, emailId: string });
export const sentLinkAnswerSchema = object({ link: sentLink });

export const declarationsAnswerSchema = object({
  declarations: arrayOf(
    object({
      partnerId: string,
      name: string,
      inRegistry: boolean,
      status: oneOf(['new', ...responseStatuses]),
      updatedAt: dateTime,
    }),
  ),
});

/** One declaration: where it stands (a response state), the partner, the offer, history and links. */
const declarationDetail = withMembers(
  responseStateSchema,
  { partnerId: string, partner: nullable(partnerViewSchema), history: arrayOf(anyObject), links: arrayOf(anyObject) },
  { invitee: anyObject, offer: anyObject },
);

export const declarationAnswerSchema = object({ declaration: declarationDetail });
export const declarationStateAnswerSchema = object({ declaration: responseStateSchema });
export const declarationApprovedSchema = object({ declaration: responseStateSchema, partner: partnerViewSchema });
export const linkRevokedSchema = object({ revoked: { const: true } });

/** What the partner's link shows: the partner, the page's language, the declaration's state. */
export const declarationForLinkSchema = object({
  partner: object({ id: string, name: string }),
  language: oneOf(supportedLocales),
  response: responseStateSchema,
  scores: { type: 'null' },
});
