import type { Selectable } from 'kysely';
import { type Database, withTransaction } from '../../db/index.ts';
import type { HarvestedFields } from '../harvested-fields.ts';
import { type HarvestObjectTable, harvestDb } from './tables.ts';

/** The link of a remote dataset to its local copy, with what the harvester last wrote. */
export interface HarvestObject {
  sourceId: string;
  remoteId: string;
  remoteName: string;
  remoteUrl: string;
  localPackageId: string;
  remoteModified: string;
  contentHash: string;
  /** Null when unreadable (treated as "no record of the last harvest"). */
  harvested: HarvestedFields | null;
  state: 'active' | 'withdrawn';
  created: string;
  modified: string;
}

/** The objects of these remote ids, by remote id. */
export async function objectsFor(
  db: Database,
  sourceId: string,
  remoteIds: readonly string[],
): Promise<Map<string, HarvestObject>> {
  if (remoteIds.length === 0) return new Map();
  const rows = await harvestDb(db)
    .selectFrom('harvest_object')
    .selectAll()
    .where('source_id', '=', sourceId)
    .where('remote_id', 'in', [...remoteIds])
    .execute();
  return new Map(rows.map((r) => [r.remote_id, fromRow(r)]));
}

/** The source's links that are not withdrawn. */
export async function activeObjects(
  db: Database,
  sourceId: string,
): Promise<Array<{ remoteId: string; remoteName: string; localPackageId: string }>> {
  const rows = await harvestDb(db)
    .selectFrom('harvest_object')
    .select(['remote_id', 'remote_name', 'local_package_id'])
    .where('source_id', '=', sourceId)
    .where('state', '=', 'active')
    .execute();
  return rows.map((r) => ({
    remoteId: r.remote_id,
    remoteName: r.remote_name,
    localPackageId: r.local_package_id,
  }));
}

export async function countObjects(db: Database, sourceId: string): Promise<number> {
  const row = await harvestDb(db)
    .selectFrom('harvest_object')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('source_id', '=', sourceId)
    .where('state', '=', 'active')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Writes the objects of one page in one transaction (insert or replace by remote id). */
export async function saveObjects(db: Database, objects: readonly HarvestObject[]): Promise<void> {
  // A remote that lists a dataset twice in a page: one row each (the last), or PostgreSQL refuses.
  const unique = [...new Map(objects.map((o) => [o.remoteId, o])).values()];
  if (unique.length === 0) return;
  await withTransaction(db, async (tx) => {
    // Multi-row statements: a page of 1000 is 10 round trips, not 1000 (11 parameters a row).
    for (let i = 0; i < unique.length; i += 100) {
      await harvestDb(tx)
        .insertInto('harvest_object')
        .values(unique.slice(i, i + 100).map(toRow))
        .onConflict((oc) =>
          oc.columns(['source_id', 'remote_id']).doUpdateSet((eb) => ({
            remote_name: eb.ref('excluded.remote_name'),
            remote_url: eb.ref('excluded.remote_url'),
            local_package_id: eb.ref('excluded.local_package_id'),
            remote_modified: eb.ref('excluded.remote_modified'),
            content_hash: eb.ref('excluded.content_hash'),
            harvested: eb.ref('excluded.harvested'),
            state: eb.ref('excluded.state'),
            modified: eb.ref('excluded.modified'),
          })),
        )
        .execute();
    }
  });
}

/** Marks objects withdrawn (their remote dataset is gone). */
export async function markWithdrawn(
  db: Database,
  sourceId: string,
  remoteIds: readonly string[],
  now: string,
): Promise<void> {
  if (remoteIds.length === 0) return;
  await withTransaction(db, async (tx) => {
    await harvestDb(tx)
      .updateTable('harvest_object')
      .set({ state: 'withdrawn', modified: now })
      .where('source_id', '=', sourceId)
      .where('remote_id', 'in', [...remoteIds])
      .execute();
  });
}

function toRow(o: HarvestObject): HarvestObjectTable {
  return {
    source_id: o.sourceId,
    remote_id: o.remoteId,
    remote_name: o.remoteName,
    remote_url: o.remoteUrl,
    local_package_id: o.localPackageId,
    remote_modified: o.remoteModified,
    content_hash: o.contentHash,
    harvested: JSON.stringify(o.harvested ?? {}),
    state: o.state,
    created: o.created,
    modified: o.modified,
  };
}

function fromRow(r: Selectable<HarvestObjectTable>): HarvestObject {
  return {
    sourceId: r.source_id,
    remoteId: r.remote_id,
    remoteName: r.remote_name,
    remoteUrl: r.remote_url,
    localPackageId: r.local_package_id,
    remoteModified: r.remote_modified,
    contentHash: r.content_hash,
    harvested: parseHarvested(r.harvested),
    state: r.state === 'withdrawn' ? 'withdrawn' : 'active',
    created: r.created,
    modified: r.modified,
  };
}

function parseHarvested(json: string): HarvestedFields | null {
  try {
    const value: unknown = JSON.parse(json);
    if (typeof value !== 'object' || value === null || !('resources' in value)) return null;
    // Written only by saveObjects from a HarvestedFields.
    return value as HarvestedFields;
  } catch {
    return null;
  }
}
