// The query of GET /api/audit. Every parameter is a single string (a repeated one is an array
// and fails), and no other parameter is accepted: filters cannot carry operators.
import { anyObject, arrayOf, dateTime, integer, nullable, object, oneOf, string } from '../http/answer-schemas';
import { auditActions } from './audit-actions';

export const auditQuerySchema = {
  type: 'object',
  additionalProperties: false,
  maxProperties: 8,
  properties: {
    round: { type: 'string', pattern: '^[0-9a-f]{24}$' },
    actorKind: { type: 'string', enum: ['account', 'link', 'system', 'anonymous'] },
    actor: { type: 'string', pattern: '^[A-Za-z0-9._@-]{1,64}$' },
    action: { type: 'string', enum: [...auditActions] },
    from: { type: 'string', format: 'date-time', maxLength: 40 },
    to: { type: 'string', format: 'date-time', maxLength: 40 },
    before: { type: 'string', pattern: '^[1-9][0-9]{0,14}$' },
    limit: { type: 'string', pattern: '^(?:[1-9]|[1-9][0-9]|1[0-9][0-9]|200)$' },
  },
  dependencies: { actor: ['actorKind'], actorKind: ['actor'] },
} as const;

export interface AuditQuery {
  round?: string;
  actorKind?: 'account' | 'link' | 'system' | 'anonymous';
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
  before?: string;
  limit?: string;
}

// Response schema (checked against every answer in the tests).
const party = object({ kind: string, id: string }, { label: string });

export const auditPageSchema = object({
  entries: arrayOf(
    object(
      { seq: integer, at: dateTime, actor: party, action: oneOf(auditActions), prevHash: string, hash: string },
      { target: party, roundId: string, requestId: string, ip: string, details: anyObject },
    ),
  ),
  next: nullable(object({ before: integer })),
  scanned: integer,
});
