import type { Context } from 'hono';

/**
 * The address of the client, for the audit log and rate limiting: the socket's remote address.
 * Forwarded headers are not trusted (anyone can send them); in-process requests (tests,
 * `app.request`) have no socket and count as `local`.
 */
export function clientAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  const address = env?.incoming?.socket?.remoteAddress;
  if (!address) return 'local';
  // IPv4 clients of a dual-stack server appear as IPv4-mapped IPv6 addresses.
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}
