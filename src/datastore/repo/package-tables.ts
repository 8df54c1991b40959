import type { Database } from '../../db/index.ts';
import type { TableMeta } from '../fields/field-def.ts';
import { findTable } from './table-registry.ts';

/** A resource of a dataset with its datastore table, and the standard schema its file matched. */
export interface PackageTable {
  readonly resourceId: string;
  readonly name: string;
  readonly description: string;
  readonly meta: TableMeta;
  /** From the latest loaded version (the ingest's history); null for a table made by the API. */
  readonly schemaId: string | null;
  readonly conformance: string | null;
}

/**
 * The dataset's active resources that have a datastore table, in the dataset's order. Reads the
 * catalog's resources and the ingest's version history read-only: the Data Package describes
 * what those capabilities recorded, and neither may depend on the datastore's own reader.
 */
export async function packageTables(db: Database, packageId: string): Promise<PackageTable[]> {
  const resources = await db.kysely
    .selectFrom('resource')
    .select(['id', 'name', 'description'])
    .where('package_id', '=', packageId)
    .where('state', '=', 'active')
    .orderBy('position')
    .execute();
  const out: PackageTable[] = [];
  for (const r of resources) {
    const meta = await findTable(db, r.id);
    if (!meta) continue;
    const version = await db.kysely
      .selectFrom('resource_version')
      .select(['schema_id', 'conformance'])
      .where('resource_id', '=', r.id)
      .where('status', '=', 'loaded')
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    out.push({
      resourceId: r.id,
      name: r.name,
      description: r.description,
      meta,
      schemaId: version?.schema_id ?? null,
      conformance: version?.conformance ?? null,
    });
  }
  return out;
}

/** The dataset's tag names, for the descriptor's keywords. */
export async function packageTagNames(db: Database, packageId: string): Promise<string[]> {
  const rows = await db.kysely
    .selectFrom('package_tag as pt')
    .innerJoin('tag as t', 't.id', 'pt.tag_id')
    .select('t.name')
    .where('pt.package_id', '=', packageId)
    .orderBy('t.name')
    .execute();
  return rows.map((r) => r.name);
}
