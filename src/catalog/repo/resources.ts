import type { Insertable } from 'kysely';
import type { Database } from '../../db/index.ts';
import type { ResourceTable } from '../../db/tables.ts';
import type { ResourceRow } from './packages.ts';

export async function findResource(db: Database, id: string): Promise<ResourceRow | undefined> {
  return db.kysely.selectFrom('resource').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertResource(db: Database, row: Insertable<ResourceTable>): Promise<void> {
  await db.kysely.insertInto('resource').values(row).execute();
}

export async function updateResource(
  db: Database,
  id: string,
  changes: Partial<Insertable<ResourceTable>>,
): Promise<void> {
  await db.kysely.updateTable('resource').set(changes).where('id', '=', id).execute();
}

/** Active resources of a dataset in position order. */
export async function activeResources(db: Database, packageId: string): Promise<ResourceRow[]> {
  return db.kysely
    .selectFrom('resource')
    .selectAll()
    .where('package_id', '=', packageId)
    .where('state', '=', 'active')
    .orderBy('position')
    .execute();
}

/** Removes every resource of a dataset that is not in `keepIds` (package_update replaces the list). */
export async function deleteResourcesExcept(
  db: Database,
  packageId: string,
  keepIds: readonly string[],
) {
  let q = db.kysely.deleteFrom('resource').where('package_id', '=', packageId);
  if (keepIds.length > 0) q = q.where('id', 'not in', [...keepIds]);
  await q.execute();
}
