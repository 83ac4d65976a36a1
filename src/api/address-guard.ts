/**
 * The SSRF guard for POST /api/documents {url}: the server fetches what a client names, so a
 * client must not be able to make it read the machine's own services (loopback), the local network
 * (private ranges) or cloud metadata (link-local 169.254.169.254). The host is resolved and every
 * address it resolves to is checked; one private address refuses the URL.
 *
 * Known gap: redirects are followed inside src/ingest/fetch.ts, which this guard does not see, and
 * the fetch resolves the name again (DNS rebinding). Closing both needs the check at connect time
 * in the fetcher (an undici Agent whose `connect.lookup` applies `isPrivateAddress`).
 */
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

const blocked = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  blocked.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) {
  blocked.addSubnet(network, prefix, 'ipv6');
}

/** True for loopback, private, link-local, multicast and other addresses that are not the public internet. */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  // An IPv4 address written as IPv6 (::ffff:127.0.0.1) is checked as IPv4.
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(bare)?.[1];
  if (mapped !== undefined) return blocked.check(mapped, 'ipv4');
  const family = isIP(bare);
  if (family === 4) return blocked.check(bare, 'ipv4');
  if (family === 6) {
    // ::ffff:7f00:1 is the hex spelling of ::ffff:127.0.0.1.
    const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(bare);
    if (hex !== null) {
      const high = Number.parseInt(hex[1] ?? '0', 16);
      const low = Number.parseInt(hex[2] ?? '0', 16);
      return blocked.check(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`, 'ipv4');
    }
    return blocked.check(bare, 'ipv6');
  }
  // Not an address at all: refuse rather than guess.
  return true;
}

/** Resolves host names; injectable for tests. */
export type Resolve = (host: string) => Promise<readonly string[]>;

const systemResolve: Resolve = async (host) => (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);

/**
 * Null when the URL's host is on the public internet, else why not. A host that does not resolve
 * passes: the fetch then fails with its own message.
 */
export async function privateUrlReason(url: string, resolve: Resolve = systemResolve): Promise<string | null> {
  let host: string;
  try {
    host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return `"${url}" is not a URL`;
  }
  if (host === "") return `"${url}" names no host`;
  if (isIP(host) !== 0) return isPrivateAddress(host) ? `${host} is a loopback, private or link-local address` : null;
  if (/^localhost\.?$/i.test(host) || /\.localhost\.?$/i.test(host)) return `${host} is this machine`;
  let addresses: readonly string[];
  try {
    addresses = await resolve(host);
  } catch {
    return null;
  }
  const inside = addresses.filter(isPrivateAddress);
  return inside.length === 0 ? null : `${host} resolves to ${inside.join(', ')}, a loopback, private or link-local address`;
}
