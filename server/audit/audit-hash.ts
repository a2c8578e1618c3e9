// How an audit entry is sealed: SHA-256 over the previous entry's hash and the entry's own
// content in canonical JSON (keys sorted, dates as ISO strings), so editing any field of any
// entry, or removing or reordering entries, breaks the chain from that entry on. Pure.
// Personal data is kept out of what is hashed, so that it can be erased or expire without
// breaking the chain: an entry names people by pseudonym (`people`, privacy/pseudonym.ts) and
// keeps its client address as a reference (`clientAddress`, privacy/client-addresses.ts) to a
// document that expires or is erased on its own. Entries written before that kept `ip` inline;
// theirs is hashed as it was, and stays. Fields absent from an entry are left out of the hash,
// so adding fields never changes the hash of an older entry.
import { createHash } from 'node:crypto';
import stringify from 'safe-stable-stringify';

export interface AuditParty {
  kind: string;
  id: string;
  label?: string;
}

/** What an entry says, before it is sealed. */
export interface AuditContent {
  seq: number;
  at: Date;
  actor: AuditParty;
  action: string;
  target?: AuditParty;
  roundId?: string;
  requestId?: string;
  /** Inline client address: entries written before addresses were kept apart. */
  ip?: string;
  /** Reference of the request's client address (privacy/client-addresses.ts). */
  clientAddress?: string;
  /** Pseudonyms of the people the entry is about. */
  people?: string[];
  details?: Record<string, unknown>;
}

export interface SealedAuditEntry extends AuditContent {
  prevHash: string;
  hash: string;
}

/** The hash the first entry links to. */
export const genesisHash = '0'.repeat(64);

/** The fields that are hashed, in a form that survives a round trip through the database. */
export function canonicalContent(entry: AuditContent): string {
  const { seq, at, actor, action, target, roundId, requestId, ip, clientAddress, people, details } = entry;
  const party = (p?: AuditParty) =>
    p ? { kind: p.kind, id: p.id, ...(p.label !== undefined ? { label: p.label } : {}) } : undefined;
  return stringify({
    seq,
    at: new Date(at).toISOString(),
    actor: party(actor),
    action,
    target: party(target),
    roundId,
    requestId,
    ip,
    clientAddress,
    people: people?.length ? people : undefined,
    details: details ?? {},
  }) as string;
}

export function entryHash(prevHash: string, entry: AuditContent): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalContent(entry)).digest('hex');
}

export function sealEntry(entry: AuditContent, prevHash: string): SealedAuditEntry {
  return { ...entry, prevHash, hash: entryHash(prevHash, entry) };
}
