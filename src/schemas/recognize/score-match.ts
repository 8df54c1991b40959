import type { StandardSchema } from '../schema-format.ts';
import { normalizeName } from './compare-names.ts';
import type { SchemaMatch } from './match-schema.ts';

const LEVEL_WEIGHT = { required: 3, recommended: 2, optional: 1 } as const;
// Weight of a column that no schema knows: neutral between schemas, like the commonest item. Local
// extension columns (焼津市 観光施設一覧 adds 19) thus lower the confidence only a little.
const UNKNOWN_COLUMN_WEIGHT = 1;

/**
 * Sets the confidence of each match (0..1): the harmonic mean of the field coverage (each field
 * weighted by 区分 × idf², idf = how distinctive its name is across all schemas) and of the share
 * of the file's columns mapped (each column weighted by its idf). A generic facility list thus
 * scores low against every small schema whose distinctive items (SSID, 診療科目…) it lacks.
 */
export function scoreMatches(matches: SchemaMatch[], universe: readonly StandardSchema[]): void {
  const idf = distinctiveness(universe);
  const columnWeight = new Map<number, number>();
  for (const match of matches) {
    for (const column of match.columns) {
      if (!column.field) continue;
      const weight = idf(column.field);
      columnWeight.set(column.index, Math.max(columnWeight.get(column.index) ?? 0, weight));
    }
  }
  for (const match of matches) {
    let total = 0;
    let covered = 0;
    const scoreOf = new Map(match.columns.map((c) => [c.field, c.score]));
    for (const field of match.schema.fields) {
      const weight = LEVEL_WEIGHT[field.s5.level] * idf(field.name) ** 2;
      total += weight;
      covered += weight * (scoreOf.get(field.name) ?? 0);
    }
    let columnsTotal = 0;
    let columnsMapped = 0;
    for (const column of match.columns) {
      if (normalizeName(column.header) === '') continue;
      const weight = columnWeight.get(column.index) ?? UNKNOWN_COLUMN_WEIGHT;
      columnsTotal += weight;
      columnsMapped += weight * column.score;
    }
    const recall = total === 0 ? 0 : covered / total;
    const precision = columnsTotal === 0 ? 0 : columnsMapped / columnsTotal;
    match.confidence =
      precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  }
}

const idfCache = new WeakMap<readonly StandardSchema[], (name: string) => number>();

/**
 * Inverse document frequency of each item name over the schemas: `名称` or `備考` (in almost
 * every dataset) says little about which dataset a file is; `SSID` or `災害種別_津波` says much.
 */
function distinctiveness(schemas: readonly StandardSchema[]): (name: string) => number {
  const cached = idfCache.get(schemas);
  if (cached) return cached;
  const count = new Map<string, number>();
  for (const s of schemas) {
    for (const name of new Set(s.fields.map((f) => normalizeName(f.name))))
      count.set(name, (count.get(name) ?? 0) + 1);
  }
  const idf = (name: string) =>
    Math.log(1 + schemas.length / (count.get(normalizeName(name)) ?? 1));
  idfCache.set(schemas, idf);
  return idf;
}
