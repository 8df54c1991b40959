import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../database.ts';

/**
 * Prefecture-wide merged standard tables (src/merged): `merged_table` (one per standard schema:
 * the catalog dataset and resource holding the merged rows) and `merged_member` (which member
 * resource, in which loaded version, was copied into it), so that a refresh touches only the
 * members that changed.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's table types.
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const bigint = dialect === 'postgres' ? sql`bigint` : sql`integer`;

  // No foreign keys, as datastore_table: the catalog rows may be purged while these remain.
  await db.schema
    .createTable('merged_table')
    .addColumn('schema_id', 'text', (c) => c.primaryKey())
    .addColumn('package_id', 'text', (c) => c.notNull())
    .addColumn('resource_id', 'text', (c) => c.notNull())
    .addColumn('member_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created', 'text', (c) => c.notNull())
    .addColumn('refreshed', 'text')
    .execute();

  await db.schema
    .createTable('merged_member')
    .addColumn('schema_id', 'text', (c) => c.notNull())
    .addColumn('resource_id', 'text', (c) => c.notNull())
    .addColumn('package_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('table_modified', 'text', (c) => c.notNull())
    .addColumn('table_rows', bigint, (c) => c.notNull())
    .addColumn('publisher_code', 'text')
    .addColumn('publisher_name', 'text', (c) => c.notNull())
    .addColumn('columns', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('row_count', bigint, (c) => c.notNull())
    .addColumn('added', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('merged_member_pkey', ['schema_id', 'resource_id'])
    .execute();
}
