import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../database.ts';

/**
 * The ingest pipeline: `resource_version` (one row per load attempt of a resource's file, with its
 * validation outcome) and `job` (the persisted in-process queue, so a crash forgets nothing).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's table types.
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const bigint = dialect === 'postgres' ? sql`bigint` : sql`integer`;

  // No foreign key to resource, as datastore_table: the history outlives a deleted resource row.
  await db.schema
    .createTable('resource_version')
    .addColumn('resource_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('size', bigint)
    .addColumn('created_by', 'text')
    .addColumn('created', 'text', (c) => c.notNull())
    .addColumn('row_count', bigint)
    .addColumn('schema_id', 'text')
    .addColumn('schema_generation', 'text')
    .addColumn('conformance', 'text', (c) => c.notNull())
    .addColumn('report', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addPrimaryKeyConstraint('resource_version_pkey', ['resource_id', 'version'])
    .execute();

  await db.schema
    .createTable('job')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('resource_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('progress', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('error', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created', 'text', (c) => c.notNull())
    .addColumn('started', 'text')
    .addColumn('finished', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('job_state_created')
    .on('job')
    .columns(['state', 'created'])
    .execute();
  await db.schema.createIndex('job_resource').on('job').column('resource_id').execute();
}
