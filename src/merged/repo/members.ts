import { z } from 'zod';
import { anonymous } from '../../core/action.ts';
import { canReadPackage } from '../../catalog/index.ts';
import { isConformingLevel } from '../../coverage/index.ts';
import { FIELD_TYPES } from '../../datastore/index.ts';
import type { Database } from '../../db/index.ts';
import type { MemberState, StoredMember } from '../member-state.ts';
import { mergedDb } from './tables.ts';

/** The extra that marks a dataset as a merged table (its value: the schema id). */
export const MERGED_EXTRA = 's5_merged_schema';

/**
 * Every member of every merged table as the catalog shows it now. Per active resource of an active
 * public dataset that has a datastore table: its latest *loaded* version, kept when it matched a
 * schema in conforming form (with or without warnings). Merged datasets are never members.
 */
export async function listCurrentMembers(db: Database): Promise<MemberState[]> {
  const rows = await db.kysely
    .selectFrom('resource_version as v')
    .innerJoin('resource as r', 'r.id', 'v.resource_id')
    .innerJoin('package as p', 'p.id', 'r.package_id')
    .innerJoin('groups as o', 'o.id', 'p.owner_org')
    .innerJoin('datastore_table as d', 'd.resource_id', 'v.resource_id')
    .selectAll('p')
    .select([
      'v.resource_id as m_resource_id',
      'v.version as m_version',
      'v.schema_id as m_schema_id',
      'v.conformance as m_conformance',
      'd.modified as m_table_modified',
      'd.row_count as m_table_rows',
      'o.code as m_org_code',
      'o.title as m_org_title',
    ])
    .where('v.status', '=', 'loaded')
    .where('r.state', '=', 'active')
    .where('p.state', '=', 'active')
    .where('p.private', '=', false)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('package_extra as x')
            .select('x.package_id')
            .whereRef('x.package_id', '=', 'p.id')
            .where('x.key', '=', MERGED_EXTRA),
        ),
      ),
    )
    .orderBy('v.resource_id')
    .orderBy('v.version', 'desc')
    .execute();
  const members: MemberState[] = [];
  let last: string | null = null;
  for (const row of rows) {
    // Only the latest loaded version of a resource counts: an older conforming one does not.
    if (row.m_resource_id === last) continue;
    last = row.m_resource_id;
    // The catalog's own visibility rule, beyond the SQL filter above.
    if (!canReadPackage(anonymous, row)) continue;
    if (row.m_schema_id === null || !isConformingLevel(row.m_conformance)) continue;
    members.push({
      schemaId: row.m_schema_id,
      resourceId: row.m_resource_id,
      packageId: row.id,
      version: Number(row.m_version),
      tableModified: row.m_table_modified,
      tableRows: Number(row.m_table_rows),
      publisherCode: row.m_org_code,
      publisherName: row.m_org_title,
    });
  }
  return members;
}

const storedColumns = z.array(
  z.object({ field: z.string(), source: z.string(), type: z.enum(FIELD_TYPES) }),
);

/** The members copied into merged tables (of one schema, or of all). */
export async function listStoredMembers(db: Database, schemaId?: string): Promise<StoredMember[]> {
  let q = mergedDb(db).selectFrom('merged_member').selectAll();
  if (schemaId !== undefined) q = q.where('schema_id', '=', schemaId);
  const rows = await q.orderBy('schema_id').orderBy('added').orderBy('resource_id').execute();
  return rows.map((r) => ({
    schemaId: r.schema_id,
    resourceId: r.resource_id,
    packageId: r.package_id,
    version: Number(r.version),
    tableModified: r.table_modified,
    tableRows: Number(r.table_rows),
    publisherCode: r.publisher_code,
    publisherName: r.publisher_name,
    columns: storedColumns.parse(JSON.parse(r.columns)),
    rowCount: Number(r.row_count),
  }));
}

/** Records a member as copied (replacing an earlier record of it). */
export async function saveMember(db: Database, m: StoredMember, now: string): Promise<void> {
  await deleteMember(db, m.schemaId, m.resourceId);
  await mergedDb(db)
    .insertInto('merged_member')
    .values({
      schema_id: m.schemaId,
      resource_id: m.resourceId,
      package_id: m.packageId,
      version: m.version,
      table_modified: m.tableModified,
      table_rows: m.tableRows,
      publisher_code: m.publisherCode,
      publisher_name: m.publisherName,
      columns: JSON.stringify(m.columns),
      row_count: m.rowCount,
      added: now,
    })
    .execute();
}

/** Forgets one member of a schema's merged table. */
export async function deleteMember(db: Database, schemaId: string, resourceId: string) {
  await mergedDb(db)
    .deleteFrom('merged_member')
    .where('schema_id', '=', schemaId)
    .where('resource_id', '=', resourceId)
    .execute();
}

/** Forgets every member of a schema's merged table (before a rebuild). */
export async function deleteAllMembers(db: Database, schemaId: string): Promise<void> {
  await mergedDb(db).deleteFrom('merged_member').where('schema_id', '=', schemaId).execute();
}

const reportMapping = z.object({
  columnMapping: z.array(z.object({ field: z.string().nullable() })),
});

/**
 * The schema item each column of a loaded version was read as (the validator's column mapping,
 * in file column order), or null when the report holds none.
 */
export async function readColumnMapping(
  db: Database,
  resourceId: string,
  version: number,
): Promise<Array<string | null> | null> {
  const row = await db.kysely
    .selectFrom('resource_version')
    .select('report')
    .where('resource_id', '=', resourceId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!row) return null;
  const parsed = reportMapping.safeParse(JSON.parse(row.report));
  return parsed.success ? parsed.data.columnMapping.map((c) => c.field) : null;
}
