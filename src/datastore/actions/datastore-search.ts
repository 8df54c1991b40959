import { defineAction } from '../../core/action.ts';
import { readableTable } from '../policy.ts';
import { searchRows } from '../repo/search-rows.ts';
import { resourceIdOf, searchInput } from '../schema.ts';
import { formatRecords } from '../search/format-records.ts';
import { planSearch } from '../search/plan-search.ts';
import { searchLinks } from '../search/search-links.ts';

export const datastoreSearch = defineAction({
  name: 'datastore_search',
  description:
    'Search the rows of a datastore table.\n\n' +
    ':param resource_id: the resource\n' +
    ':param filters: {field: value} or {field: [values]} (any of), or {field: {"gte": v, "lt": w}}\n' +
    ':param q: words that must all occur in a row (Japanese of any length, widths and kana folded), or {field: words}\n' +
    ':param fields: fields to return (list or comma-separated); default all, with _id\n' +
    ':param sort: e.g. "収容人数 desc, 名称"; default _id (or rank with q)\n' +
    ':param distinct: return distinct rows only\n' +
    ':param limit: rows to return (default 100, at most the configured maximum); offset: rows to skip\n' +
    ':param include_total: count all matches (default true)\n' +
    ':param records_format: objects (default), lists, csv or tsv',
  input: searchInput,
  ignoredKeys: ['total_estimation_threshold', 'include_next_page'],
  readOnly: true,
  auth: 'anyone',
  example: {
    resource_id: '3f2b7c1e-0000-4000-8000-000000000000',
    q: '避難',
    filters: { 区: ['中央区', '北区'] },
    sort: '収容人数 desc',
    limit: 10,
  },
  run: async (ctx, input) => {
    const resourceId = resourceIdOf(input) ?? '';
    const meta = await readableTable(ctx, resourceId);
    const plan = planSearch(meta, input, ctx.site.datastoreMaxLimit);
    const result = await searchRows(
      ctx.db,
      meta,
      plan,
      input.include_total,
      ctx.site.datastoreSqlTimeoutMs,
    );
    return {
      include_total: input.include_total,
      limit: plan.limit,
      offset: plan.offset,
      records_format: input.records_format,
      resource_id: resourceId,
      ...(input.q !== undefined ? { q: input.q } : {}),
      ...(input.filters !== undefined ? { filters: input.filters } : {}),
      ...(input.sort !== undefined ? { sort: input.sort.join(', ') } : {}),
      ...(input.distinct ? { distinct: true } : {}),
      fields: plan.columns.map((c) =>
        c.kind === 'id'
          ? { id: '_id', type: 'int' }
          : c.kind === 'rank'
            ? { id: c.id, type: 'float' }
            : fieldDict(meta.fields, c.id),
      ),
      records: formatRecords(
        plan.columns.map((c) => c.id),
        result.rows,
        input.records_format,
      ),
      _links: searchLinks(resourceId, input, plan.limit),
      ...(result.total !== null ? { total: result.total, total_was_estimated: false } : {}),
    };
  },
});

function fieldDict(
  fields: ReadonlyArray<{ id: string; type: string; info?: unknown }>,
  id: string,
) {
  const f = fields.find((x) => x.id === id);
  return f?.info === undefined
    ? { id, type: f?.type ?? 'text' }
    : { id, type: f.type, info: f.info };
}
