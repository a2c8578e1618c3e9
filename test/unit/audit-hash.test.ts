// The audit chain's hash: fields added for personal data (a client address kept apart, the
// pseudonyms of people) are hashed when present and left out when absent, so entries written
// before them keep their hash; the reference, not the address, is what is sealed.
import { createHash } from 'node:crypto';
import { entryHash, genesisHash, type AuditContent } from '../../server/audit/audit-hash';

const entry: AuditContent = {
  seq: 1,
  at: new Date('2026-01-02T03:04:05.000Z'),
  actor: { kind: 'link', id: 'abc' },
  action: 'response.submit',
  roundId: 'r1',
  ip: '203.0.113.5',
  details: { revision: 2 },
};

describe('the audit hash', () => {
  test('When an entry has no client address reference or people, then it hashes as entries always did', () => {
    const canonical =
      '{"action":"response.submit","actor":{"id":"abc","kind":"link"},"at":"2026-01-02T03:04:05.000Z","details":{"revision":2},"ip":"203.0.113.5","roundId":"r1","seq":1}';
    const before = createHash('sha256').update(genesisHash).update('\n').update(canonical).digest('hex');
    expect(entryHash(genesisHash, entry)).toBe(before);
    expect(entryHash(genesisHash, { ...entry, people: [] })).toBe(before);
  });

  test('When an entry names people or references its address, then changing either changes its hash', () => {
    const { ip: _ip, ...withoutIp } = entry;
    const sealed = { ...withoutIp, clientAddress: 'client-address:2026-01-02:1', people: ['person-0123456789abcdef'] };
    const hash = entryHash(genesisHash, sealed);
    expect(entryHash(genesisHash, { ...sealed, clientAddress: 'client-address:2026-01-02:2' })).not.toBe(hash);
    expect(entryHash(genesisHash, { ...sealed, people: ['person-fedcba9876543210'] })).not.toBe(hash);
  });
});
