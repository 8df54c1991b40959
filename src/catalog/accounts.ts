import type { Actor, Capacity } from '../core/action.ts';
import { toCkanTimestamp } from '../core/clock.ts';
import { conflict } from '../core/errors.ts';
import { hashToken, newId, newTokenSecret } from '../core/ids.ts';
import { type Database, toBool, withTransaction } from '../db/index.ts';
import {
  findUser,
  findUserByTokenHash,
  insertToken,
  insertUser,
  membershipsOf,
  type UserRow,
} from './repo/users.ts';

/**
 * Resolves an API token to the acting user, or null when the token is unknown.
 * Only the token's SHA-256 is stored, so a leaked database does not leak tokens.
 */
export async function actorForToken(db: Database, secret: string): Promise<Actor | null> {
  const user = await findUserByTokenHash(db, hashToken(secret));
  return user ? actorForUser(db, user) : null;
}

export async function actorForUser(db: Database, user: UserRow): Promise<Actor> {
  return {
    userId: user.id,
    name: user.name,
    sysadmin: toBool(user.sysadmin),
    memberships: await membershipsOf(db, user.id),
  };
}

/** The actor the local CLI uses: the machine's operator, with sysadmin rights (like CKAN's site user). */
export const siteActor: Actor = {
  userId: null,
  name: 'site',
  sysadmin: true,
  memberships: new Map<string, Capacity>(),
};

export interface NewUser {
  name: string;
  email: string;
  fullname: string;
  about: string;
  sysadmin: boolean;
}

/** @throws AppError conflict when the name is taken. */
export async function createUser(db: Database, u: NewUser, now: Date): Promise<UserRow> {
  return withTransaction(db, async (tx) => {
    if (await findUser(tx, u.name)) throw conflict({ name: ['That login name is not available.'] });
    const row: UserRow = {
      id: newId(),
      name: u.name,
      email: u.email,
      fullname: u.fullname,
      about: u.about,
      sysadmin: u.sysadmin,
      state: 'active',
      created: toCkanTimestamp(now),
    };
    await insertUser(tx, row);
    return row;
  });
}

/** Creates a token; the secret is returned once and only its hash is kept. */
export async function createToken(
  db: Database,
  userId: string,
  name: string,
  now: Date,
): Promise<string> {
  const secret = newTokenSecret();
  await insertToken(db, {
    id: newId(),
    user_id: userId,
    name,
    token_hash: hashToken(secret),
    created: toCkanTimestamp(now),
  });
  return secret;
}
