import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Database } from '../../db/index.ts';
import type { Tables } from '../../db/tables.ts';
import { fts5Query, queryBigrams } from '../search/grams.ts';
import type { FacetField, FilterNode } from '../search/parse-filter.ts';
import { FIELD_WEIGHTS, type WeightedField } from '../search/weights.ts';

export type SortField =
  | 'score'
  | 'metadata_modified'
  | 'metadata_created'
  | 'title_string'
  | 'name';

export interface SearchVisibility {
  /** Organizations whose private datasets the caller may see; 'all' for a sysadmin. */
  privateOrgIds: readonly string[] | 'all';
  /** Organizations whose drafts the caller may see (include_drafts); 'all' for a sysadmin. */
  draftOrgIds: readonly string[] | 'all';
  includeDeleted: boolean;
}

export interface SearchParams {
  words: readonly string[];
  filters: readonly FilterNode[];
  visibility: SearchVisibility;
  sort: ReadonlyArray<{ field: SortField; descending: boolean }>;
  rows: number;
  start: number;
  facetFields: readonly FacetField[];
  facetLimit: number;
  facetMinCount: number;
}

export interface SearchHits {
  count: number;
  ids: string[];
  facets: Map<FacetField, Array<{ value: string; count: number }>>;
}

type EB = ExpressionBuilder<Tables & { p: Tables['package']; d: Tables['search_doc'] }, 'p' | 'd'>;

/** Runs a dataset search: matching, visibility, filters, ranking, paging and facet counts. */
export async function searchPackages(db: Database, params: SearchParams): Promise<SearchHits> {
  const base = db.kysely
    .selectFrom('package as p')
    .innerJoin('search_doc as d', 'd.package_id', 'p.id')
    .where((eb) => eb.and([visibilityOf(eb, params.visibility), ...matchOf(db, eb, params.words)]))
    .where((eb) => eb.and(params.filters.map((f) => filterOf(eb, f))));

  const scoreExpr = scoreOf(db, params.words);
  let page = base.select(['p.id']).select(scoreExpr.as('score'));
  for (const s of params.sort)
    page = page.orderBy(sortColumn(s.field), s.descending ? 'desc' : 'asc');
  page = page.orderBy('p.id', 'asc').limit(params.rows).offset(params.start);

  const countQuery = base.select((eb) => eb.fn.countAll<number>().as('c'));
  const [pageRows, countRow] = await Promise.all([
    params.rows > 0 ? page.execute() : Promise.resolve([]),
    countQuery.executeTakeFirstOrThrow(),
  ]);

  const facets = new Map<FacetField, Array<{ value: string; count: number }>>();
  if (params.facetFields.length > 0) {
    const rows = await db.kysely
      .selectFrom('package_facet as f')
      .select(['f.field', 'f.value', (eb) => eb.fn.countAll<number>().as('c')])
      .where('f.field', 'in', [...params.facetFields])
      .where('f.package_id', 'in', base.select('p.id'))
      .groupBy(['f.field', 'f.value'])
      .execute();
    for (const field of params.facetFields) {
      const items = rows
        .filter((r) => r.field === field && Number(r.c) >= params.facetMinCount)
        .map((r) => ({ value: r.value, count: Number(r.c) }))
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
      facets.set(field, params.facetLimit < 0 ? items : items.slice(0, params.facetLimit));
    }
  }
  return { count: Number(countRow.c), ids: pageRows.map((r) => r.id), facets };
}

function sortColumn(field: SortField) {
  switch (field) {
    case 'score':
      return sql.ref('score');
    case 'metadata_modified':
      return sql.ref('p.metadata_modified');
    case 'metadata_created':
      return sql.ref('p.metadata_created');
    case 'title_string':
      return sql`lower(p.title)`;
    case 'name':
      return sql.ref('p.name');
  }
}

function visibilityOf(eb: EB, v: SearchVisibility): Expression<SqlBool> {
  const privateOk =
    v.privateOrgIds === 'all'
      ? eb.lit(true)
      : eb.or([
          eb('p.private', '=', false),
          ...(v.privateOrgIds.length > 0 ? [eb('p.owner_org', 'in', [...v.privateOrgIds])] : []),
        ]);
  const states: Expression<SqlBool>[] = [eb('p.state', '=', 'active')];
  if (v.draftOrgIds === 'all') states.push(eb('p.state', '=', 'draft'));
  else if (v.draftOrgIds.length > 0) {
    states.push(eb.and([eb('p.state', '=', 'draft'), eb('p.owner_org', 'in', [...v.draftOrgIds])]));
  }
  if (v.includeDeleted) states.push(eb('p.state', '=', 'deleted'));
  return eb.and([privateOk, eb.or(states)]);
}

/** Every word must occur in the dataset's text (substring semantics on both backends). */
function matchOf(db: Database, eb: EB, words: readonly string[]): Expression<SqlBool>[] {
  if (words.length === 0) return [];
  if (db.dialect === 'sqlite') {
    const match = fts5Query(words);
    return [
      eb(
        'd.doc_id',
        'in',
        sql<number>`(SELECT rowid FROM search_fts WHERE search_fts MATCH ${match})`,
      ),
    ];
  }
  const all = sql`(d.name_n || ' ' || d.title_n || ' ' || d.tags_n || ' ' || d.groups_n || ' ' || d.text_n)`;
  const bigrams = [...new Set(words.flatMap(queryBigrams))];
  const out: Expression<SqlBool>[] = [];
  // The GIN index on the gram array narrows the candidates; strpos makes the match exact.
  if (bigrams.length > 0) {
    out.push(sql<SqlBool>`string_to_array(d.grams, ' ') @> ${sql.val(bigrams)}::text[]`);
  }
  for (const w of words) out.push(sql<SqlBool>`strpos(${all}, ${w}) > 0`);
  return out;
}

function scoreOf(db: Database, words: readonly string[]) {
  if (words.length === 0) return sql<number>`0`;
  const fn = db.dialect === 'sqlite' ? sql.raw('instr') : sql.raw('strpos');
  const terms = words.flatMap((w) =>
    (Object.keys(FIELD_WEIGHTS) as WeightedField[]).map(
      (f) =>
        sql`(CASE WHEN ${fn}(${sql.ref(`d.${f}`)}, ${w}) > 0 THEN ${sql.lit(FIELD_WEIGHTS[f])} ELSE 0 END)`,
    ),
  );
  return sql<number>`(${sql.join(terms, sql` + `)})`;
}

function filterOf(eb: EB, node: FilterNode): Expression<SqlBool> {
  switch (node.kind) {
    case 'and':
      return eb.and(node.children.map((c) => filterOf(eb, c)));
    case 'or':
      return eb.or(node.children.map((c) => filterOf(eb, c)));
    case 'not':
      return eb.not(filterOf(eb, node.child));
    case 'range': {
      const col = node.field === 'metadata_modified' ? 'p.metadata_modified' : 'p.metadata_created';
      const parts: Expression<SqlBool>[] = [];
      if (node.from !== null) parts.push(eb(col, '>=', node.from));
      if (node.to !== null) parts.push(eb(col, '<=', node.to));
      return eb.and(parts);
    }
    case 'term':
      return termOf(eb, node.field, node.value);
  }
}

function termOf(eb: EB, field: string, value: string): Expression<SqlBool> {
  switch (field) {
    case 'organization':
    case 'groups':
    case 'tags':
    case 'res_format':
    case 'license_id':
      return eb(
        'p.id',
        'in',
        eb
          .selectFrom('package_facet')
          .select('package_facet.package_id')
          .where('package_facet.field', '=', field)
          .where('package_facet.value', '=', value),
      );
    case 'owner_org':
      return eb(
        'p.owner_org',
        'in',
        eb
          .selectFrom('groups')
          .select('groups.id')
          .where((g) => g.or([g('groups.id', '=', value), g('groups.name', '=', value)])),
      );
    case 'name':
      return eb('p.name', '=', value);
    case 'id':
      return eb('p.id', '=', value);
    case 'type':
    case 'dataset_type':
      return eb('p.type', '=', value);
    case 'state':
      return eb('p.state', '=', value);
    case 'capacity':
      return eb('p.private', '=', value === 'private');
    default:
      return eb.lit(false);
  }
}
