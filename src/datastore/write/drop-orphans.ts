import type { Database } from '../../db/index.ts';
import { dropPhysicalTable } from '../repo/table-ddl.ts';
import { orphanTables, removeTable } from '../repo/table-registry.ts';

/**
 * Drops the datastore tables of resources that are gone (deleted, removed from their dataset, or
 * in a deleted dataset), in the caller's transaction: CKAN drops a resource's table with the
 * resource. resource_delete and package_delete call it in their own transaction, so a table is
 * never left behind a committed delete; any table orphaned another way (package_update dropping
 * a resource) goes at the next call. @returns the resource ids whose tables were dropped.
 */
export async function dropOrphanTables(db: Database, now: string): Promise<string[]> {
  const dropped: string[] = [];
  for (const meta of await orphanTables(db)) {
    await dropPhysicalTable(db, meta.tableName);
    await removeTable(db, meta.resourceId, now);
    dropped.push(meta.resourceId);
  }
  return dropped;
}
