import { type FilterableDoc, matchesFilter } from './evaluate-filter.ts';
import type { FacetField, FilterNode } from './parse-filter.ts';
import { FIELD_WEIGHTS, type WeightedField } from './weights.ts';

/** One dataset as search sees it: visibility, sort keys, normalised fields and facet values. */
export interface IndexedDoc extends FilterableDoc {
  docId: number;
  titleSort: string;
  fields: Readonly<Record<WeightedField, string>>;
}

export type SortField =
  | 'score'
  | 'metadata_modified'
  | 'metadata_created'
  | 'title_string'
  | 'name';

export interface Visibility {
  /** Organizations whose private datasets the caller may see; 'all' for a sysadmin. */
  privateOrgIds: readonly string[] | 'all';
  /** Organizations whose drafts the caller may see; 'all' for a sysadmin. */
  draftOrgIds: readonly string[] | 'all';
  includeDeleted: boolean;
}

export interface IndexQuery {
  /** Normalised words; every one must occur in some field. */
  words: readonly string[];
  /** Datasets whose text matched in the database index (null: no text query). */
  textMatches: ReadonlySet<number> | null;
  filters: readonly FilterNode[];
  visibility: Visibility;
  sort: ReadonlyArray<{ field: SortField; descending: boolean }>;
  rows: number;
  start: number;
  facetFields: readonly FacetField[];
  facetLimit: number;
  facetMinCount: number;
}

export interface IndexResult {
  count: number;
  ids: string[];
  facets: Map<FacetField, Array<{ value: string; count: number }>>;
}

interface Entry {
  doc: IndexedDoc;
  /** Ids of the doc's facet values in the index's value dictionary. */
  facetIds: Int32Array;
}

type Scored = { entry: Entry; score: number };

/**
 * The datasets' search view, held in memory so that filtering, facet counting, ranking and
 * paging over tens of thousands of datasets take a few milliseconds on a small machine. The
 * database stays the source of truth: `repo/search-query.ts` keeps this index in step through
 * a change log. Facet values are interned as integers and the entries are kept in the default
 * order (newest first), so the common queries need neither string maps nor a sort.
 */
export class MemoryIndex {
  readonly #entries = new Map<string, Entry>();
  readonly #valueIds = new Map<string, number>();
  readonly #valueField: string[] = [];
  readonly #valueName: string[] = [];
  #ordered: Entry[] | null = null;

  get size(): number {
    return this.#entries.size;
  }

  upsert(doc: IndexedDoc): void {
    const ids: number[] = [];
    for (const [field, values] of Object.entries(doc.facets)) {
      for (const value of values) ids.push(this.#intern(field, value));
    }
    this.#entries.set(doc.packageId, { doc, facetIds: Int32Array.from(ids) });
    this.#ordered = null;
  }

  remove(packageId: string): void {
    if (this.#entries.delete(packageId)) this.#ordered = null;
  }

  clear(): void {
    this.#entries.clear();
    this.#ordered = null;
  }

  query(q: IndexQuery): IndexResult {
    const matched: Scored[] = [];
    const entries = this.#inDefaultOrder();
    const text = q.textMatches;
    const filtered = q.filters.length > 0;
    const scored = q.words.length > 0;
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i] as Entry; // i < length
      const doc = entry.doc;
      if (text !== null && !text.has(doc.docId)) continue;
      if (!visible(doc, q.visibility)) continue;
      if (filtered && !matchesAll(doc, q.filters)) continue;
      const score = scored ? scoreOf(doc, q.words) : 0;
      if (score < 0) continue;
      matched.push({ entry, score });
    }
    // Entries are already newest first; only another order (or a ranking by score) needs a sort.
    if (!isDefaultOrder(q.sort, q.words.length > 0)) matched.sort(comparator(q.sort));
    const page: string[] = [];
    for (let i = q.start; i < Math.min(matched.length, q.start + q.rows); i++) {
      page.push((matched[i] as Scored).entry.doc.packageId);
    }
    return { count: matched.length, ids: page, facets: this.#countFacets(matched, q) };
  }

  #intern(field: string, value: string): number {
    const key = `${field}\u0000${value}`;
    let id = this.#valueIds.get(key);
    if (id === undefined) {
      id = this.#valueName.length;
      this.#valueIds.set(key, id);
      this.#valueField.push(field);
      this.#valueName.push(value);
    }
    return id;
  }

  #inDefaultOrder(): Entry[] {
    if (!this.#ordered) {
      this.#ordered = [...this.#entries.values()];
      this.#ordered.sort((a, b) => compareDefault(a.doc, b.doc));
    }
    return this.#ordered;
  }

  #countFacets(matched: Scored[], q: IndexQuery): IndexResult['facets'] {
    const out: IndexResult['facets'] = new Map();
    if (q.facetFields.length === 0) return out;
    const counts = new Int32Array(this.#valueName.length);
    for (let i = 0; i < matched.length; i++) {
      const ids = (matched[i] as Scored).entry.facetIds;
      for (let j = 0; j < ids.length; j++)
        counts[ids[j] as number] = (counts[ids[j] as number] ?? 0) + 1;
    }
    for (const field of q.facetFields) {
      const items: Array<{ value: string; count: number }> = [];
      for (let id = 0; id < counts.length; id++) {
        const c = counts[id] ?? 0;
        if (c > 0 && c >= q.facetMinCount && this.#valueField[id] === field) {
          items.push({ value: this.#valueName[id] ?? '', count: c });
        }
      }
      items.sort(
        (a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0),
      );
      out.set(field, q.facetLimit < 0 ? items : items.slice(0, q.facetLimit));
    }
    return out;
  }
}

function matchesAll(doc: IndexedDoc, filters: readonly FilterNode[]): boolean {
  for (const f of filters) if (!matchesFilter(doc, f)) return false;
  return true;
}

function visible(doc: IndexedDoc, v: Visibility): boolean {
  if (doc.private && v.privateOrgIds !== 'all' && v.privateOrgIds.indexOf(doc.ownerOrg) < 0)
    return false;
  if (doc.state === 'active') return true;
  if (doc.state === 'draft')
    return v.draftOrgIds === 'all' || v.draftOrgIds.indexOf(doc.ownerOrg) >= 0;
  return doc.state === 'deleted' && v.includeDeleted;
}

const WEIGHTED = Object.keys(FIELD_WEIGHTS) as WeightedField[];

/** Sum of field weights per word; -1 when a word occurs nowhere (the dataset does not match). */
function scoreOf(doc: IndexedDoc, words: readonly string[]): number {
  let score = 0;
  for (const w of words) {
    let wordScore = 0;
    for (const f of WEIGHTED) if (doc.fields[f].includes(w)) wordScore += FIELD_WEIGHTS[f];
    if (wordScore === 0) return -1;
    score += wordScore;
  }
  return score;
}

/** Newest first, then by id: the order of `score desc, metadata_modified desc` when all scores tie. */
function compareDefault(a: IndexedDoc, b: IndexedDoc): number {
  if (a.modified !== b.modified) return a.modified < b.modified ? 1 : -1;
  return a.packageId < b.packageId ? -1 : a.packageId > b.packageId ? 1 : 0;
}

function isDefaultOrder(sort: IndexQuery['sort'], scored: boolean): boolean {
  const rest = !scored && sort[0]?.field === 'score' ? sort.slice(1) : sort;
  if (rest.length === 0) return !scored;
  return rest.length === 1 && rest[0]?.field === 'metadata_modified' && rest[0].descending === true;
}

function comparator(sort: IndexQuery['sort']): (a: Scored, b: Scored) => number {
  return (a, b) => {
    for (const s of sort) {
      const c = compareBy(a, b, s.field);
      if (c !== 0) return s.descending ? -c : c;
    }
    const x = a.entry.doc.packageId;
    const y = b.entry.doc.packageId;
    return x < y ? -1 : x > y ? 1 : 0;
  };
}

// No closures are created per comparison: tsx wraps every function object it creates with a
// naming helper, which made a 10,000-row sort take hundreds of milliseconds.
function sortKey(s: Scored, field: SortField): string | number {
  switch (field) {
    case 'score':
      return s.score;
    case 'metadata_modified':
      return s.entry.doc.modified;
    case 'metadata_created':
      return s.entry.doc.created;
    case 'title_string':
      return s.entry.doc.titleSort;
    case 'name':
      return s.entry.doc.name;
  }
}

function compareBy(a: Scored, b: Scored, field: SortField): number {
  const x = sortKey(a, field);
  const y = sortKey(b, field);
  return x < y ? -1 : x > y ? 1 : 0;
}
