// Recording an action in the audit log (the use case every feature calls). The entry is appended
// to the hash chain under the next sequence number — the insert is the claim, so concurrent
// recorders on several instances each get their own number and link to the entry before
// theirs — and then to the round's and the actor's own sequences, for listing.
import { appendToSequence } from '../db/append-sequence';
import { AuditEntry, AuditRef } from './audit-entry.model';
import type { AuditAction } from './audit-actions';
import { genesisHash, sealEntry, type AuditParty, type SealedAuditEntry } from './audit-hash';

export const auditChainKey = 'audit';
export const roundStreamKey = (roundId: string) => `round:${roundId}`;
export const actorStreamKey = (actor: AuditParty) => `actor:${actor.kind}:${actor.id}`;

export interface AuditRecord {
  actor: AuditParty;
  action: AuditAction;
  target?: AuditParty;
  roundId?: string;
  /** The HTTP request's id and client address, where the action came through HTTP. */
  requestId?: string;
  ip?: string;
  /** Plain JSON only (it is hashed after a round trip through the database). Never a secret. */
  details?: Record<string, unknown>;
  at?: Date;
}

/** Appends the action to the audit log and returns the sealed entry. */
export async function recordAudit(record: AuditRecord): Promise<SealedAuditEntry> {
  const details = record.details ? (JSON.parse(JSON.stringify(record.details)) as Record<string, unknown>) : undefined;
  const at = record.at ?? new Date();
  const { n, entry } = await appendToSequence<SealedAuditEntry>(AuditEntry, auditChainKey, (seq, previous) =>
    sealEntry(
      {
        seq,
        at,
        actor: record.actor,
        action: record.action,
        ...(record.target ? { target: record.target } : {}),
        ...(record.roundId ? { roundId: record.roundId } : {}),
        ...(record.requestId ? { requestId: record.requestId } : {}),
        ...(record.ip ? { ip: record.ip } : {}),
        ...(details ? { details } : {}),
      },
      // A missing previous entry (deleted outside the service) is linked as missing: verify names it.
      seq === 1 ? genesisHash : (previous?.hash ?? 'missing'),
    ),
  );
  const streams = [actorStreamKey(record.actor), ...(record.roundId ? [roundStreamKey(record.roundId)] : [])];
  await Promise.all(streams.map((key) => appendToSequence(AuditRef, key, () => ({ seq: n }))));
  return entry;
}
