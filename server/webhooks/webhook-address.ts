// Where a webhook may point: HTTPS only, and never at this machine or its private network
// (loopback, private, link-local, carrier-grade NAT, multicast, reserved addresses) unless the
// configuration allows it — otherwise anyone who may register a webhook could make the service
// call its own internal endpoints (server-side request forgery). Checked when the URL is
// registered, and again on the address each delivery actually connects to (a name may resolve
// elsewhere later: DNS rebinding).
import { lookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';

const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3], // multicast, reserved and broadcast: 224.0.0.0 and above
] as const)
  blocked.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 127], // unspecified and loopback
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const)
  blocked.addSubnet(net, prefix, 'ipv6');

/** Whether the address is on this machine or a private network (IPv4-mapped IPv6 included). */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return blocked.check(mapped[1], 'ipv4');
  const version = isIP(address);
  if (!version) return true; // not an address at all: refuse rather than guess
  return blocked.check(address, version === 4 ? 'ipv4' : 'ipv6');
}

/** Why the URL cannot be a webhook's, or null when it can. */
export async function webhookUrlProblem(url: string, allowPrivate: boolean): Promise<string | null> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'is not a URL';
  }
  if (parsed.protocol !== 'https:') return 'must be an https:// URL';
  if (parsed.username || parsed.password) return 'must not carry a user name or password';
  if (allowPrivate) return null;
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  let addresses: LookupAddress[];
  try {
    addresses = await new Promise((resolve, reject) =>
      lookup(host, { all: true }, (err, found) => (err ? reject(err) : resolve(found))),
    );
  } catch {
    return `its host ${host} does not resolve`;
  }
  if (addresses.some((a) => isPrivateAddress(a.address)))
    return `its host ${host} is a loopback, private or link-local address, which webhooks may not call`;
  return null;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http(s).request that refuses private addresses at connection time, so that a
 * name resolving to a public address when registered cannot be pointed inside later.
 */
export function publicOnlyLookup(hostname: string, options: object, callback: LookupCallback): void {
  lookup(hostname, { ...options, all: true }, (err, found) => {
    if (err) return callback(err, []);
    const refused = found.find((a) => isPrivateAddress(a.address));
    if (refused) {
      const denied = Object.assign(new Error(`${hostname} resolves to a private address (${refused.address})`), {
        code: 'EPRIVATEADDRESS',
      });
      return callback(denied, []);
    }
    if ((options as { all?: boolean }).all) return callback(null, found);
    callback(null, found[0].address, found[0].family);
  });
}
