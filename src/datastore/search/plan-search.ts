import { invalid } from '../../core/errors.ts';
import type { TableMeta } from '../fields/field-def.ts';
import type { FieldType } from '../fields/field-types.ts';
import { queryWords } from '../fields/full-text.ts';
import type { SearchInput } from '../schema.ts';
import { type FilterNode, parseFilters } from './parse-filters.ts';

/** A column of the result: the row id, a field, or a full-text rank (CKAN's `rank`, `rank <f>`). */
export type OutputColumn =
  | { readonly kind: 'id'; readonly id: '_id' }
  | { readonly kind: 'field'; readonly id: string; readonly type: FieldType }
  | { readonly kind: 'rank'; readonly id: string; readonly match: TextMatch };

/** Words that must all occur in the row (`field` null) or in one field (its column position). */
export interface TextMatch {
  readonly words: readonly string[];
  readonly fieldIndex: number | null;
}

/** One ORDER BY key. */
export interface SortKey {
  readonly column: OutputColumn;
  readonly desc: boolean;
}

/** Everything the repo needs to run a datastore_search, checked against the table. */
export interface SearchPlan {
  readonly columns: readonly OutputColumn[];
  readonly filter: FilterNode | null;
  readonly text: readonly TextMatch[];
  readonly sort: readonly SortKey[];
  readonly distinct: boolean;
  readonly limit: number;
  readonly offset: number;
}

const ID_COLUMN: OutputColumn = { kind: 'id', id: '_id' };

/**
 * Checks a datastore_search request against the table and turns it into a plan. Names in
 * `fields`, `sort`, `filters` and `q` are matched against the table's columns and never reach SQL
 * otherwise. Default order: by rank when there is a `q`, else by `_id`; `_id` breaks ties so that
 * pages never overlap.
 * @throws AppError validation naming the parameter at fault.
 */
export function planSearch(meta: TableMeta, input: SearchInput, maxLimit: number): SearchPlan {
  const text = textMatches(meta, input);
  const ranks: OutputColumn[] = text.map((match) => ({
    kind: 'rank',
    id: match.fieldIndex === null ? 'rank' : `rank ${meta.fields[match.fieldIndex]?.id ?? ''}`,
    match,
  }));
  const available = new Map<string, OutputColumn>([['_id', ID_COLUMN]]);
  for (const f of meta.fields) available.set(f.id, { kind: 'field', id: f.id, type: f.type });
  for (const r of ranks) if (!available.has(r.id)) available.set(r.id, r);

  const columns = input.fields
    ? pick(input.fields.map(unquote), available, 'fields')
    : [...available.values()];
  const types = new Map<string, FieldType>([['_id', 'int8']]);
  for (const f of meta.fields) types.set(f.id, f.type);
  const filter = parseFilters(input.filters, types);
  const sort = sortKeys(input, available, ranks, columns);
  return {
    columns,
    filter,
    text,
    sort,
    distinct: input.distinct,
    limit: Math.min(input.limit ?? 100, maxLimit),
    offset: input.offset,
  };
}

function textMatches(meta: TableMeta, input: SearchInput): TextMatch[] {
  const out: TextMatch[] = [];
  const all = [typeof input.q === 'string' ? input.q : '', input.full_text ?? ''].join(' ');
  const words = queryWords(all);
  if (words.length > 0) out.push({ words, fieldIndex: null });
  if (input.q !== undefined && typeof input.q !== 'string') {
    const problems: string[] = [];
    for (const [field, q] of Object.entries(input.q)) {
      const index = meta.fields.findIndex((f) => f.id === field);
      if (index < 0) problems.push(`invalid value "${field}"`);
      const fieldWords = queryWords(q);
      if (index >= 0 && fieldWords.length > 0) out.push({ words: fieldWords, fieldIndex: index });
    }
    if (problems.length > 0) throw invalid({ q: problems });
  }
  return out;
}

function pick(
  names: readonly string[],
  available: ReadonlyMap<string, OutputColumn>,
  param: string,
): OutputColumn[] {
  const bad = names.filter((n) => !available.has(n));
  if (bad.length > 0) throw invalid({ [param]: bad.map((n) => `invalid value "${n}"`) });
  return [...new Set(names)].flatMap((n) => {
    const column = available.get(n);
    return column ? [column] : [];
  });
}

const SORT_CLAUSE = /^\s*(?:"([^"]+)"|(.+?))(?:\s+(asc|desc))?\s*$/i;

function sortKeys(
  input: SearchInput,
  available: ReadonlyMap<string, OutputColumn>,
  ranks: readonly OutputColumn[],
  columns: readonly OutputColumn[],
): SortKey[] {
  let keys: SortKey[];
  if (input.sort && input.sort.length > 0) {
    const problems: string[] = [];
    keys = [];
    for (const clause of input.sort) {
      const m = SORT_CLAUSE.exec(clause);
      const name = m?.[1] ?? m?.[2] ?? '';
      const column = available.get(name);
      if (!column) problems.push(`invalid value "${clause.trim()}"`);
      else keys.push({ column, desc: (m?.[3] ?? '').toLowerCase() === 'desc' });
    }
    if (problems.length > 0) throw invalid({ sort: problems });
  } else {
    keys = ranks.map((column) => ({ column, desc: true }));
  }
  if (input.distinct) {
    const selected = new Set(columns.map((c) => c.id));
    const outside = keys.filter((k) => !selected.has(k.column.id));
    if (outside.length > 0) {
      throw invalid({
        sort: outside.map((k) => `"${k.column.id}": with distinct, sort only by returned fields`),
      });
    }
    return keys;
  }
  if (!keys.some((k) => k.column.kind === 'id')) keys.push({ column: ID_COLUMN, desc: false });
  return keys;
}

/** CKAN strips surrounding double quotes from names in `fields` (`"name"` → name). */
function unquote(name: string): string {
  const s = name.trim();
  return s.length >= 2 && s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1) : s;
}
