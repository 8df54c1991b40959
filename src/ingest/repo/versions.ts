import type { Database } from '../../db/index.ts';

/** A resource_version row as the ingest writes it. */
export interface VersionRecord {
  resourceId: string;
  fileSha256: string;
  size: number | null;
  createdBy: string | null;
  created: string;
  rowCount: number | null;
  schemaId: string | null;
  schemaGeneration: string | null;
  conformance: string;
  report: unknown;
  status: 'loaded' | 'failed';
  error: string | null;
}

/** A stored version, numbered. */
export interface StoredVersion extends VersionRecord {
  version: number;
}

/** Records one load attempt under the next version number of its resource; returns the number. */
export async function insertVersion(db: Database, v: VersionRecord): Promise<number> {
  const last = await db.kysely
    .selectFrom('resource_version')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('resource_id', '=', v.resourceId)
    .executeTakeFirst();
  const version = Number(last?.v ?? 0) + 1;
  await db.kysely
    .insertInto('resource_version')
    .values({
      resource_id: v.resourceId,
      version,
      file_sha256: v.fileSha256,
      size: v.size,
      created_by: v.createdBy,
      created: v.created,
      row_count: v.rowCount,
      schema_id: v.schemaId,
      schema_generation: v.schemaGeneration,
      conformance: v.conformance,
      report: JSON.stringify(v.report ?? {}),
      status: v.status,
      error: v.error,
    })
    .execute();
  return version;
}

/** Every version of a resource, newest first. */
export async function listVersions(db: Database, resourceId: string): Promise<StoredVersion[]> {
  const rows = await db.kysely
    .selectFrom('resource_version')
    .selectAll()
    .where('resource_id', '=', resourceId)
    .orderBy('version', 'desc')
    .execute();
  return rows.map((r) => ({
    resourceId: r.resource_id,
    version: Number(r.version),
    fileSha256: r.file_sha256,
    size: r.size === null ? null : Number(r.size),
    createdBy: r.created_by,
    created: r.created,
    rowCount: r.row_count === null ? null : Number(r.row_count),
    schemaId: r.schema_id,
    schemaGeneration: r.schema_generation,
    conformance: r.conformance,
    report: JSON.parse(r.report) as unknown,
    status: r.status === 'loaded' ? 'loaded' : 'failed',
    error: r.error,
  }));
}
