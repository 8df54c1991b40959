import { type Kysely, sql } from 'kysely';
import { AppError } from '../../core/errors.ts';
import { type Database, toBool } from '../../db/index.ts';
import type { Tables } from '../../db/tables.ts';
import { fts5Query, queryBigrams } from '../search/grams.ts';
import {
  type IndexQuery,
  type IndexResult,
  type IndexedDoc,
  MemoryIndex,
} from '../search/memory-index.ts';

export type { SortField, Visibility as SearchVisibility } from '../search/memory-index.ts';

export type SearchParams = Omit<IndexQuery, 'textMatches'>;

/** Above this many changed datasets since the last look, reloading everything is cheaper. */
const FULL_RELOAD_AT = 2000;

interface IndexState {
  index: MemoryIndex;
  lastSeq: number;
  syncing: Promise<void> | null;
}

// One in-memory index per database handle (per platform); the database is the source of truth.
const states = new WeakMap<Kysely<Tables>, IndexState>();

/**
 * Runs a dataset search: the database's text index finds the datasets containing every word
 * (FTS5 on SQLite, a GIN gram index on PostgreSQL); the in-memory index applies visibility,
 * filters, ranking, paging and facet counts.
 * @throws AppError internal when called inside a transaction (the shared index must only ever
 *   see committed data).
 */
export async function searchPackages(db: Database, params: SearchParams): Promise<IndexResult> {
  const index = await syncedIndex(db);
  const textMatches = await matchText(db, params.words);
  return index.query({ ...params, textMatches });
}

async function syncedIndex(db: Database): Promise<MemoryIndex> {
  if (db.kysely.isTransaction) {
    throw new AppError('internal', 'package search must not run inside a transaction');
  }
  let state = states.get(db.kysely);
  if (!state) {
    state = { index: new MemoryIndex(), lastSeq: -1, syncing: null };
    states.set(db.kysely, state);
  }
  // Concurrent searches share one sync instead of each reloading.
  while (state.syncing) await state.syncing;
  const s = state;
  s.syncing = sync(db, s).finally(() => {
    s.syncing = null;
  });
  await s.syncing;
  return s.index;
}

async function sync(db: Database, state: IndexState): Promise<void> {
  const bounds = await db.kysely
    .selectFrom('search_change')
    .select((eb) => [eb.fn.max('seq').as('max'), eb.fn.min('seq').as('min')])
    .executeTakeFirstOrThrow();
  const max = Number(bounds.max ?? 0);
  const min = Number(bounds.min ?? 0);
  if (state.lastSeq === max && state.lastSeq >= 0) return;
  const changed =
    state.lastSeq < 0 || state.lastSeq < min - 1
      ? null
      : (
          await db.kysely
            .selectFrom('search_change')
            .select('package_id')
            .distinct()
            .where('seq', '>', state.lastSeq)
            .limit(FULL_RELOAD_AT + 1)
            .execute()
        ).map((r) => r.package_id);
  if (changed === null || changed.length > FULL_RELOAD_AT) {
    state.index.clear();
    for (const doc of await loadDocs(db, null)) state.index.upsert(doc);
  } else {
    const docs = await loadDocs(db, changed);
    const found = new Set(docs.map((d) => d.packageId));
    for (const id of changed) if (!found.has(id)) state.index.remove(id);
    for (const doc of docs) state.index.upsert(doc);
  }
  state.lastSeq = max;
}

async function loadDocs(db: Database, ids: string[] | null): Promise<IndexedDoc[]> {
  if (ids !== null && ids.length === 0) return [];
  let docs = db.kysely
    .selectFrom('search_doc as d')
    .innerJoin('package as p', 'p.id', 'd.package_id')
    .select([
      'd.doc_id',
      'd.package_id',
      'd.name_n',
      'd.title_n',
      'd.tags_n',
      'd.groups_n',
      'd.text_n',
      'p.name',
      'p.title',
      'p.state',
      'p.private',
      'p.owner_org',
      'p.type',
      'p.metadata_modified',
      'p.metadata_created',
    ]);
  let facets = db.kysely.selectFrom('package_facet').select(['package_id', 'field', 'value']);
  if (ids) {
    docs = docs.where('d.package_id', 'in', ids);
    facets = facets.where('package_id', 'in', ids);
  }
  const [rows, facetRows] = await Promise.all([docs.execute(), facets.execute()]);
  const byPackage = new Map<string, Record<string, string[]>>();
  for (const f of facetRows) {
    const entry = byPackage.get(f.package_id) ?? {};
    const values = entry[f.field] ?? [];
    values.push(f.value);
    entry[f.field] = values;
    byPackage.set(f.package_id, entry);
  }
  return rows.map((r) => ({
    docId: Number(r.doc_id),
    packageId: r.package_id,
    name: r.name,
    titleSort: r.title.toLowerCase(),
    state: r.state,
    private: toBool(r.private),
    ownerOrg: r.owner_org,
    type: r.type,
    modified: r.metadata_modified,
    created: r.metadata_created,
    fields: {
      name_n: r.name_n,
      title_n: r.title_n,
      tags_n: r.tags_n,
      groups_n: r.groups_n,
      text_n: r.text_n,
    },
    facets: byPackage.get(r.package_id) ?? {},
  }));
}

/** Doc ids containing every word, from the database's text index; null when there are no words. */
async function matchText(db: Database, words: readonly string[]): Promise<Set<number> | null> {
  if (words.length === 0) return null;
  if (db.dialect === 'sqlite') {
    const rows = await sql<{
      rowid: number;
    }>`SELECT rowid FROM search_fts WHERE search_fts MATCH ${fts5Query(words)}`.execute(db.kysely);
    return new Set(rows.rows.map((r) => Number(r.rowid)));
  }
  const bigrams = [...new Set(words.flatMap(queryBigrams))];
  // One-character words have no bigram; the in-memory index checks every word anyway.
  if (bigrams.length === 0) return null;
  const rows = await sql<{
    doc_id: number;
  }>`SELECT doc_id FROM search_doc WHERE string_to_array(grams, ' ') @> ${sql.val(bigrams)}::text[]`.execute(
    db.kysely,
  );
  return new Set(rows.rows.map((r) => Number(r.doc_id)));
}
