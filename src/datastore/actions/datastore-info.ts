import { defineAction } from '../../core/action.ts';
import type { Dialect } from '../../db/index.ts';
import { type FieldDef, presentField, type TableMeta } from '../fields/field-def.ts';
import { storageType } from '../fields/field-types.ts';
import { readableTable } from '../policy.ts';
import { tableSizes } from '../repo/table-stats.ts';
import { infoInput, resourceIdOf } from '../schema.ts';

export const datastoreInfo = defineAction({
  name: 'datastore_info',
  description:
    'Return the fields (with types, data dictionary and index details) and the row count of a datastore table.\n\n' +
    ':param resource_id: the resource\n' +
    ':param include_meta: return the row count and sizes (default true)\n' +
    ":param include_fields_schema: return each field's native type and indexes (default true)",
  input: infoInput,
  readOnly: true,
  auth: 'anyone',
  example: { resource_id: '3f2b7c1e-0000-4000-8000-000000000000' },
  run: async (ctx, input) => {
    const meta = await readableTable(ctx, resourceIdOf(input) ?? '');
    const fields = meta.fields.map((f) =>
      input.include_fields_schema
        ? { ...presentField(f), schema: fieldSchema(f, meta, ctx.db.dialect) }
        : presentField(f),
    );
    if (!input.include_meta) return { fields };
    return {
      meta: {
        id: meta.resourceId,
        count: meta.rowCount,
        table_type: 'BASE TABLE',
        ...(await tableSizes(ctx.db, meta)),
        aliases: [],
      },
      fields,
    };
  },
});

/** CKAN's per-field `schema`: the native column type and whether an index covers the field. */
function fieldSchema(field: FieldDef, meta: TableMeta, dialect: Dialect) {
  const index = meta.indexes.find((i) => i.fields.includes(field.id));
  return {
    native_type: storageType(field.type, dialect),
    notnull: false,
    index_name: index?.name ?? null,
    is_index: index !== undefined,
    uniquekey: meta.indexes.some((i) => i.unique && i.fields.includes(field.id)),
  };
}
