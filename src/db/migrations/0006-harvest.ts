import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../database.ts';

/**
 * Harvesting other CKAN portals: `harvest_source` (a remote portal mapped to a local
 * organization), `harvest_job` (one run, its counts and report) and `harvest_object` (the link of
 * a remote dataset to its local copy, with what the harvester last wrote).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's table types.
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const bool = dialect === 'postgres' ? sql`boolean` : sql`integer`;

  await db.schema
    .createTable('harvest_source')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('remote_org', 'text')
    .addColumn('local_org_id', 'text', (c) => c.notNull())
    .addColumn('interval_minutes', 'integer')
    .addColumn('local_fields', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('fetch_resources', bool, (c) => c.notNull())
    .addColumn('page_size', 'integer', (c) => c.notNull())
    .addColumn('active', bool, (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created', 'text', (c) => c.notNull())
    .addColumn('modified', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('harvest_job')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source_id', 'text', (c) =>
      c.notNull().references('harvest_source.id').onDelete('cascade'),
    )
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created', 'text', (c) => c.notNull())
    .addColumn('started', 'text')
    .addColumn('finished', 'text')
    // The remote metadata_modified this run searched from, and the one the next run starts at.
    .addColumn('since', 'text')
    .addColumn('watermark', 'text')
    .addColumn('count_created', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('count_updated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('count_deleted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('count_unchanged', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('count_errors', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('progress', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('report', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('error', 'text')
    .execute();
  await db.schema
    .createIndex('harvest_job_source_created')
    .on('harvest_job')
    .columns(['source_id', 'created'])
    .execute();
  // One job per source at a time, even across processes (the CLI and the server).
  await db.schema
    .createIndex('harvest_job_one_active')
    .on('harvest_job')
    .column('source_id')
    .unique()
    .where(sql.ref('state'), 'in', ['queued', 'running'])
    .execute();

  await db.schema
    .createTable('harvest_object')
    .addColumn('source_id', 'text', (c) =>
      c.notNull().references('harvest_source.id').onDelete('cascade'),
    )
    .addColumn('remote_id', 'text', (c) => c.notNull())
    .addColumn('remote_name', 'text', (c) => c.notNull())
    .addColumn('remote_url', 'text', (c) => c.notNull())
    .addColumn('local_package_id', 'text', (c) => c.notNull())
    .addColumn('remote_modified', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    // JSON: the field values the harvester last wrote, to tell local edits from remote changes.
    .addColumn('harvested', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('created', 'text', (c) => c.notNull())
    .addColumn('modified', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('harvest_object_pkey', ['source_id', 'remote_id'])
    .execute();
  await db.schema
    .createIndex('harvest_object_local')
    .on('harvest_object')
    .column('local_package_id')
    .execute();
}
