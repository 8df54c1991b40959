import { type Database, withTransaction } from '../db/index.ts';
import { allPackageIds } from './repo/packages.ts';
import { reindexPackages } from './repo/search-index.ts';

/** Rebuilds the search index of every dataset (after a normalisation change); one transaction. */
export async function reindexAll(db: Database): Promise<number> {
  return withTransaction(db, async (tx) => {
    const ids = await allPackageIds(tx);
    for (let i = 0; i < ids.length; i += 200) await reindexPackages(tx, ids.slice(i, i + 200));
    return ids.length;
  });
}
