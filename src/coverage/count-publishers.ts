import type { Database } from '../db/index.ts';
import { isConformingLevel } from './build-matrix.ts';
import { computeCoverage } from './compute-coverage.ts';

/** Municipalities publishing standard datasets: overall and per schema. */
export interface StandardPublisherCounts {
  /** Municipalities publishing at least one standard dataset (in the asked form). */
  municipalities: number;
  /** Per schema id, municipalities publishing it (only schemas with at least one). */
  bySchema: Record<string, number>;
}

/**
 * Counts the municipalities of a prefecture (its code's first two digits, the prefecture itself
 * excluded) publishing each standard dataset; with `conformingOnly`, only in conforming form
 * (conforming or conforming_with_warnings).
 */
export async function countStandardPublishers(
  db: Database,
  prefectureCode: string,
  conformingOnly: boolean,
): Promise<StandardPublisherCounts> {
  const m = await computeCoverage(db);
  const prefix = prefectureCode.slice(0, 2);
  const publishing = new Set<string>();
  const bySchema: Record<string, number> = {};
  for (const c of m.cells) {
    if (!c.published || !c.publisher.startsWith(prefix) || c.publisher === prefectureCode) continue;
    if (conformingOnly && !isConformingLevel(c.conformance)) continue;
    publishing.add(c.publisher);
    bySchema[c.schema] = (bySchema[c.schema] ?? 0) + 1;
  }
  return { municipalities: publishing.size, bySchema };
}
