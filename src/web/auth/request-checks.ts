import type { Context } from 'hono';
import { safeEqual } from '../../auth/index.ts';

/** Name of the hidden field that carries the CSRF token in every staff form. */
export const CSRF_FIELD = 'csrf_token';

/**
 * Whether a state-changing request comes from our own pages: when the browser says where it
 * comes from (Origin, else Referer), that must be the site (config.siteUrl) or the origin the
 * request was addressed to. Absent both, the CSRF token alone decides.
 */
export function fromOwnSite(c: Context, siteUrl: string): boolean {
  const allowed = new Set([new URL(siteUrl).origin, new URL(c.req.url).origin]);
  const origin = c.req.header('origin');
  // Browsers send the literal "null" for opaque origins (sandboxed frames, data: URLs).
  if (origin !== undefined) return allowed.has(origin);
  const referer = c.req.header('referer');
  if (referer === undefined || referer === '') return true;
  try {
    return allowed.has(new URL(referer).origin);
  } catch {
    return false;
  }
}

/** The synchronizer-token check, in constant time. */
export function tokenMatches(expected: string, given: unknown): boolean {
  return typeof given === 'string' && given !== '' && safeEqual(expected, given);
}

/**
 * A path to return to after login: only a local path (not `//host`, not a scheme), so the
 * login form cannot be used to send people to another site.
 */
export function localPath(candidate: string | undefined, fallback = '/staff'): string {
  if (!candidate?.startsWith('/') || candidate.startsWith('//')) return fallback;
  if (candidate.includes('\\') || [...candidate].some((ch) => ch.charCodeAt(0) < 0x20))
    return fallback;
  return candidate;
}
