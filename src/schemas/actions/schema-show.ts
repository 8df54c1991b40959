import { z } from 'zod';
import { defineAction } from '../../core/action.ts';
import { toTableSchema } from '../catalog/export-table-schema.ts';
import { getSchema } from '../catalog/load-schemas.ts';

/** `s5_schema_show`: one schema, with its s5 extensions or as a pure Frictionless Table Schema. */
export const schemaShow = defineAction({
  name: 's5_schema_show',
  description:
    'Show one standard dataset schema: with s5 extensions (区分, names, rules, verification) or as a pure Frictionless Table Schema.\n\n' +
    ':param id: schema id (`a13-public_toilet`), number (`a13`) or slug (`public_toilet`)\n' +
    ':param format: `s5` (default) or `tableschema`',
  input: z.strictObject({
    id: z.string().min(1).max(100),
    format: z.enum(['s5', 'tableschema']).default('s5'),
  }),
  readOnly: true,
  auth: 'anyone',
  example: { id: 'a13-public_toilet', format: 'tableschema' },
  run: async (_ctx, input) => {
    const schema = getSchema(input.id);
    return input.format === 'tableschema' ? toTableSchema(schema) : schema;
  },
});
