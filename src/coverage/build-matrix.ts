import type { LoadedVersionRow, PublisherRow } from './repo.ts';

/** A schema column of the matrix. */
export interface CoverageSchema {
  id: string;
  title: { ja: string; en: string };
  generation: 'current' | 'legacy';
}

/** A publisher row of the matrix (the prefecture or a municipality). */
export interface CoveragePublisher {
  id: string;
  name: string;
  title: string;
  code: string;
  region: string | null;
}

/** One publisher × schema cell; an unpublished cell carries only `published: false`. */
export interface CoverageCell {
  publisher: string;
  schema: string;
  published: boolean;
  conformance?: string;
  row_count?: number | null;
  last_updated?: string;
  resource_ids?: string[];
  dataset_ids?: string[];
}

/** The coverage matrix: schemas (columns), publishers (rows) and every cell, row by row. */
export interface CoverageMatrix {
  schemas: CoverageSchema[];
  publishers: CoveragePublisher[];
  cells: CoverageCell[];
}

/** Best first: the conformance a cell reports is the best of its resources. */
const RANK = ['conforming', 'conforming_with_warnings', 'nonconforming', 'unreadable'];
const rankOf = (c: string) => {
  const i = RANK.indexOf(c);
  return i === -1 ? RANK.length : i;
};

/** True for the two levels the plan counts as 準拠 (conforming form). */
export function isConformingLevel(conformance: string | undefined): boolean {
  return conformance === 'conforming' || conformance === 'conforming_with_warnings';
}

/**
 * Builds the matrix from publishers, schemas and the latest loaded versions: a cell takes the
 * best conformance of its resources, that resource's row count (the newest on a tie) and the
 * newest load time. Pure: values in, values out.
 */
export function buildMatrix(
  publishers: readonly PublisherRow[],
  schemas: readonly CoverageSchema[],
  versions: readonly LoadedVersionRow[],
): CoverageMatrix {
  const byCell = new Map<string, LoadedVersionRow[]>();
  for (const v of versions) {
    const key = `${v.ownerOrg}\u0000${v.schemaId}`;
    const list = byCell.get(key);
    if (list) list.push(v);
    else byCell.set(key, [v]);
  }
  const cells: CoverageCell[] = [];
  for (const p of publishers) {
    for (const s of schemas) {
      const found = byCell.get(`${p.id}\u0000${s.id}`);
      if (!found) {
        cells.push({ publisher: p.code, schema: s.id, published: false });
        continue;
      }
      const sorted = [...found].sort(
        (a, b) =>
          rankOf(a.conformance) - rankOf(b.conformance) || b.created.localeCompare(a.created),
      );
      const best = sorted[0];
      if (!best) continue;
      cells.push({
        publisher: p.code,
        schema: s.id,
        published: true,
        conformance: best.conformance,
        row_count: best.rowCount,
        last_updated:
          found
            .map((v) => v.created)
            .sort()
            .at(-1) ?? best.created,
        resource_ids: found.map((v) => v.resourceId).sort(),
        dataset_ids: [...new Set(found.map((v) => v.packageId))].sort(),
      });
    }
  }
  return {
    schemas: [...schemas],
    publishers: publishers.map((p) => ({ ...p })),
    cells,
  };
}
