import type { StandardSchema } from '../schema-format.ts';
import { DistanceMemo, misspellingLimit, normalizeName, stripNumbering } from './compare-names.ts';

/** How a file column was matched to a schema field. */
export type MatchKind =
  | 'exact'
  | 'normalized'
  | 'numbered'
  | 'alias'
  | 'misspelled'
  | 'duplicate'
  | 'unknown';

/** One file column and the schema field it maps to (`field: null` when unknown). */
export interface ColumnMatch {
  /** 0-based column index in the file. */
  index: number;
  /** The header cell as written in the file. */
  header: string;
  field: string | null;
  kind: MatchKind;
  /** 0..1; how sure the match is. */
  score: number;
  /** For misspellings: the edit distance to the name that matched. */
  distance?: number;
  /** True when renaming the header to the field name is a certain fix. */
  certain: boolean;
}

/** The best mapping of a header onto one schema. */
export interface SchemaMatch {
  schema: StandardSchema;
  /** 0..1, see `scoreMatches`. */
  confidence: number;
  columns: ColumnMatch[];
  /** Schema fields no column maps to, in schema order. */
  missing: string[];
}

const SCORE: Record<Exclude<MatchKind, 'misspelled' | 'duplicate' | 'unknown'>, number> = {
  exact: 1,
  normalized: 0.97,
  numbered: 0.95,
  alias: 0.9,
};

interface Candidate {
  column: number;
  field: number;
  kind: MatchKind;
  score: number;
  distance?: number;
  certain: boolean;
}

interface FieldName {
  field: number;
  normalized: string;
  alias: boolean;
}

const namesCache = new WeakMap<StandardSchema, FieldName[]>();

function namesOf(schema: StandardSchema): FieldName[] {
  let names = namesCache.get(schema);
  if (!names) {
    names = schema.fields.flatMap((f, field) => [
      { field, normalized: normalizeName(f.name), alias: false },
      ...f.s5.aliases.map((a) => ({ field, normalized: normalizeName(a), alias: true })),
    ]);
    namesCache.set(schema, names);
  }
  return names;
}

function candidatesFor(
  header: string,
  column: number,
  schema: StandardSchema,
  memo: DistanceMemo,
): Candidate[] {
  const names = namesOf(schema);
  const raw = header.replace(/^\uFEFF/, '').trim();
  const normalized = normalizeName(raw);
  if (normalized === '') return [];
  const found: Candidate[] = [];
  schema.fields.forEach((f, field) => {
    if (f.name === raw)
      found.push({ column, field, kind: 'exact', score: SCORE.exact, certain: true });
  });
  if (found.length > 0) return found;
  const forms: Array<[string, 'normalized' | 'numbered']> = [[normalized, 'normalized']];
  const unnumbered = stripNumbering(normalized);
  if (unnumbered) forms.push([unnumbered, 'numbered']);
  for (const [form, kind] of forms) {
    for (const n of names) {
      if (n.normalized !== form) continue;
      const k = n.alias ? 'alias' : kind;
      found.push({ column, field: n.field, kind: k, score: SCORE[k], certain: true });
    }
    if (found.length > 0) return uniqueOrUncertain(found);
  }
  return misspellings(unnumbered ?? normalized, column, names, memo);
}

function misspellings(
  form: string,
  column: number,
  names: FieldName[],
  memo: DistanceMemo,
): Candidate[] {
  const limit = misspellingLimit(form);
  if (limit === 0) return [];
  const best = new Map<number, number>();
  for (const n of names) {
    if (misspellingLimit(n.normalized) === 0) continue;
    const d = memo.distance(form, n.normalized, limit);
    if (d <= limit && d < (best.get(n.field) ?? Number.POSITIVE_INFINITY)) best.set(n.field, d);
  }
  const ranked = [...best.entries()].sort((a, b) => a[1] - b[1]);
  const first = ranked[0];
  if (!first) return [];
  const second = ranked[1];
  // A rename is certain only when no other field is nearly as close.
  const certain = second === undefined || second[1] >= first[1] + 2;
  return ranked.map(([field, distance]) => ({
    column,
    field,
    kind: 'misspelled' as const,
    score: 0.85 - 0.1 * (distance - 1),
    distance,
    certain: certain && field === first[0],
  }));
}

function uniqueOrUncertain(found: Candidate[]): Candidate[] {
  const fields = new Set(found.map((c) => c.field));
  if (fields.size === 1) return found.slice(0, 1);
  return found.map((c) => ({ ...c, certain: false }));
}

/**
 * Maps a header row onto one schema: every column to at most one field, each field at most once.
 * The confidence is left at 0: `scoreMatches` sets it once every schema has been matched.
 */
export function matchSchema(
  header: readonly string[],
  schema: StandardSchema,
  memo: DistanceMemo = new DistanceMemo(),
): SchemaMatch {
  const candidates = header.flatMap((h, i) => candidatesFor(h, i, schema, memo));
  // Best score first; among equals, the field whose position is nearest to the column.
  candidates.sort(
    (a, b) => b.score - a.score || Math.abs(a.column - a.field) - Math.abs(b.column - b.field),
  );
  const byColumn = new Map<number, Candidate>();
  const taken = new Set<number>();
  for (const c of candidates) {
    if (byColumn.has(c.column) || taken.has(c.field)) continue;
    byColumn.set(c.column, c);
    taken.add(c.field);
  }
  const columns = header.map((h, index) =>
    toColumn(h, index, byColumn.get(index), schema, candidates),
  );
  const missing = schema.fields.filter((_, i) => !taken.has(i)).map((f) => f.name);
  return { schema, confidence: 0, columns, missing };
}

function toColumn(
  header: string,
  index: number,
  chosen: Candidate | undefined,
  schema: StandardSchema,
  all: Candidate[],
): ColumnMatch {
  if (!chosen) {
    const lostToAnother = all.some((c) => c.column === index && c.kind !== 'misspelled');
    return {
      index,
      header,
      field: null,
      kind: lostToAnother ? 'duplicate' : 'unknown',
      score: 0,
      certain: false,
    };
  }
  const field = schema.fields[chosen.field];
  return {
    index,
    header,
    field: field ? field.name : null,
    kind: chosen.kind,
    score: chosen.score,
    ...(chosen.distance === undefined ? {} : { distance: chosen.distance }),
    certain: chosen.certain,
  };
}
