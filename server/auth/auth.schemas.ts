// Request schemas of the organizer account endpoints (published under /api/schemas), and the schemas of their answers.
import { arrayOf, boolean, dateTime, object, oneOf, string } from '../http/answer-schemas';
import { roles } from './roles';

export const signInSchema = {
  $id: 'sign-in',
  type: 'object',
  additionalProperties: false,
  required: ['email', 'password'],
  properties: {
    email: { type: 'string', format: 'email', maxLength: 254 },
    password: { type: 'string', minLength: 1, maxLength: 200 },
  },
} as const;

export const newAccountSchema = {
  $id: 'new-account',
  type: 'object',
  additionalProperties: false,
  required: ['email', 'name', 'role', 'password'],
  properties: {
    email: { type: 'string', format: 'email', maxLength: 254 },
    name: { type: 'string', minLength: 1, maxLength: 200 },
    role: { type: 'string', enum: [...roles] },
    password: { type: 'string', minLength: 12, maxLength: 200 },
  },
} as const;

export const passwordChangeSchema = {
  $id: 'password-change',
  type: 'object',
  additionalProperties: false,
  required: ['current', 'new'],
  properties: {
    current: { type: 'string', minLength: 1, maxLength: 200 },
    new: { type: 'string', minLength: 12, maxLength: 200 },
  },
} as const;

/** What an admin may change on an account: its role, and whether it may sign in. */
export const accountUpdateSchema = {
  $id: 'account-update',
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    role: { type: 'string', enum: [...roles] },
    disabled: { type: 'boolean' },
  },
} as const;

// Response schemas (checked against every answer in the tests).
const accountView = object({ id: string, email: string, name: string, role: oneOf(roles) }, { disabled: boolean });

export const signedInAnswerSchema = object({ account: accountView, csrfToken: string, expiresAt: dateTime });
export const sessionAnswerSchema = object({ account: accountView, csrfToken: string });
export const accountsAnswerSchema = object({ accounts: arrayOf(accountView) });
export const accountAnswerSchema = object({ account: accountView });
