import { toCkanTimestamp } from '../core/clock.ts';
import { type Database, withTransaction } from '../db/index.ts';
import { hashPassword } from './password-hash.ts';
import { deleteSessionsOf, upsertPasswordHash } from './repo.ts';

/**
 * Stores a precomputed password hash for a user and ends all their sessions (a changed password
 * must log out whoever knew the old one). Runs in the caller's transaction, or its own.
 * @returns how many sessions were ended.
 */
export async function storePasswordHash(
  db: Database,
  userId: string,
  hash: string,
  now: Date,
): Promise<number> {
  return withTransaction(db, async (tx) => {
    await upsertPasswordHash(tx, userId, hash, toCkanTimestamp(now));
    return deleteSessionsOf(tx, userId);
  });
}

/**
 * Hashes and stores a user's password (CLI, tests, user_create). Hashing happens before the
 * transaction opens: scrypt is slow on purpose and must not hold a write lock.
 */
export async function setPassword(
  db: Database,
  userId: string,
  password: string,
  now: Date,
): Promise<number> {
  const hash = await hashPassword(password);
  return storePasswordHash(db, userId, hash, now);
}
