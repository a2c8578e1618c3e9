// Reading the audit log, newest first, a page at a time. The log only grows, so nothing here may
// read it whole: a listing walks one sequence backwards by _id — the round's or the actor's own
// sequence when the filter names one, the whole chain otherwise — resolving and filtering at
// most `scanLimit` entries per page, and answers with a cursor to continue from. A time window's
// upper end is found by bisecting the sequence (entries are appended in time order), so paging
// into the past costs a logarithmic number of lookups, not a scan.
import { latestInSequence, readSequence } from '../db/append-sequence';
import { AuditEntry, AuditRef } from './audit-entry.model';
import type { SealedAuditEntry } from './audit-hash';
import { actorStreamKey, auditChainKey, roundStreamKey } from './record-audit';
import { readClientAddresses } from '../privacy/client-addresses';

export interface AuditFilter {
  roundId?: string;
  actor?: { kind: string; id: string };
  action?: string;
  from?: Date;
  to?: Date;
}

export interface AuditPage {
  entries: SealedAuditEntry[];
  /** Pass as `before` to read the next (older) page; null when the log has no older entries. */
  before: number | null;
  /** How many entries this page examined (at most scanLimit). */
  scanned: number;
}

type Stream = { key: string; model: typeof AuditEntry | typeof AuditRef };

function chooseStream(filter: AuditFilter): Stream {
  if (filter.roundId) return { key: roundStreamKey(filter.roundId), model: AuditRef };
  if (filter.actor) return { key: actorStreamKey(filter.actor), model: AuditRef };
  return { key: auditChainKey, model: AuditEntry };
}

/** The entries at positions `from` down to `to` of a stream (refs resolved), newest first; null where missing. */
async function entriesAt(stream: Stream, from: number, to: number): Promise<Array<SealedAuditEntry | null>> {
  const positions: number[] = [];
  for (let n = from; n >= Math.max(1, to); n--) positions.push(n);
  if (stream.model === AuditEntry) return readSequence<SealedAuditEntry>(AuditEntry, auditChainKey, positions);
  const refs = await readSequence<{ seq: number }>(AuditRef, stream.key, positions);
  const entries = await readSequence<SealedAuditEntry>(
    AuditEntry,
    auditChainKey,
    refs.map((r) => r?.seq ?? 0),
  );
  return entries.map((e, i) => (refs[i] ? e : null));
}

async function timeAt(stream: Stream, n: number): Promise<number | null> {
  const [entry] = await entriesAt(stream, n, n);
  return entry ? new Date(entry.at).getTime() : null;
}

/** The newest position whose entry is not after `to` (bisection; 0 when none). */
async function lastNotAfter(stream: Stream, newest: number, to: Date): Promise<number> {
  let lo = 0; // known not after `to` (0 = before the first)
  let hi = newest + 1; // known after `to`
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    const t = await timeAt(stream, mid);
    if (t !== null && t <= to.getTime()) lo = mid;
    else hi = mid;
  }
  return lo;
}

function matches(entry: SealedAuditEntry, filter: AuditFilter): boolean {
  if (filter.roundId && entry.roundId !== filter.roundId) return false;
  if (filter.actor && (entry.actor.kind !== filter.actor.kind || entry.actor.id !== filter.actor.id)) return false;
  if (filter.action && entry.action !== filter.action) return false;
  const t = new Date(entry.at).getTime();
  if (filter.from && t < filter.from.getTime()) return false;
  if (filter.to && t > filter.to.getTime()) return false;
  return true;
}

export async function listAudit(
  filter: AuditFilter,
  page: { before?: number; limit?: number; scanLimit?: number } = {},
): Promise<AuditPage> {
  const limit = page.limit ?? 50;
  const scanLimit = page.scanLimit ?? 2000;
  const stream = chooseStream(filter);
  let position = await latestInSequence(stream.model, stream.key);
  if (page.before !== undefined) position = Math.min(position, page.before - 1);
  if (filter.to) position = Math.min(position, await lastNotAfter(stream, position, filter.to));

  const entries: SealedAuditEntry[] = [];
  let scanned = 0;
  while (position >= 1 && entries.length < limit && scanned < scanLimit) {
    const chunk = await entriesAt(stream, position, Math.max(1, position - Math.min(50, scanLimit - scanned) + 1));
    for (const entry of chunk) {
      scanned++;
      position--;
      if (!entry) continue;
      // Appended in time order: past the window's start, nothing older can match.
      if (filter.from && new Date(entry.at).getTime() < filter.from.getTime())
        return { entries: await withClientAddresses(entries.sort((x, y) => y.seq - x.seq)), before: null, scanned };
      if (matches(entry, filter)) entries.push(entry);
      if (entries.length >= limit) break;
    }
  }
  // A round's or actor's sequence takes entries in the order their appends finished, which under
  // concurrency can differ from the chain's numbers by a few places: a page reads newest first.
  entries.sort((x, y) => y.seq - x.seq);
  return { entries: await withClientAddresses(entries), before: position >= 1 ? position + 1 : null, scanned };
}

/**
 * Entries as shown: a kept-apart client address is shown as `ip` while it exists (expired or
 * erased, the entry shows none). The entries stay as sealed otherwise: the hash covers the reference.
 */
export async function withClientAddresses(entries: SealedAuditEntry[]): Promise<SealedAuditEntry[]> {
  const addresses = await readClientAddresses(entries.flatMap((e) => (e.clientAddress ? [e.clientAddress] : [])));
  return entries.map((e) => {
    const address = e.clientAddress ? addresses.get(e.clientAddress) : undefined;
    return address ? { ...e, ip: address.ip } : e;
  });
}
