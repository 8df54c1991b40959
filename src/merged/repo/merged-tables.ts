import { sql } from 'kysely';
import type { Database } from '../../db/index.ts';
import { toBool } from '../../db/index.ts';
import { MERGED_EXTRA } from './members.ts';
import { mergedDb } from './tables.ts';

/** A schema's merged table: the catalog dataset and resource that hold its rows. */
export interface MergedTableRow {
  schemaId: string;
  packageId: string;
  resourceId: string;
  memberCount: number;
  created: string;
  refreshed: string | null;
}

/** The merged tables (of one schema, or all), by schema id. */
export async function listMergedTables(db: Database, schemaId?: string): Promise<MergedTableRow[]> {
  let q = mergedDb(db).selectFrom('merged_table').selectAll();
  if (schemaId !== undefined) q = q.where('schema_id', '=', schemaId);
  const rows = await q.orderBy('schema_id').execute();
  return rows.map((r) => ({
    schemaId: r.schema_id,
    packageId: r.package_id,
    resourceId: r.resource_id,
    memberCount: Number(r.member_count),
    created: r.created,
    refreshed: r.refreshed,
  }));
}

/** Records the dataset and resource of a schema's merged table. */
export async function insertMergedTable(db: Database, row: MergedTableRow): Promise<void> {
  await mergedDb(db)
    .insertInto('merged_table')
    .values({
      schema_id: row.schemaId,
      package_id: row.packageId,
      resource_id: row.resourceId,
      member_count: row.memberCount,
      created: row.created,
      refreshed: row.refreshed,
    })
    .execute();
}

/** Forgets a schema's merged table (its dataset is gone from the catalog). */
export async function deleteMergedTable(db: Database, schemaId: string): Promise<void> {
  await mergedDb(db).deleteFrom('merged_table').where('schema_id', '=', schemaId).execute();
}

/** Records a finished refresh: when, and how many members the table has now. */
export async function markRefreshed(
  db: Database,
  schemaId: string,
  memberCount: number,
  now: string,
): Promise<void> {
  await mergedDb(db)
    .updateTable('merged_table')
    .set({ member_count: memberCount, refreshed: now })
    .where('schema_id', '=', schemaId)
    .execute();
}

/**
 * Takes the schema's merged_table row for the rest of the transaction: on PostgreSQL a row lock,
 * so that two processes never refresh one table at once (SQLite has one writer anyway).
 */
export async function lockMergedTable(db: Database, schemaId: string): Promise<void> {
  if (db.dialect !== 'postgres') return;
  await sql`SELECT schema_id FROM merged_table WHERE schema_id = ${schemaId} FOR UPDATE`.execute(
    db.kysely,
  );
}

/** The state and privacy of a dataset, or undefined when there is no such row. */
export async function findPackageState(
  db: Database,
  packageId: string,
): Promise<{ state: string; private: boolean; name: string } | undefined> {
  const row = await db.kysely
    .selectFrom('package')
    .select(['state', 'private', 'name'])
    .where('id', '=', packageId)
    .executeTakeFirst();
  return row ? { state: row.state, private: toBool(row.private), name: row.name } : undefined;
}

/**
 * A dataset already marked as the schema's merged table but not recorded (a creation cut short
 * between the catalog write and the record), with its first active resource.
 */
export async function findMarkedPackage(
  db: Database,
  name: string,
  schemaId: string,
): Promise<{ packageId: string; resourceId: string } | undefined> {
  const row = await db.kysely
    .selectFrom('package as p')
    .innerJoin('package_extra as x', 'x.package_id', 'p.id')
    .innerJoin('resource as r', 'r.package_id', 'p.id')
    .select(['p.id', 'r.id as resource_id'])
    .where('p.name', '=', name)
    .where('x.key', '=', MERGED_EXTRA)
    .where('x.value', '=', schemaId)
    .where('r.state', '=', 'active')
    .orderBy('r.position')
    .executeTakeFirst();
  return row ? { packageId: row.id, resourceId: row.resource_id } : undefined;
}

/** A publisher as the merged tables need it. */
export interface Prefecture {
  id: string;
  title: string;
  code: string;
}

/**
 * The prefecture organization: the active organization whose 全国地方公共団体コード is a
 * prefecture's (two digits, `000`, a check digit — no municipality code has `000` there).
 */
export async function findPrefecture(db: Database): Promise<Prefecture | undefined> {
  const rows = await db.kysely
    .selectFrom('groups')
    .select(['id', 'title', 'code'])
    .where('is_organization', '=', true)
    .where('state', '=', 'active')
    .where('code', 'is not', null)
    .orderBy('code')
    .execute();
  for (const r of rows) {
    if (r.code !== null && /^\d{2}000\d$/.test(r.code))
      return { id: r.id, title: r.title, code: r.code };
  }
  return undefined;
}

/** The dataset rows with these ids (for the catalog's visibility rule). */
export async function findPackages(db: Database, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.kysely.selectFrom('package').selectAll().where('id', 'in', ids).execute();
}
