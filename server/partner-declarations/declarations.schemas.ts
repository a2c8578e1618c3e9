// Request bodies of partner self-declaration (published at /api/schemas). The partner's drafts
// and submissions use the respondent's `response-write` schema: the same protocol.
import { supportedLocales } from '../i18n/locales';

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
