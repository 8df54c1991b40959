import { type Database, withTransaction } from '../db/index.ts';
import { allPackageIds } from './repo/packages.ts';
import { findResource } from './repo/resources.ts';
import { reindexPackages } from './repo/search-index.ts';

/** Rebuilds the search index of every dataset (after a normalisation change); one transaction. */
export async function reindexAll(db: Database): Promise<number> {
  return withTransaction(db, async (tx) => {
    const ids = await allPackageIds(tx);
    for (let i = 0; i < ids.length; i += 200) await reindexPackages(tx, ids.slice(i, i + 200));
    return ids.length;
  });
}

/**
 * Refreshes the search entry of a resource's dataset without changing the dataset, for changes
 * the catalog does not write itself: an ingest recording a new loaded version changes the
 * dataset's standard-dataset facets (s5_schema, s5_conformance). A resource that no longer
 * exists is nothing to do.
 */
export async function reindexPackageOfResource(db: Database, resourceId: string): Promise<void> {
  await withTransaction(db, async (tx) => {
    const resource = await findResource(tx, resourceId);
    if (resource) await reindexPackages(tx, [resource.package_id]);
  });
}
