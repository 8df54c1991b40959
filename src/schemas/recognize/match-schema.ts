import type { StandardSchema } from '../schema-format.ts';
import {
  charSignature,
  DistanceMemo,
  editLowerBound,
  misspellingLimit,
  normalizeName,
  stripNumbering,
} from './compare-names.ts';

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
  /** `charSignature(normalized)`. */
  signature: number;
}

/** A schema's item names, looked up by exact and by normalised name. */
interface NameIndex {
  names: FieldName[];
  /** Item name as written → its fields, in schema order. */
  exact: Map<string, number[]>;
  /** Normalised name or alias → its entries, in the order of `names`. */
  normalized: Map<string, FieldName[]>;
  /** Names that can be misspelt (`misspellingLimit` > 0) by length, with their place in `names`. */
  byLength: Map<number, NearName[]>;
}

interface NearName {
  order: number;
  name: FieldName;
}

const indexCache = new WeakMap<StandardSchema, NameIndex>();

function indexOf(schema: StandardSchema): NameIndex {
  let index = indexCache.get(schema);
  if (!index) {
    const names = schema.fields.flatMap((f, field) => [
      nameOf(field, f.name, false),
      ...f.s5.aliases.map((a) => nameOf(field, a, true)),
    ]);
    const exact = new Map<string, number[]>();
    schema.fields.forEach((f, field) => {
      exact.set(f.name, [...(exact.get(f.name) ?? []), field]);
    });
    const normalized = new Map<string, FieldName[]>();
    const byLength = new Map<number, NearName[]>();
    names.forEach((name, order) => {
      normalized.set(name.normalized, [...(normalized.get(name.normalized) ?? []), name]);
      const length = name.normalized.length;
      if (misspellingLimit(name.normalized) > 0)
        byLength.set(length, [...(byLength.get(length) ?? []), { order, name }]);
    });
    index = { names, exact, normalized, byLength };
    indexCache.set(schema, index);
  }
  return index;
}

function nameOf(field: number, name: string, alias: boolean): FieldName {
  const normalized = normalizeName(name);
  return { field, normalized, alias, signature: charSignature(normalized) };
}

function candidatesFor(
  header: string,
  column: number,
  schema: StandardSchema,
  memo: DistanceMemo,
): Candidate[] {
  const index = indexOf(schema);
  const raw = header.replace(/^\uFEFF/, '').trim();
  const normalized = normalizeName(raw);
  if (normalized === '') return [];
  const exact = index.exact.get(raw);
  if (exact !== undefined)
    return exact.map((field) => ({
      column,
      field,
      kind: 'exact',
      score: SCORE.exact,
      certain: true,
    }));
  const forms: Array<[string, 'normalized' | 'numbered']> = [[normalized, 'normalized']];
  const unnumbered = stripNumbering(normalized);
  if (unnumbered) forms.push([unnumbered, 'numbered']);
  for (const [form, kind] of forms) {
    const found: Candidate[] = [];
    for (const n of index.normalized.get(form) ?? []) {
      const k = n.alias ? 'alias' : kind;
      found.push({ column, field: n.field, kind: k, score: SCORE[k], certain: true });
    }
    if (found.length > 0) return uniqueOrUncertain(found);
  }
  return misspellings(unnumbered ?? normalized, column, index, memo);
}

function misspellings(
  form: string,
  column: number,
  index: NameIndex,
  memo: DistanceMemo,
): Candidate[] {
  const limit = misspellingLimit(form);
  if (limit === 0) return [];
  // Only names within `limit` of the form's length can be within `limit` edits, and most of those
  // share too few characters with it; the rest are taken in schema order, as ties rank by it.
  const signature = charSignature(form);
  const near: NearName[] = [];
  for (let length = form.length - limit; length <= form.length + limit; length++)
    for (const entry of index.byLength.get(length) ?? [])
      if (editLowerBound(signature, entry.name.signature) <= limit) near.push(entry);
  near.sort((a, b) => a.order - b.order);
  const best = new Map<number, number>();
  for (const { name: n } of near) {
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
