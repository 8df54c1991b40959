import { Bitset } from './bitset.ts';
import { type FilterableDoc, matchesFilter } from './evaluate-filter.ts';
import { FACET_FIELDS, type FacetField, type FilterNode } from './parse-filter.ts';
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

/** Entries in the default order with bitsets over their positions, rebuilt after changes. */
interface Built {
  entries: Entry[];
  positionOfDoc: Map<number, number>;
  publicActive: Bitset;
  /** Per facet value id: the positions of the entries that have it. */
  valueBits: Array<Bitset | undefined>;
}

/**
 * The datasets' search view, held in memory so that filtering, facet counting, ranking and
 * paging over tens of thousands of datasets take a few milliseconds on a small machine. The
 * database stays the source of truth: `repo/search-query.ts` keeps this index in step through
 * a change log. Entries are kept in the default order (newest first) and every facet value has
 * a bitset of the entries carrying it, so filters and facet counts are word-wide AND/popcount
 * operations, and the common queries need no sort.
 */
export class MemoryIndex {
  readonly #entries = new Map<string, Entry>();
  readonly #valueIds = new Map<string, number>();
  readonly #valueField: string[] = [];
  readonly #valueName: string[] = [];
  #built: Built | null = null;

  get size(): number {
    return this.#entries.size;
  }

  upsert(doc: IndexedDoc): void {
    const ids: number[] = [];
    for (const [field, values] of Object.entries(doc.facets)) {
      for (const value of values) ids.push(this.#intern(field, value));
    }
    this.#entries.set(doc.packageId, { doc, facetIds: Int32Array.from(ids) });
    this.#built = null;
  }

  remove(packageId: string): void {
    if (this.#entries.delete(packageId)) this.#built = null;
  }

  clear(): void {
    this.#entries.clear();
    this.#built = null;
  }

  query(q: IndexQuery): IndexResult {
    const b = this.#build();
    let matched = visibleBits(b, q.visibility);
    for (const f of q.filters) matched = matched.and(filterBits(b, f, this.#valueIds));
    if (q.textMatches) {
      const text = new Bitset(b.entries.length);
      for (const docId of q.textMatches) {
        const pos = b.positionOfDoc.get(docId);
        if (pos !== undefined) text.add(pos);
      }
      matched = matched.and(text);
    }
    let ids: string[];
    let count: number;
    if (q.words.length === 0 && isDefaultOrder(q.sort, false)) {
      count = matched.count();
      ids = matched.slice(q.start, q.rows).map((pos) => (b.entries[pos] as Entry).doc.packageId);
    } else {
      const scored: Scored[] = [];
      const kept = new Bitset(b.entries.length);
      for (const pos of matched.slice(0, Number.MAX_SAFE_INTEGER)) {
        const entry = b.entries[pos] as Entry; // positions come from this build
        const score = scoreOf(entry.doc, q.words);
        if (score < 0) continue;
        scored.push({ entry, score });
        kept.add(pos);
      }
      matched = kept;
      // A stable sort keeps the default order among equals.
      if (!isDefaultOrder(q.sort, q.words.length > 0)) scored.sort(comparator(q.sort));
      count = scored.length;
      ids = scored.slice(q.start, q.start + q.rows).map((x) => x.entry.doc.packageId);
    }
    return { count, ids, facets: this.#countFacets(b, matched, q) };
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

  #build(): Built {
    if (this.#built) return this.#built;
    const entries = [...this.#entries.values()];
    entries.sort((a, b) => compareDefault(a.doc, b.doc));
    const n = entries.length;
    const publicActive = new Bitset(n);
    const valueBits: Array<Bitset | undefined> = [];
    const positionOfDoc = new Map<number, number>();
    for (let pos = 0; pos < n; pos++) {
      const e = entries[pos] as Entry;
      positionOfDoc.set(e.doc.docId, pos);
      if (e.doc.state === 'active' && !e.doc.private) publicActive.add(pos);
      for (const id of e.facetIds) {
        let bits = valueBits[id];
        if (!bits) {
          bits = new Bitset(n);
          valueBits[id] = bits;
        }
        bits.add(pos);
      }
    }
    this.#built = { entries, positionOfDoc, publicActive, valueBits };
    return this.#built;
  }

  #countFacets(b: Built, matched: Bitset, q: IndexQuery): IndexResult['facets'] {
    const out: IndexResult['facets'] = new Map();
    for (const field of q.facetFields) {
      const items: Array<{ value: string; count: number }> = [];
      for (let id = 0; id < this.#valueName.length; id++) {
        const bits = b.valueBits[id];
        if (!bits || this.#valueField[id] !== field) continue;
        const c = bits.countAnd(matched);
        if (c > 0 && c >= q.facetMinCount)
          items.push({ value: this.#valueName[id] ?? '', count: c });
      }
      items.sort(
        (x, y) => y.count - x.count || (x.value < y.value ? -1 : x.value > y.value ? 1 : 0),
      );
      out.set(field, q.facetLimit < 0 ? items : items.slice(0, q.facetLimit));
    }
    return out;
  }
}

function visibleBits(b: Built, v: Visibility): Bitset {
  const simple = v.privateOrgIds !== 'all' && v.privateOrgIds.length === 0;
  if (simple && v.draftOrgIds !== 'all' && v.draftOrgIds.length === 0 && !v.includeDeleted)
    return b.publicActive;
  const out = new Bitset(b.entries.length);
  for (let pos = 0; pos < b.entries.length; pos++)
    if (visible((b.entries[pos] as Entry).doc, v)) out.add(pos);
  return out;
}

const FACET_TERMS: ReadonlySet<string> = new Set(FACET_FIELDS);

/** A filter as a bitset: facet terms read their value's bitset; other terms scan the entries. */
function filterBits(b: Built, node: FilterNode, valueIds: ReadonlyMap<string, number>): Bitset {
  const n = b.entries.length;
  switch (node.kind) {
    case 'and': {
      let acc = Bitset.full(n);
      for (const c of node.children) acc = acc.and(filterBits(b, c, valueIds));
      return acc;
    }
    case 'or': {
      let acc = new Bitset(n);
      for (const c of node.children) acc = acc.or(filterBits(b, c, valueIds));
      return acc;
    }
    case 'not':
      return filterBits(b, node.child, valueIds).not();
    case 'term':
      if (FACET_TERMS.has(node.field)) {
        const id = valueIds.get(`${node.field}\u0000${node.value}`);
        return (id === undefined ? undefined : b.valueBits[id]) ?? new Bitset(n);
      }
      return scanBits(b, node);
    case 'range':
      return scanBits(b, node);
  }
}

function scanBits(b: Built, node: FilterNode): Bitset {
  const out = new Bitset(b.entries.length);
  for (let pos = 0; pos < b.entries.length; pos++) {
    if (matchesFilter((b.entries[pos] as Entry).doc, node)) out.add(pos);
  }
  return out;
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
