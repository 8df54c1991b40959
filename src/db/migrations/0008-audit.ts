import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../database.ts';

/** The audit log: one row per successful write action (who, what, when, from where). */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's table types.
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const id =
    dialect === 'postgres' ? sql`bigserial primary key` : sql`integer primary key autoincrement`;
  await db.schema
    .createTable('audit_log')
    .addColumn('id', id)
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('user_name', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('object_id', 'text')
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
  await db.schema
    .createIndex('audit_log_action_at')
    .on('audit_log')
    .columns(['action', 'at'])
    .execute();
  await db.schema
    .createIndex('audit_log_object_at')
    .on('audit_log')
    .columns(['object_id', 'at'])
    .execute();
  await db.schema
    .createIndex('audit_log_user_at')
    .on('audit_log')
    .columns(['user_name', 'at'])
    .execute();
}
