// The audit entries about one person, for the export and the erasure of their personal data:
// those naming their pseudonym, and those of the links and accounts they acted through. Each
// comes from its own sequence (record-audit.ts), read whole by _id: one person's entries only.
import { latestInSequence, readSequence } from '../db/append-sequence';
import { eraseClientAddresses } from '../privacy/client-addresses';
import { AuditEntry, AuditRef } from './audit-entry.model';
import type { SealedAuditEntry } from './audit-hash';
import { withClientAddresses } from './list-audit';
import { actorStreamKey, auditChainKey, personStreamKey } from './record-audit';

export interface PersonAuditKeys {
  /** Pseudonyms the entries may name. */
  people?: readonly string[];
  /** Actors the person acted as: links (their ids) and accounts. */
  actors?: ReadonlyArray<{ kind: 'link' | 'account'; id: string }>;
}

async function entriesOfStream(key: string): Promise<SealedAuditEntry[]> {
  const newest = await latestInSequence(AuditRef, key);
  const numbers = Array.from({ length: newest }, (_, i) => i + 1);
  const refs = await readSequence<{ seq: number }>(AuditRef, key, numbers);
  const seqs = refs.flatMap((r) => (r ? [r.seq] : []));
  const entries = await readSequence<SealedAuditEntry>(AuditEntry, auditChainKey, seqs);
  return entries.filter((e): e is SealedAuditEntry => e !== null);
}

async function entriesAbout(keys: PersonAuditKeys): Promise<SealedAuditEntry[]> {
  const streams = [...(keys.people ?? []).map(personStreamKey), ...(keys.actors ?? []).map((a) => actorStreamKey(a))];
  const bySeq = new Map<number, SealedAuditEntry>();
  for (const key of new Set(streams)) for (const e of await entriesOfStream(key)) bySeq.set(e.seq, e);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** The entries about the person, oldest first, with their client addresses while they exist. */
export async function auditEntriesAbout(keys: PersonAuditKeys): Promise<Array<Omit<SealedAuditEntry, 'prevHash'>>> {
  const entries = await withClientAddresses(await entriesAbout(keys));
  return entries.map(({ prevHash: _prev, ...e }) => ({ ...e, _id: undefined }));
}

/**
 * Erases the client addresses of the entries about the person (the entries stay, sealed as they
 * were: they hold only references). Entries written before addresses were kept apart hold theirs
 * inline, in what is hashed: those cannot be erased without breaking the chain, and are counted.
 */
export async function eraseAuditClientAddresses(keys: PersonAuditKeys): Promise<{ erased: number; inline: number }> {
  const entries = await entriesAbout(keys);
  const erased = await eraseClientAddresses(entries.flatMap((e) => (e.clientAddress ? [e.clientAddress] : [])));
  return { erased, inline: entries.filter((e) => e.ip).length };
}
