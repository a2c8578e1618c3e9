// Where a webhook may point: https only, and no loopback, private, link-local or other internal
// address (IPv4, IPv6 and IPv4-mapped IPv6) unless private addresses are allowed.
import { isPrivateAddress, webhookUrlProblem } from '../../server/webhooks/webhook-address';

describe('When a webhook address is checked', () => {
  it('then loopback, private, link-local, carrier-grade NAT, multicast and unspecified addresses are private', () => {
    for (const address of [
      '127.0.0.1',
      '10.20.30.40',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '255.255.255.255',
      '::1',
      '::',
      'fd00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
      'not-an-address',
    ])
      expect({ address, private: isPrivateAddress(address) }).toEqual({ address, private: true });
    for (const address of ['8.8.8.8', '172.32.0.1', '192.0.2.1', '2001:4860:4860::8888', '::ffff:8.8.8.8'])
      expect({ address, private: isPrivateAddress(address) }).toEqual({ address, private: false });
  });

  it('then only https URLs without credentials pass, and private hosts only when allowed', async () => {
    expect(await webhookUrlProblem('http://receiver.example/hook', true)).toBe('must be an https:// URL');
    expect(await webhookUrlProblem('https://user:pw@receiver.example/hook', true)).toMatch(/user name or password/);
    expect(await webhookUrlProblem('not a url', true)).toBe('is not a URL');
    expect(await webhookUrlProblem('https://localhost:8443/hook', false)).toMatch(/loopback, private or link-local/);
    expect(await webhookUrlProblem('https://[fe80::1]/hook', false)).toMatch(/loopback, private or link-local/);
    expect(await webhookUrlProblem('https://localhost:8443/hook', true)).toBeNull();
    expect(await webhookUrlProblem('https://8.8.8.8/hook', false)).toBeNull();
  });
});
