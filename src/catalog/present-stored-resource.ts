import type { Database } from '../db/index.ts';
import { presentResource } from './present/present-package.ts';
import type { ResourceRow } from './repo/packages.ts';
import { latestLoadedStandards } from './repo/resource-standards.ts';

/** A stored resource as its CKAN dict, with the standard of its latest loaded version. */
export async function presentStoredResource(db: Database, row: ResourceRow) {
  const standards = await latestLoadedStandards(db, [row.id]);
  return presentResource(row, standards.get(row.id));
}
