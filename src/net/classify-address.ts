/**
 * What kind of network an IP address belongs to. Only `public` may be fetched unless private
 * addresses are allowed: everything else reaches this machine, the local network, the cloud
 * metadata service (169.254.169.254) or nothing routable.
 */
export type AddressClass =
  | 'public'
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'link_local'
  | 'shared'
  | 'unique_local'
  | 'multicast'
  | 'reserved'
  | 'invalid';

interface V4Range {
  base: number;
  bits: number;
  kind: AddressClass;
}

// RFC 6890 special-purpose registry (IPv4), the blocks a server-side fetch must not reach.
const V4_RANGES: readonly V4Range[] = [
  { base: v4(0, 0, 0, 0), bits: 8, kind: 'unspecified' },
  { base: v4(10, 0, 0, 0), bits: 8, kind: 'private' },
  { base: v4(100, 64, 0, 0), bits: 10, kind: 'shared' },
  { base: v4(127, 0, 0, 0), bits: 8, kind: 'loopback' },
  { base: v4(169, 254, 0, 0), bits: 16, kind: 'link_local' },
  { base: v4(172, 16, 0, 0), bits: 12, kind: 'private' },
  { base: v4(192, 0, 0, 0), bits: 24, kind: 'reserved' },
  { base: v4(192, 0, 2, 0), bits: 24, kind: 'reserved' },
  { base: v4(192, 88, 99, 0), bits: 24, kind: 'reserved' },
  { base: v4(192, 168, 0, 0), bits: 16, kind: 'private' },
  { base: v4(198, 18, 0, 0), bits: 15, kind: 'reserved' },
  { base: v4(198, 51, 100, 0), bits: 24, kind: 'reserved' },
  { base: v4(203, 0, 113, 0), bits: 24, kind: 'reserved' },
  { base: v4(224, 0, 0, 0), bits: 4, kind: 'multicast' },
  { base: v4(240, 0, 0, 0), bits: 4, kind: 'reserved' },
];

/**
 * Classifies an IPv4 or IPv6 address (an optional `%zone` is ignored). IPv6 forms that carry an
 * IPv4 address (mapped `::ffff:a.b.c.d`, compatible `::a.b.c.d`, NAT64 `64:ff9b::/96`, 6to4
 * `2002::/16`) are classified by that IPv4 address, so `::ffff:127.0.0.1` is loopback.
 * Never throws: anything that is not an address is `invalid`.
 */
export function classifyAddress(address: string): AddressClass {
  const bare = address.split('%')[0] ?? '';
  if (bare.includes(':')) {
    const groups = parseIpv6(bare);
    return groups ? classifyV6(groups) : 'invalid';
  }
  const n = parseIpv4(bare);
  return n === null ? 'invalid' : classifyV4(n);
}

/** True when the address is an IP literal (not a host name). */
export function isIpLiteral(host: string): boolean {
  return classifyAddress(host) !== 'invalid';
}

function classifyV4(n: number): AddressClass {
  for (const r of V4_RANGES) if (inV4(n, r.base, r.bits)) return r.kind;
  return 'public';
}

function classifyV6(g: readonly number[]): AddressClass {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = g;
  const low32 = g6 * 65536 + g7;
  const upperZero = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0;
  if (upperZero && g5 === 0) {
    if (g6 === 0 && g7 === 0) return 'unspecified';
    if (g6 === 0 && g7 === 1) return 'loopback';
    // ::a.b.c.d (deprecated IPv4-compatible): judged by its IPv4 address.
    return classifyV4(low32);
  }
  if (upperZero && g5 === 0xffff) return classifyV4(low32);
  // ::ffff:0:a.b.c.d (SIIT, RFC 2765) reaches the same IPv4 host.
  if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0xffff && g5 === 0)
    return classifyV4(low32);
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0)
    return classifyV4(low32);
  if (g0 === 0x2002) return classifyV4(g1 * 65536 + g2);
  if ((g0 & 0xff00) === 0xff00) return 'multicast';
  if ((g0 & 0xfe00) === 0xfc00) return 'unique_local';
  if ((g0 & 0xffc0) === 0xfe80) return 'link_local';
  // fec0::/10 site-local (deprecated) still means "this site".
  if ((g0 & 0xffc0) === 0xfec0) return 'private';
  // 2001:db8::/32 documentation, 2001::/23 IETF protocol assignments (Teredo, ORCHID…),
  // 100::/64 discard-only.
  if (g0 === 0x2001 && g1 === 0x0db8) return 'reserved';
  if (g0 === 0x2001 && g1 < 0x0200) return 'reserved';
  if (g0 === 0x0100 && g1 === 0 && g2 === 0 && g3 === 0) return 'reserved';
  // Only 2000::/3 is allocated as global unicast.
  if ((g0 & 0xe000) !== 0x2000) return 'reserved';
  return 'public';
}

/** Strict dotted-quad IPv4 (what DNS answers and the URL parser produce), as an unsigned number. */
function parseIpv4(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return null;
    const octet = Number(p);
    if (octet > 255) return null;
    n = n * 256 + octet;
  }
  return n;
}

/** Eight 16-bit groups, or null. Accepts `::` compression and a trailing dotted IPv4. */
function parseIpv6(text: string): number[] | null {
  let s = text;
  if (s.startsWith('[') && s.endsWith(']')) s = s.slice(1, -1);
  let tail: number[] = [];
  const lastColon = s.lastIndexOf(':');
  if (s.slice(lastColon + 1).includes('.')) {
    const v4n = parseIpv4(s.slice(lastColon + 1));
    if (v4n === null) return null;
    tail = [Math.floor(v4n / 65536), v4n % 65536];
    s = s.slice(0, lastColon + 1);
    // "::1.2.3.4" leaves "::"; "a:b::c:1.2.3.4" leaves "a:b::c:" — drop the separator colon.
    if (s.endsWith(':') && !s.endsWith('::')) s = s.slice(0, -1);
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const parse = (part: string): number[] | null => {
    if (part === '') return [];
    const out: number[] = [];
    for (const h of part.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(h)) return null;
      out.push(Number.parseInt(h, 16));
    }
    return out;
  };
  const head = parse(halves[0] ?? '');
  if (!head) return null;
  if (halves.length === 1) {
    const all = [...head, ...tail];
    return all.length === 8 ? all : null;
  }
  const rest = parse(halves[1] ?? '');
  if (!rest) return null;
  const known = head.length + rest.length + tail.length;
  if (known > 7) return null;
  return [...head, ...new Array<number>(8 - known).fill(0), ...rest, ...tail];
}

function v4(a: number, b: number, c: number, d: number): number {
  return ((a * 256 + b) * 256 + c) * 256 + d;
}

function inV4(n: number, base: number, bits: number): boolean {
  const size = 2 ** (32 - bits);
  return Math.floor(n / size) === Math.floor(base / size);
}
