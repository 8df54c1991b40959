import type { Database } from '../db/index.ts';

/** A publisher: an active organization with a 全国地方公共団体コード. */
export interface PublisherRow {
  id: string;
  name: string;
  title: string;
  code: string;
  region: string | null;
}

/** The latest loaded version of one public, active resource that matched a standard schema. */
export interface LoadedVersionRow {
  resourceId: string;
  packageId: string;
  ownerOrg: string;
  version: number;
  schemaId: string;
  conformance: string;
  rowCount: number | null;
  created: string;
}

/** Filters on publishers: by organization (name, id or code) and by region group name. */
export interface PublisherFilter {
  organization?: string;
  region?: string;
}

/** Active organizations that have a code, with the name of their region group, ordered by code. */
export async function listPublishers(db: Database, f: PublisherFilter): Promise<PublisherRow[]> {
  let q = db.kysely
    .selectFrom('groups as o')
    .leftJoin('groups as r', 'r.id', 'o.region_group_id')
    .select(['o.id', 'o.name', 'o.title', 'o.code', 'r.name as region'])
    .where('o.is_organization', '=', true)
    .where('o.state', '=', 'active')
    .where('o.code', 'is not', null);
  if (f.organization !== undefined) {
    const key = f.organization;
    q = q.where((eb) =>
      eb.or([eb('o.name', '=', key), eb('o.id', '=', key), eb('o.code', '=', key)]),
    );
  }
  if (f.region !== undefined) q = q.where('r.name', '=', f.region);
  const rows = await q.orderBy('o.code').execute();
  return rows.flatMap((r) =>
    r.code === null
      ? []
      : [{ id: r.id, name: r.name, title: r.title, code: r.code, region: r.region }],
  );
}

/**
 * For every active resource of an active public dataset, its latest *loaded* version, kept only
 * when that version matched a standard schema. Private or deleted data never reaches this list.
 */
export async function listLatestLoadedVersions(db: Database): Promise<LoadedVersionRow[]> {
  const rows = await db.kysely
    .selectFrom('resource_version as v')
    .innerJoin('resource as res', 'res.id', 'v.resource_id')
    .innerJoin('package as p', 'p.id', 'res.package_id')
    .select([
      'v.resource_id',
      'v.version',
      'v.schema_id',
      'v.conformance',
      'v.row_count',
      'v.created',
      'p.id as package_id',
      'p.owner_org',
    ])
    .where('v.status', '=', 'loaded')
    .where('res.state', '=', 'active')
    .where('p.state', '=', 'active')
    .where('p.private', '=', false)
    .orderBy('v.resource_id')
    .orderBy('v.version', 'desc')
    .execute();
  const latest = new Map<string, LoadedVersionRow>();
  for (const r of rows) {
    if (latest.has(r.resource_id)) continue;
    latest.set(r.resource_id, {
      resourceId: r.resource_id,
      packageId: r.package_id,
      ownerOrg: r.owner_org,
      version: Number(r.version),
      schemaId: r.schema_id ?? '',
      conformance: r.conformance,
      rowCount: r.row_count === null ? null : Number(r.row_count),
      created: r.created,
    });
  }
  return [...latest.values()].filter((v) => v.schemaId !== '');
}
