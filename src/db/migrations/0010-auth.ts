import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';

/**
 * Staff login: a password hash per user (kept apart from `users`, so no user query can return
 * it by accident) and the portal's sessions. A session row is keyed by the SHA-256 of the
 * cookie's secret; the secret itself is never stored.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's table types.
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('user_password')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('updated', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('web_session')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created', 'text', (c) => c.notNull())
    .addColumn('last_seen', 'text', (c) => c.notNull())
    .addColumn('expires', 'text', (c) => c.notNull())
    .addColumn('csrf_secret', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('web_session_user').on('web_session').column('user_id').execute();
  await db.schema.createIndex('web_session_expires').on('web_session').column('expires').execute();
}
