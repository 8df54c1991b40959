import { randomBytes } from 'node:crypto';
import type { Actor } from '../core/action.ts';
import { toCkanTimestamp } from '../core/clock.ts';
import { hashToken } from '../core/ids.ts';
import { type Database, toBool, withTransaction } from '../db/index.ts';
import { dummyHash, hashPassword, needsRehash, verifyPassword } from './password-hash.ts';
import {
  deleteSession,
  deleteStaleSessions,
  findLoginUser,
  findSession,
  insertSession,
  membershipsOf,
  touchSession,
  upsertPasswordHash,
} from './repo.ts';

/** A session ends after 8 hours without a request… */
export const SESSION_IDLE_MS = 8 * 3600 * 1000;
/** …and 7 days after login, however active. */
export const SESSION_MAX_MS = 7 * 24 * 3600 * 1000;
/** `last_seen` is written at most this often, so reading pages does not write on every request. */
const TOUCH_EVERY_MS = 60 * 1000;

/** A session just started: the secret goes into the cookie and nowhere else. */
export interface StartedSession {
  secret: string;
  csrfToken: string;
  expires: Date;
}

/** A live session: who it is, and the token its forms must carry. */
export interface ActiveSession {
  actor: Actor;
  csrfToken: string;
  /** The session's row id (SHA-256 of the secret), e.g. to end it. */
  id: string;
  expires: Date;
}

function parseTimestamp(ckan: string): number {
  return new Date(`${ckan}Z`).getTime();
}

/** Starts a session for a user and clears out sessions that have expired. */
export async function startSession(
  db: Database,
  userId: string,
  now: Date,
): Promise<StartedSession> {
  const secret = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const expires = new Date(now.getTime() + SESSION_MAX_MS);
  const stamp = toCkanTimestamp(now);
  await withTransaction(db, async (tx) => {
    await deleteStaleSessions(
      tx,
      stamp,
      toCkanTimestamp(new Date(now.getTime() - SESSION_IDLE_MS)),
    );
    await insertSession(tx, {
      id: hashToken(secret),
      user_id: userId,
      created: stamp,
      last_seen: stamp,
      expires: toCkanTimestamp(expires),
      csrf_secret: csrfToken,
    });
  });
  return { secret, csrfToken, expires };
}

/**
 * Checks a user name and password and starts a session. An unknown user, a user without a
 * password and a wrong password all give null after the same amount of work. A hash made with
 * weaker parameters than today's is replaced on success.
 */
export async function logIn(
  db: Database,
  name: string,
  password: string,
  now: Date,
): Promise<StartedSession | null> {
  const user = name.trim() === '' ? undefined : await findLoginUser(db, name.trim());
  if (!user?.hash) {
    await verifyPassword(password, await dummyHash());
    return null;
  }
  if (!(await verifyPassword(password, user.hash))) return null;
  if (needsRehash(user.hash)) {
    const hash = await hashPassword(password);
    await withTransaction(db, (tx) => upsertPasswordHash(tx, user.id, hash, toCkanTimestamp(now)));
  }
  return startSession(db, user.id, now);
}

/**
 * The session a cookie secret belongs to, if it is still live (not idle for 8 hours, not older
 * than 7 days, its user active). A dead session is deleted. Activity moves the idle limit.
 */
export async function resumeSession(
  db: Database,
  secret: string,
  now: Date,
): Promise<ActiveSession | null> {
  if (secret === '' || secret.length > 200) return null;
  const id = hashToken(secret);
  const row = await findSession(db, id);
  if (!row) return null;
  const t = now.getTime();
  const lastSeen = parseTimestamp(row.last_seen);
  const expires = parseTimestamp(row.expires);
  if (t >= expires || t >= lastSeen + SESSION_IDLE_MS) {
    await withTransaction(db, (tx) => deleteSession(tx, id));
    return null;
  }
  if (t - lastSeen >= TOUCH_EVERY_MS)
    await withTransaction(db, (tx) => touchSession(tx, id, toCkanTimestamp(now)));
  return {
    id,
    csrfToken: row.csrf_secret,
    expires: new Date(expires),
    actor: {
      userId: row.user_id,
      name: row.name,
      sysadmin: toBool(row.sysadmin),
      memberships: await membershipsOf(db, row.user_id),
    },
  };
}

/** Ends the session of a cookie secret (logout). Unknown secrets are ignored. */
export async function endSession(db: Database, secret: string): Promise<void> {
  if (secret === '' || secret.length > 200) return;
  await withTransaction(db, (tx) => deleteSession(tx, hashToken(secret)));
}
