import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Compares two secrets (CSRF tokens) in constant time. Both sides are hashed first so that
 * neither their contents nor a difference in length shows in the time taken.
 */
export function safeEqual(expected: string, given: string): boolean {
  const a = createHash('sha256').update(expected, 'utf8').digest();
  const b = createHash('sha256').update(given, 'utf8').digest();
  return timingSafeEqual(a, b) && expected.length > 0;
}
