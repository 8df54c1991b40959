import { z } from 'zod';
import { type ActionContext, defineAction } from '../../core/action.ts';
import { AppError } from '../../core/errors.ts';
import { listSchemas } from '../../schemas/index.ts';
import { editableOrgIds, readableOrgIds } from '../policy.ts';
import { presentPackage } from '../present/present-package.ts';
import { findGroupsByNames } from '../repo/groups.ts';
import { loadBundles } from '../repo/packages.ts';
import { type SortField, searchPackages } from '../repo/search-query.ts';
import {
  FACET_FIELDS,
  type FacetField,
  type FilterNode,
  parseFilter,
} from '../search/parse-filter.ts';
import { parseQuery } from '../search/parse-query.ts';
import { ckanBool, ckanInt, ckanList } from '../schema.ts';

const input = z.strictObject({
  q: z.string().max(1000, 'must be at most 1000 characters').default(''),
  fq: z.string().max(2000, 'must be at most 2000 characters').default(''),
  fq_list: ckanList(z.string().max(2000)).default([]),
  sort: z.string().max(200).default('score desc, metadata_modified desc'),
  rows: ckanInt(0, 1_000_000).default(10),
  start: ckanInt(0, 1_000_000).default(0),
  facet: ckanBool.default(true),
  'facet.field': ckanList(z.string()).default([]),
  'facet.limit': ckanInt(-1, 100_000).default(50),
  'facet.mincount': ckanInt(0, 1_000_000).default(1),
  include_private: ckanBool.default(false),
  include_drafts: ckanBool.default(false),
  include_deleted: ckanBool.default(false),
});

export const packageSearch = defineAction({
  name: 'package_search',
  description:
    'Search datasets. Japanese queries of any length match inside words, with widths folded (ＡＥＤ = AED).\n\n' +
    ':param q: words that must all occur (in title, name, tags, groups, notes, resources, organization)\n' +
    ':param fq: filters such as organization:sapporo-shi tags:"防災" res_format:CSV groups:tokachi license_id:cc-by-4.0 s5_schema:a08-aed s5_conformance:conforming ' +
    'metadata_modified:[2026-01-01T00:00:00Z TO *]; OR, NOT, - and parentheses work\n' +
    ':param sort: score desc, metadata_modified desc (default) | title_string asc | name asc | metadata_created desc\n' +
    ':param rows: page size (default 10, at most the configured maximum, 1000)\n:param start: offset\n' +
    ':param facet.field: JSON list of organization, groups, tags, res_format, license_id, ' +
    's5_schema (standard dataset: schema ids such as a08-aed, from the latest loaded version of each resource), ' +
    's5_conformance (conforming, conforming_with_warnings, nonconforming, nonstandard)\n' +
    ':param facet.limit: items per facet (default 50, -1 for all)\n' +
    ':param include_private: include private datasets of your organizations',
  input,
  ignoredKeys: [
    'facet.sort',
    'defType',
    'qf',
    'bf',
    'tie',
    'mm',
    'use_default_schema',
    'include_tracking',
  ],
  readOnly: true,
  auth: 'anyone',
  example: {
    q: '札幌 AED',
    fq: 'res_format:CSV',
    'facet.field': ['organization', 'tags'],
    rows: 10,
  },
  run: (ctx, params) => search(ctx, params),
});

async function search(ctx: ActionContext, p: z.output<typeof input>) {
  const query = parseQuery(p.q, ctx.now);
  const filters: FilterNode[] = [...query.filters];
  if (query.matchesNothing) filters.push({ kind: 'or', children: [] });
  for (const f of [p.fq, ...p.fq_list]) if (f.trim() !== '') filters.push(parseFilter(f, ctx.now));
  const facetFields = p.facet ? p['facet.field'].map(checkFacetField) : [];
  const hits = await searchPackages(ctx.db, {
    words: query.words,
    filters,
    visibility: {
      privateOrgIds: p.include_private ? readableOrgIds(ctx.actor) : [],
      draftOrgIds: p.include_drafts ? editableOrgIds(ctx.actor) : [],
      includeDeleted: p.include_deleted && ctx.actor.sysadmin,
    },
    sort: parseSort(p.sort),
    rows: Math.min(p.rows, ctx.site.searchMaxRows),
    start: p.start,
    facetFields,
    facetLimit: p['facet.limit'],
    facetMinCount: p['facet.mincount'],
  });
  const bundles = await loadBundles(ctx.db, hits.ids);
  const facets: Record<string, Record<string, number>> = {};
  const searchFacets: Record<
    string,
    { title: string; items: Array<{ name: string; display_name: string; count: number }> }
  > = {};
  for (const [field, items] of hits.facets) {
    facets[field] = Object.fromEntries(items.map((i) => [i.value, i.count]));
    const titles = await displayNames(
      ctx,
      field,
      items.map((i) => i.value),
    );
    searchFacets[field] = {
      title: field,
      items: items.map((i) => ({
        name: i.value,
        display_name: titles.get(i.value) ?? i.value,
        count: i.count,
      })),
    };
  }
  return {
    count: hits.count,
    sort: p.sort,
    facets,
    search_facets: searchFacets,
    results: bundles.map(presentPackage),
  };
}

function checkFacetField(field: string): FacetField {
  const known = FACET_FIELDS as readonly string[];
  if (!known.includes(field)) {
    throw new AppError(
      'search_query',
      `Search Query is invalid: cannot facet on "${field}"; use ${known.join(', ')}`,
    );
  }
  return field as FacetField; // checked against FACET_FIELDS just above
}

const SORT_FIELDS: Record<string, SortField> = {
  score: 'score',
  metadata_modified: 'metadata_modified',
  metadata_created: 'metadata_created',
  title_string: 'title_string',
  title: 'title_string',
  name: 'name',
};

function parseSort(sort: string): Array<{ field: SortField; descending: boolean }> {
  const out: Array<{ field: SortField; descending: boolean }> = [];
  for (const part of sort.split(',')) {
    const [name = '', dir = 'asc', ...rest] = part.trim().split(/\s+/);
    if (name === '') continue;
    const field = SORT_FIELDS[name];
    if (!field || rest.length > 0 || !['asc', 'desc'].includes(dir.toLowerCase())) {
      throw new AppError(
        'search_query',
        `Search Query is invalid: cannot sort by "${part.trim()}"; use score, metadata_modified, metadata_created, title_string or name with asc or desc`,
      );
    }
    out.push({ field, descending: dir.toLowerCase() === 'desc' });
  }
  return out.length > 0 ? out : [{ field: 'score', descending: true }];
}

/**
 * Organization and group facets show titles, as CKAN's search_facets do; standard datasets
 * their Japanese title (legacy 推奨データセット marked, as both generations share titles) and
 * conformance levels their Japanese name.
 */
async function displayNames(
  ctx: ActionContext,
  field: string,
  names: string[],
): Promise<Map<string, string>> {
  if (field === 's5_schema') return schemaTitles();
  if (field === 's5_conformance') return new Map(Object.entries(CONFORMANCE_NAMES));
  if (field !== 'organization' && field !== 'groups') return new Map();
  const rows = await findGroupsByNames(ctx.db, names);
  return new Map(rows.map((g) => [g.name, g.title]));
}

const CONFORMANCE_NAMES: Record<string, string> = {
  conforming: '適合',
  conforming_with_warnings: '適合（警告あり）',
  nonconforming: '不適合',
  nonstandard: '標準データセット外',
};

function schemaTitles(): Map<string, string> {
  return new Map(
    listSchemas().map((s) => [
      s.s5.id,
      s.s5.generation === 'legacy' ? `${s.s5.title.ja}（旧様式）` : s.s5.title.ja,
    ]),
  );
}
