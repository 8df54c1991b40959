import type { Selectable } from 'kysely';
import type { Capacity } from '../../core/action.ts';
import type { Database } from '../../db/index.ts';
import type { UsersTable } from '../../db/tables.ts';

export type UserRow = Selectable<UsersTable>;

export async function findUser(db: Database, ref: string): Promise<UserRow | undefined> {
  return db.kysely
    .selectFrom('users')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', ref), eb('name', '=', ref)]))
    .executeTakeFirst();
}

export async function insertUser(db: Database, row: UserRow): Promise<void> {
  await db.kysely.insertInto('users').values(row).execute();
}

export async function insertToken(
  db: Database,
  row: { id: string; user_id: string; name: string; token_hash: string; created: string },
): Promise<void> {
  await db.kysely
    .insertInto('api_token')
    .values({ ...row, last_access: null })
    .execute();
}

/** The active user owning a token hash, if any. */
export async function findUserByTokenHash(
  db: Database,
  hash: string,
): Promise<UserRow | undefined> {
  return db.kysely
    .selectFrom('api_token')
    .innerJoin('users', 'users.id', 'api_token.user_id')
    .selectAll('users')
    .where('api_token.token_hash', '=', hash)
    .where('users.state', '=', 'active')
    .executeTakeFirst();
}

export async function listTokens(db: Database, userId: string) {
  return db.kysely
    .selectFrom('api_token')
    .select(['id', 'name', 'created', 'last_access'])
    .where('user_id', '=', userId)
    .orderBy('created')
    .execute();
}

/** organization id → capacity, for the actor. */
export async function membershipsOf(db: Database, userId: string): Promise<Map<string, Capacity>> {
  const rows = await db.kysely
    .selectFrom('member')
    .innerJoin('groups', 'groups.id', 'member.group_id')
    .select(['member.group_id', 'member.capacity'])
    .where('member.user_id', '=', userId)
    .where('groups.state', '=', 'active')
    .execute();
  return new Map(rows.map((r) => [r.group_id, r.capacity as Capacity]));
}

export async function upsertMember(
  db: Database,
  row: { group_id: string; user_id: string; capacity: Capacity; created: string },
): Promise<void> {
  const updated = await db.kysely
    .updateTable('member')
    .set({ capacity: row.capacity })
    .where('group_id', '=', row.group_id)
    .where('user_id', '=', row.user_id)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0)
    await db.kysely.insertInto('member').values(row).execute();
}

export async function deleteMember(
  db: Database,
  groupId: string,
  userId: string,
): Promise<boolean> {
  const r = await db.kysely
    .deleteFrom('member')
    .where('group_id', '=', groupId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function listMembers(db: Database, groupId: string) {
  return db.kysely
    .selectFrom('member')
    .innerJoin('users', 'users.id', 'member.user_id')
    .select(['users.id', 'users.name', 'member.capacity'])
    .where('member.group_id', '=', groupId)
    .orderBy('users.name')
    .execute();
}

export async function countUsers(db: Database): Promise<number> {
  const r = await db.kysely
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('c'))
    .executeTakeFirstOrThrow();
  return Number(r.c);
}
