import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../database.ts';

/**
 * The datastore: `resource.datastore_active`, and the registry of datastore tables (one physical
 * table per resource, created at run time by src/datastore; this table records its fields, key,
 * indexes and row count).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's table types.
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const bool = dialect === 'postgres' ? sql`boolean` : sql`integer`;
  const bigint = dialect === 'postgres' ? sql`bigint` : sql`integer`;

  await db.schema
    .alterTable('resource')
    .addColumn('datastore_active', bool, (c) =>
      c.notNull().defaultTo(dialect === 'postgres' ? sql`false` : sql`0`),
    )
    .execute();

  // No foreign key to resource: package_update removes resource rows outright, and the entry must
  // outlive them so that the physical table can still be found and dropped.
  await db.schema
    .createTable('datastore_table')
    .addColumn('resource_id', 'text', (c) => c.primaryKey())
    .addColumn('table_name', 'text', (c) => c.notNull().unique())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('primary_key', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('indexes', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('row_count', bigint, (c) => c.notNull().defaultTo(0))
    .addColumn('created', 'text', (c) => c.notNull())
    .addColumn('modified', 'text', (c) => c.notNull())
    .execute();
}
