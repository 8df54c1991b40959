import type { Database } from '../db/index.ts';
import { getSchema, listSchemas } from '../schemas/index.ts';
import { buildMatrix, type CoverageMatrix, type CoverageSchema } from './build-matrix.ts';
import { listLatestLoadedVersions, listPublishers } from './repo.ts';

/** What the matrix is narrowed to; every filter is optional. */
export interface CoverageFilter {
  /** A schema id, number or slug (`r01-aed`, `a08`, `aed`). */
  schema?: string;
  /** An organization name, id or 全国地方公共団体コード. */
  organization?: string;
  /** A region group name, e.g. `tokachi`. */
  region?: string;
  generation?: 'current' | 'legacy';
}

/**
 * Computes the coverage matrix over public, active data.
 * @throws AppError not_found for an unknown schema.
 */
export async function computeCoverage(
  db: Database,
  filter: CoverageFilter = {},
): Promise<CoverageMatrix> {
  const chosen = filter.schema === undefined ? listSchemas() : [getSchema(filter.schema)];
  const schemas: CoverageSchema[] = chosen
    .filter((s) => filter.generation === undefined || s.s5.generation === filter.generation)
    .map((s) => ({ id: s.s5.id, title: s.s5.title, generation: s.s5.generation }));
  const publishers = await listPublishers(db, filter);
  const versions = await listLatestLoadedVersions(db);
  return buildMatrix(publishers, schemas, versions);
}
