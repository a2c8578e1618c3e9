// Walking the audit chain from the first entry to the newest and naming the first entry that
// does not hold: missing (deleted), changed (its content no longer gives its hash), or unlinked
// (its prevHash is not the hash of the entry before it: one was replaced or reordered).
// Reads the whole log by _id in batches: an admin's check, never a hot path.
import { latestInSequence, readSequence, SequenceHead } from '../db/append-sequence';
import { AuditEntry } from './audit-entry.model';
import { entryHash, genesisHash, type SealedAuditEntry } from './audit-hash';
import { auditChainKey } from './record-audit';

export interface AuditBreak {
  seq: number;
  problem: 'missing' | 'changed' | 'unlinked';
  detail: string;
}

export interface AuditVerification {
  checked: number;
  newest: number;
  firstBreak: AuditBreak | null;
}

export async function verifyAuditChain(
  onProgress?: (checked: number, newest: number) => void,
): Promise<AuditVerification> {
  const head = await SequenceHead.findById(auditChainKey).lean();
  // The head pointer never leads the chain: an entry it counts that is gone was deleted.
  const newest = Math.max(await latestInSequence(AuditEntry, auditChainKey), head?.n ?? 0);
  let previousHash = genesisHash;
  const batch = 200;
  for (let first = 1; first <= newest; first += batch) {
    const numbers = Array.from({ length: Math.min(batch, newest - first + 1) }, (_, i) => first + i);
    const entries = await readSequence<SealedAuditEntry>(AuditEntry, auditChainKey, numbers);
    for (const [i, entry] of entries.entries()) {
      const seq = numbers[i];
      if (!entry)
        return {
          checked: seq - 1,
          newest,
          firstBreak: { seq, problem: 'missing', detail: `entry ${seq} is not in the log` },
        };
      if (entry.seq !== seq)
        return {
          checked: seq - 1,
          newest,
          firstBreak: { seq, problem: 'changed', detail: `entry ${seq} says it is number ${entry.seq}` },
        };
      if (entry.prevHash !== previousHash) {
        return {
          checked: seq - 1,
          newest,
          firstBreak: { seq, problem: 'unlinked', detail: `entry ${seq} does not link to entry ${seq - 1}` },
        };
      }
      if (entryHash(entry.prevHash, entry) !== entry.hash) {
        return {
          checked: seq - 1,
          newest,
          firstBreak: {
            seq,
            problem: 'changed',
            detail: `entry ${seq} (${entry.action}) was changed after it was written`,
          },
        };
      }
      previousHash = entry.hash;
    }
    onProgress?.(numbers[numbers.length - 1], newest);
  }
  return { checked: newest, newest, firstBreak: null };
}
