import type { Database } from '../../db/index.ts';

/**
 * What the latest *loaded* version of a resource's file matched (written by src/ingest): the
 * standard schema recognised, if any, and its 適合度. A failed attempt never replaces the
 * datastore table, so it never counts here either.
 */
export interface ResourceStandard {
  /** e.g. `a08-aed`; null when the file matched no standard schema. */
  schemaId: string | null;
  /** conforming | conforming_with_warnings | nonconforming | nonstandard */
  conformance: string;
}

// Bound parameters per query stay well below SQLite's and PostgreSQL's limits.
const CHUNK = 500;

/** The standard of each resource's latest loaded version; resources never loaded are absent. */
export async function latestLoadedStandards(
  db: Database,
  resourceIds: readonly string[],
): Promise<Map<string, ResourceStandard>> {
  const out = new Map<string, ResourceStandard>();
  const unique = [...new Set(resourceIds)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const ids = unique.slice(i, i + CHUNK);
    const latest = db.kysely
      .selectFrom('resource_version')
      .select((eb) => ['resource_id', eb.fn.max('version').as('version')])
      .where('status', '=', 'loaded')
      .where('resource_id', 'in', ids)
      .groupBy('resource_id')
      .as('l');
    const rows = await db.kysely
      .selectFrom('resource_version as v')
      .innerJoin(latest, (join) =>
        join.onRef('l.resource_id', '=', 'v.resource_id').onRef('l.version', '=', 'v.version'),
      )
      .select(['v.resource_id', 'v.schema_id', 'v.conformance'])
      .execute();
    for (const r of rows) {
      out.set(r.resource_id, { schemaId: r.schema_id || null, conformance: r.conformance });
    }
  }
  return out;
}
