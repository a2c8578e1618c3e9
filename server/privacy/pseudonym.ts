// The stable pseudonym of a person: "person-" and 16 hex digits of an HMAC-SHA256 of their email
// address (trimmed, lower-cased), under a random key made once per database. The same address
// always gives the same pseudonym, so records that keep a person as a pseudonym still tell one
// person from another after the address itself is erased, and the audit log can name people
// without holding their addresses. Whoever holds the key and guesses an address can check it:
// that is pseudonymous, not anonymous (README, "Data protection").
import { createHmac, randomBytes } from 'node:crypto';
import { isDuplicateKey } from '../db/claim-number';
import { PrivacyState } from './privacy-state.model';

const keyId = 'pseudonym-key';
let cached: { db: unknown; key: Buffer } | undefined;

async function pseudonymKey(): Promise<Buffer> {
  const db = PrivacyState.db.db;
  if (cached && cached.db === db) return cached.key;
  let stored = await PrivacyState.findById(keyId).lean();
  if (!stored) {
    try {
      await PrivacyState.create({ _id: keyId, value: randomBytes(32).toString('hex') });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err; // another instance made it first: use theirs
    }
    stored = await PrivacyState.findById(keyId).lean();
  }
  cached = { db, key: Buffer.from(stored!.value, 'hex') };
  return cached.key;
}

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export async function pseudonymOf(email: string): Promise<string> {
  const hmac = createHmac('sha256', await pseudonymKey()).update(normalizeEmail(email));
  return `person-${hmac.digest('hex').slice(0, 16)}`;
}
