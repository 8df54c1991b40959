import type { Database } from '../../db/index.ts';

/** A token's row without its hash: what listing and revoking need. */
export interface TokenRow {
  id: string;
  user_id: string;
  name: string;
  created: string;
  last_access: string | null;
}

/** The tokens of a user, oldest first. */
export async function tokensOf(db: Database, userId: string): Promise<TokenRow[]> {
  return db.kysely
    .selectFrom('api_token')
    .select(['id', 'user_id', 'name', 'created', 'last_access'])
    .where('user_id', '=', userId)
    .orderBy('created')
    .orderBy('id')
    .execute();
}

/** A token by its id or by the SHA-256 of its secret. */
export async function findTokenBy(
  db: Database,
  by: { id: string } | { hash: string },
): Promise<TokenRow | undefined> {
  const query = db.kysely
    .selectFrom('api_token')
    .select(['id', 'user_id', 'name', 'created', 'last_access']);
  return (
    'id' in by ? query.where('id', '=', by.id) : query.where('token_hash', '=', by.hash)
  ).executeTakeFirst();
}

export async function deleteToken(db: Database, id: string): Promise<void> {
  await db.kysely.deleteFrom('api_token').where('id', '=', id).execute();
}
