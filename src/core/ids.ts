import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** A new CKAN-style id (UUID v4). */
export function newId(): string {
  return randomUUID();
}

/** A new API token secret: 32 random bytes, URL-safe. Only its hash is stored. */
export function newTokenSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 hex of a token secret; what the database keeps. */
export function hashToken(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
