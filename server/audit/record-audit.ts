// Recording an action in the audit log (the use case every feature calls). The entry is appended
// to the hash chain under the next sequence number — the insert is the claim, so concurrent
// recorders on several instances each get their own number and link to the entry before
// theirs — and then to the round's and the actor's own sequences, for listing.
import { appendToSequence } from '../db/append-sequence';
import { AuditEntry, AuditRef } from './audit-entry.model';
import type { AuditAction } from './audit-actions';
import { genesisHash, sealEntry, type AuditParty, type SealedAuditEntry } from './audit-hash';
import { storeClientAddress } from '../privacy/client-addresses';

export const auditChainKey = 'audit';
export const roundStreamKey = (roundId: string) => `round:${roundId}`;
export const actorStreamKey = (actor: Pick<AuditParty, 'kind' | 'id'>) => `actor:${actor.kind}:${actor.id}`;
export const personStreamKey = (pseudonym: string) => `person:${pseudonym}`;

export interface AuditRecord {
  actor: AuditParty;
  action: AuditAction;
  target?: AuditParty;
  roundId?: string;
  /** The HTTP request's id and client address, where the action came through HTTP: the address
   *  as a reference (privacy/request-address.ts) or as itself (stored apart here). */
  requestId?: string;
  clientAddress?: string;
  ip?: string;
  /** Pseudonyms (privacy/pseudonym.ts) of the people the entry is about; never their addresses. */
  people?: string[];
  /** Plain JSON only (it is hashed after a round trip through the database). Never a secret. */
  details?: Record<string, unknown>;
  at?: Date;
}

/** Appends the action to the audit log and returns the sealed entry. */
export async function recordAudit(record: AuditRecord): Promise<SealedAuditEntry> {
  const details = record.details ? (JSON.parse(JSON.stringify(record.details)) as Record<string, unknown>) : undefined;
  const at = record.at ?? new Date();
  // Never inline: the address lives apart, where it expires or is erased (audit-hash.ts).
  const clientAddress =
    record.clientAddress ?? (record.ip ? await storeClientAddress({ ip: record.ip }, at) : undefined);
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
        ...(clientAddress ? { clientAddress } : {}),
        ...(record.people?.length ? { people: [...new Set(record.people)] } : {}),
        ...(details ? { details } : {}),
      },
      // A missing previous entry (deleted outside the service) is linked as missing: verify names it.
      seq === 1 ? genesisHash : (previous?.hash ?? 'missing'),
    ),
  );
  const streams = [
    actorStreamKey(record.actor),
    ...(record.roundId ? [roundStreamKey(record.roundId)] : []),
    ...[...new Set(record.people ?? [])].map(personStreamKey),
  ];
  await Promise.all(streams.map((key) => appendToSequence(AuditRef, key, () => ({ seq: n }))));
  return entry;
}
