import type { Capacity } from '../core/action.ts';
import type { Database, DbBool } from '../db/index.ts';

/** The user fields a login needs, with the password hash (null when none is set). */
export interface LoginUser {
  id: string;
  name: string;
  sysadmin: DbBool;
  hash: string | null;
}

/** An active user by id or name, with their password hash. */
export async function findLoginUser(db: Database, ref: string): Promise<LoginUser | undefined> {
  return db.kysely
    .selectFrom('users')
    .leftJoin('user_password', 'user_password.user_id', 'users.id')
    .select(['users.id', 'users.name', 'users.sysadmin', 'user_password.hash'])
    .where((eb) => eb.or([eb('users.id', '=', ref), eb('users.name', '=', ref)]))
    .where('users.state', '=', 'active')
    .executeTakeFirst();
}

export async function upsertPasswordHash(
  db: Database,
  userId: string,
  hash: string,
  updated: string,
): Promise<void> {
  const changed = await db.kysely
    .updateTable('user_password')
    .set({ hash, updated })
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (Number(changed.numUpdatedRows) === 0)
    await db.kysely
      .insertInto('user_password')
      .values({ user_id: userId, hash, updated })
      .execute();
}

export interface SessionRow {
  id: string;
  user_id: string;
  created: string;
  last_seen: string;
  expires: string;
  csrf_secret: string;
  name: string;
  sysadmin: DbBool;
}

export async function insertSession(
  db: Database,
  row: Omit<SessionRow, 'name' | 'sysadmin'>,
): Promise<void> {
  await db.kysely.insertInto('web_session').values(row).execute();
}

/** A session with its user, if the user is still active. */
export async function findSession(db: Database, id: string): Promise<SessionRow | undefined> {
  return db.kysely
    .selectFrom('web_session')
    .innerJoin('users', 'users.id', 'web_session.user_id')
    .select([
      'web_session.id',
      'web_session.user_id',
      'web_session.created',
      'web_session.last_seen',
      'web_session.expires',
      'web_session.csrf_secret',
      'users.name',
      'users.sysadmin',
    ])
    .where('web_session.id', '=', id)
    .where('users.state', '=', 'active')
    .executeTakeFirst();
}

export async function touchSession(db: Database, id: string, lastSeen: string): Promise<void> {
  await db.kysely
    .updateTable('web_session')
    .set({ last_seen: lastSeen })
    .where('id', '=', id)
    .execute();
}

export async function deleteSession(db: Database, id: string): Promise<void> {
  await db.kysely.deleteFrom('web_session').where('id', '=', id).execute();
}

/** Ends every session of a user; returns how many there were. */
export async function deleteSessionsOf(db: Database, userId: string): Promise<number> {
  const r = await db.kysely
    .deleteFrom('web_session')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Deletes sessions past their absolute end or idle since before `idleSince`. */
export async function deleteStaleSessions(
  db: Database,
  now: string,
  idleSince: string,
): Promise<void> {
  await db.kysely
    .deleteFrom('web_session')
    .where((eb) => eb.or([eb('expires', '<=', now), eb('last_seen', '<=', idleSince)]))
    .execute();
}

/**
 * organization id → capacity of a user, in active organizations. The same rule as the catalog's
 * API-token actors (src/catalog `membershipsOf`); kept here because src/auth sits below the
 * catalog (user_create stores password hashes through it), so it cannot import the catalog.
 */
export async function membershipsOf(db: Database, userId: string): Promise<Map<string, Capacity>> {
  const rows = await db.kysely
    .selectFrom('member')
    .innerJoin('groups', 'groups.id', 'member.group_id')
    .select(['member.group_id', 'member.capacity'])
    .where('member.user_id', '=', userId)
    .where('groups.state', '=', 'active')
    .execute();
  // capacity is written only by the catalog's member actions, which accept just these three.
  return new Map(rows.map((r) => [r.group_id, r.capacity as Capacity]));
}
