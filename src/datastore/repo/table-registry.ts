import { z } from 'zod';
import { anonymous } from '../../core/action.ts';
import { AppError } from '../../core/errors.ts';
import type { Database } from '../../db/index.ts';
import { canReadPackage, touchPackage } from '../../catalog/index.ts';
import type { TableMeta } from '../fields/field-def.ts';
import { FIELD_TYPES } from '../fields/field-types.ts';

const storedFields = z.array(
  z.object({
    id: z.string(),
    type: z.enum(FIELD_TYPES),
    info: z.record(z.string(), z.unknown()).optional(),
  }),
);
const storedKey = z.array(z.string());
const storedIndexes = z.array(
  z.object({ name: z.string(), fields: z.array(z.string()), unique: z.boolean() }),
);

type RegistryRow = {
  resource_id: string;
  table_name: string;
  fields: string;
  primary_key: string;
  indexes: string;
  row_count: number | string;
  created: string;
  modified: string;
};

function toMeta(row: RegistryRow): TableMeta {
  try {
    return {
      resourceId: row.resource_id,
      tableName: row.table_name,
      fields: storedFields.parse(JSON.parse(row.fields)),
      primaryKey: storedKey.parse(JSON.parse(row.primary_key)),
      indexes: storedIndexes.parse(JSON.parse(row.indexes)),
      rowCount: Number(row.row_count),
      created: row.created,
      modified: row.modified,
    };
  } catch (cause) {
    throw new AppError('internal', `datastore registry entry of ${row.resource_id} is unreadable`, {
      cause,
    });
  }
}

/** The registry entry of a resource's table, or undefined when it has none. */
export async function findTable(db: Database, resourceId: string): Promise<TableMeta | undefined> {
  const row = await db.kysely
    .selectFrom('datastore_table')
    .selectAll()
    .where('resource_id', '=', resourceId)
    .executeTakeFirst();
  return row ? toMeta(row) : undefined;
}

/**
 * Writes the registry entry (insert or replace), marks the resource datastore_active and its
 * dataset modified (`meta.modified`).
 */
export async function saveTable(db: Database, meta: TableMeta): Promise<void> {
  const values = {
    table_name: meta.tableName,
    fields: JSON.stringify(meta.fields),
    primary_key: JSON.stringify(meta.primaryKey),
    indexes: JSON.stringify(meta.indexes),
    row_count: meta.rowCount,
    modified: meta.modified,
  };
  const existing = await db.kysely
    .selectFrom('datastore_table')
    .select('resource_id')
    .where('resource_id', '=', meta.resourceId)
    .executeTakeFirst();
  if (existing) {
    await db.kysely
      .updateTable('datastore_table')
      .set(values)
      .where('resource_id', '=', meta.resourceId)
      .execute();
  } else {
    await db.kysely
      .insertInto('datastore_table')
      .values({ ...values, resource_id: meta.resourceId, created: meta.created })
      .execute();
  }
  await setDatastoreActive(db, meta.resourceId, true);
  await touchDataset(db, meta.resourceId, meta.modified);
}

/**
 * After rows were written: adds `delta` to the stored row count (inserts and deletes keep it
 * exact without count(*)) and marks the table and its dataset modified, even when no row was
 * added or removed (an update changes data too).
 */
export async function addRowCount(db: Database, resourceId: string, delta: number, now: string) {
  await db.kysely
    .updateTable('datastore_table')
    .set((eb) => ({ row_count: eb('row_count', '+', delta), modified: now }))
    .where('resource_id', '=', resourceId)
    .execute();
  await touchDataset(db, resourceId, now);
}

/** Forgets a resource's table, clears its datastore_active flag and marks its dataset modified. */
export async function removeTable(db: Database, resourceId: string, now: string): Promise<void> {
  await db.kysely.deleteFrom('datastore_table').where('resource_id', '=', resourceId).execute();
  await setDatastoreActive(db, resourceId, false);
  await touchDataset(db, resourceId, now);
}

/**
 * The dataset's metadata_modified follows its data (CKAN: datastore writes patch the resource,
 * which bumps the dataset), through the catalog so that its search entry follows too.
 */
async function touchDataset(db: Database, resourceId: string, now: string): Promise<void> {
  const resource = await db.kysely
    .selectFrom('resource')
    .select('package_id')
    .where('id', '=', resourceId)
    .executeTakeFirst();
  if (resource) await touchPackage(db, resource.package_id, now);
}

async function setDatastoreActive(db: Database, resourceId: string, active: boolean) {
  await db.kysely
    .updateTable('resource')
    .set({ datastore_active: db.dialect === 'postgres' ? active : active ? 1 : 0 })
    .where('id', '=', resourceId)
    .execute();
}

/**
 * Tables anyone may read: of active resources in datasets that an anonymous caller may see (the
 * catalog's own rule, applied to each dataset). datastore_search_sql reads only these, for every
 * caller, so that a private table can never be reached by SQL.
 */
export async function publicTables(db: Database): Promise<TableMeta[]> {
  // The registry's and the dataset's column names do not overlap, so one row holds both.
  const rows = await db.kysely
    .selectFrom('datastore_table as d')
    .innerJoin('resource as r', 'r.id', 'd.resource_id')
    .innerJoin('package as p', 'p.id', 'r.package_id')
    .selectAll('d')
    .selectAll('p')
    .where('r.state', '=', 'active')
    .execute();
  return rows.filter((row) => canReadPackage(anonymous, row)).map(toMeta);
}

/**
 * Tables whose resource is gone: deleted, removed from its dataset (package_update deletes the
 * row), or in a deleted dataset.
 */
export async function orphanTables(db: Database): Promise<TableMeta[]> {
  const rows = await db.kysely
    .selectFrom('datastore_table as d')
    .leftJoin('resource as r', 'r.id', 'd.resource_id')
    .leftJoin('package as p', 'p.id', 'r.package_id')
    .selectAll('d')
    .where((eb) =>
      eb.or([eb('r.id', 'is', null), eb('r.state', '<>', 'active'), eb('p.state', '=', 'deleted')]),
    )
    .execute();
  return rows.map(toMeta);
}
