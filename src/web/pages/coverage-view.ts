import type { CoverageMatrix } from '../action-results.ts';

export type Generation = 'all' | 'current' | 'legacy';

/** A column of the displayed matrix: one standard dataset, maybe in both format generations. */
export interface CoverageColumn {
  key: string;
  title: { ja: string; en: string };
  schemaIds: string[];
}

export interface CoverageRowCell {
  level: string;
  rowCount: number | null;
  datasetIds: string[];
}

export interface CoverageRow {
  publisher: CoverageMatrix['publishers'][number];
  cells: CoverageRowCell[];
}

/** The displayed matrix: columns, one row per publisher, and per column how many publish. */
export interface CoverageView {
  columns: CoverageColumn[];
  rows: CoverageRow[];
  publishing: number[];
}

const RANK = ['conforming', 'conforming_with_warnings', 'nonconforming', 'unreadable'];
const rank = (level: string) => (RANK.includes(level) ? RANK.indexOf(level) : RANK.length);

/** `a08-aed` and `r01-aed` are the same dataset in two generations: both have the slug `aed`. */
export function slugOf(schemaId: string): string {
  return schemaId.replace(/^[a-z]\d+-/, '');
}

/**
 * Turns s5_coverage's cells into a table. With `all`, the current and legacy schemas of one
 * dataset share a column and a cell shows the better of the two; otherwise only that
 * generation's schemas are columns. Pure: values in, values out.
 */
export function coverageView(matrix: CoverageMatrix, generation: Generation): CoverageView {
  const columns: CoverageColumn[] = [];
  const byKey = new Map<string, CoverageColumn>();
  const schemas = [...matrix.schemas]
    .filter((s) => generation === 'all' || s.generation === generation)
    // Current schemas first, so a merged column takes the current title.
    .sort((a, b) => (a.generation === b.generation ? 0 : a.generation === 'current' ? -1 : 1));
  for (const s of schemas) {
    const key = generation === 'all' ? slugOf(s.id) : s.id;
    const found = byKey.get(key);
    if (found) found.schemaIds.push(s.id);
    else {
      const column = { key, title: s.title, schemaIds: [s.id] };
      byKey.set(key, column);
      columns.push(column);
    }
  }
  const columnOf = new Map<string, number>();
  columns.forEach((c, i) => {
    for (const id of c.schemaIds) columnOf.set(id, i);
  });
  const rowOf = new Map<string, CoverageRow>();
  const rows = matrix.publishers.map((publisher) => {
    const row: CoverageRow = {
      publisher,
      cells: columns.map(() => ({ level: 'missing', rowCount: null, datasetIds: [] })),
    };
    rowOf.set(publisher.code, row);
    return row;
  });
  for (const cell of matrix.cells) {
    const i = columnOf.get(cell.schema);
    const row = rowOf.get(cell.publisher);
    const target = i === undefined ? undefined : row?.cells[i];
    if (!target || !cell.published) continue;
    const level = cell.conformance ?? 'nonstandard';
    if (target.level === 'missing' || rank(level) < rank(target.level)) {
      target.level = level;
      target.rowCount = cell.row_count ?? null;
    }
    target.datasetIds = [...new Set([...target.datasetIds, ...(cell.dataset_ids ?? [])])];
  }
  const publishing = columns.map(
    (_, i) => rows.filter((r) => (r.cells[i]?.level ?? 'missing') !== 'missing').length,
  );
  return { columns, rows, publishing };
}
