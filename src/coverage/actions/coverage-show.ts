import { z } from 'zod';
import { defineAction } from '../../core/action.ts';
import type { CoverageMatrix } from '../build-matrix.ts';
import { computeCoverage } from '../compute-coverage.ts';
import { renderCoverageCsv } from '../render-csv.ts';

/** s5_coverage: which publisher publishes which standard dataset, and how well it conforms. */
export const coverageShow = defineAction({
  name: 's5_coverage',
  description:
    'Return the coverage matrix: for each publisher with a 全国地方公共団体コード (the prefecture and its municipalities) × each standard dataset schema, whether it is published and how well it conforms. Only public, active datasets count; a cell uses the latest loaded version of each resource that matched the schema.\n\n' +
    "Answer (JSON): `{schemas: [{id, title, generation}], publishers: [{id, name, title, code, region}], cells: [{publisher (code), schema (id), published, conformance, row_count, last_updated, resource_ids, dataset_ids}]}`, one cell per publisher × schema in publisher then schema order; an unpublished cell is `{publisher, schema, published: false}`. `conformance` is the best over the resources (conforming > conforming_with_warnings > nonconforming), `row_count` that resource's rows, `last_updated` the newest load.\n\n" +
    ':param schema: optional schema id, number or slug (`r01-aed`, `a08`, `aed`)\n' +
    ':param organization: optional organization name, id or code\n' +
    ':param region: optional region group name, e.g. `tokachi`\n' +
    ':param generation: optional, `current` or `legacy`\n' +
    ':param format: `json` (default) or `csv`: CSV text, one row per publisher (code, name, title, region), one column per schema, cells like `conforming (82)`',
  input: z.strictObject({
    schema: z.string().min(1).optional(),
    organization: z.string().min(1).optional(),
    region: z.string().min(1).optional(),
    generation: z.enum(['current', 'legacy']).optional(),
    format: z.enum(['json', 'csv']).default('json'),
  }),
  readOnly: true,
  auth: 'anyone',
  example: { region: 'tokachi', generation: 'current' },
  run: async (ctx, input): Promise<CoverageMatrix | string> => {
    const { format, ...filter } = input;
    const matrix = await computeCoverage(ctx.db, filter);
    return format === 'csv' ? renderCoverageCsv(matrix) : matrix;
  },
});
