import { z } from 'zod';
import { defineAction } from '../../core/action.ts';
import { listMerged } from '../list-merged.ts';

/** s5_merged_list: the prefecture-wide merged tables, one per standard schema with members. */
export const mergedList = defineAction({
  name: 's5_merged_list',
  description:
    'List the prefecture-wide merged standard tables: for each standard schema with public conforming files, the dataset and resource whose datastore table holds every such file’s rows (query it with datastore_search, download it from /datastore/dump/{resource_id}), its member count, row count and last refresh. Each row of a merged table carries its publisher’s 全国地方公共団体コード and name and its source dataset and resource ids.\n\n' +
    'Answer: `{count, results: [{schema_id, title: {ja, en}, generation, package_id, package_name, resource_id, private, state, member_count, row_count, refreshed}]}`; with `schema`, each result also lists its `members` `[{publisher_code, publisher_name, package_id, resource_id, version, row_count}]`. A merged dataset with no members is private.\n\n' +
    ':param schema: optional schema id, number or slug (`r01-aed`, `a08`, `aed`)',
  input: z.strictObject({ schema: z.string().min(1).max(100).optional() }),
  readOnly: true,
  auth: 'anyone',
  example: { schema: 'r01-aed' },
  run: async (ctx, input) => {
    const results = await listMerged(ctx.db, ctx.actor, input.schema);
    return { count: results.length, results };
  },
});
