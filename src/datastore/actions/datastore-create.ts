import { defineAction } from '../../core/action.ts';
import { createInput } from '../schema.ts';
import { createDatastoreTable } from '../write/create-table.ts';

export const datastoreCreate = defineAction({
  name: 'datastore_create',
  description:
    'Create a datastore table for a resource, or add fields and records to it.\n\n' +
    ':param resource_id: the resource (or `resource`: a resource dict to create, with package_id)\n' +
    ':param fields: [{"id": name, "type": text|int|int4|int8|float8|numeric|bool|date|time|timestamp|json, "info": {…}}]; types of fields left untyped are guessed from the first record\n' +
    ':param records: [{field: value, …}] appended to the table\n' +
    ':param primary_key: fields forming the unique key used by datastore_upsert\n' +
    ':param indexes: fields (or lists of fields) to index for filtering\n' +
    ':param force: true to write to a resource not made for editing (e.g. an uploaded file)',
  input: createInput,
  ignoredKeys: ['calculate_record_count', 'include_records'],
  readOnly: false,
  auth: 'authenticated',
  example: {
    resource_id: '3f2b7c1e-0000-4000-8000-000000000000',
    fields: [
      { id: '名称', type: 'text' },
      { id: '緯度', type: 'float8' },
    ],
    records: [{ 名称: '札幌市役所', 緯度: 43.0621 }],
    primary_key: ['名称'],
  },
  run: (ctx, input) => createDatastoreTable(ctx, input),
});
