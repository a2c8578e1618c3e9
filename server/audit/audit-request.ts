// Recording an action that came through HTTP: who (the signed-in organizer, the country link a
// respondent used, or anonymous), the request's id and client address (kept apart, by
// reference: privacy/request-address.ts) come from the request;
// the route says what was done to what. Called after the action succeeded, and awaited, so an
// answer never claims an action the log does not show.
import type { Request } from 'express';
import type { AuditAction } from './audit-actions';
import type { AuditParty } from './audit-hash';
import { requestClientAddress } from '../privacy/request-address';
import { recordAudit, type AuditRecord } from './record-audit';

/** The actor of a request made through a country link (the link's id is its token's hash, never the token). */
export const linkActor = (linkId: string, label?: string): AuditParty => ({
  kind: 'link',
  id: linkId,
  ...(label ? { label } : {}),
});

export function requestActor(req: Request): AuditParty {
  const account = req.session?.account;
  return account ? { kind: 'account', id: account.id, label: account.email } : { kind: 'anonymous', id: 'anonymous' };
}

export async function auditRequest(
  req: Request,
  action: AuditAction,
  what: Omit<AuditRecord, 'action' | 'actor' | 'requestId' | 'ip' | 'clientAddress'> & { actor?: AuditParty } = {},
): Promise<void> {
  const clientAddress = await requestClientAddress(req);
  await recordAudit({
    ...what,
    actor: what.actor ?? requestActor(req),
    action,
    ...(typeof req.id === 'string' ? { requestId: req.id } : {}),
    ...(clientAddress ? { clientAddress } : {}),
  });
}
