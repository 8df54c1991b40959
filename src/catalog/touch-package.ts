import type { Database } from '../db/index.ts';
import { updatePackage } from './repo/packages.ts';
import { reindexPackages } from './repo/search-index.ts';

/**
 * Marks a dataset changed at `now` (its metadata_modified) and refreshes its search entry, in the
 * caller's transaction, as the catalog's own writes do: for changes made outside the catalog,
 * such as rows written to a resource's datastore table (CKAN bumps the dataset through
 * resource_patch when the datastore changes).
 */
export async function touchPackage(db: Database, packageId: string, now: string): Promise<void> {
  await updatePackage(db, packageId, { metadata_modified: now });
  await reindexPackages(db, [packageId]);
}
