import { defineAction } from '../../core/action.ts';
import { upsertInput } from '../schema.ts';
import { upsertRecords } from '../write/upsert-records.ts';

export const datastoreUpsert = defineAction({
  name: 'datastore_upsert',
  description:
    'Insert, update or upsert records of a datastore table.\n\n' +
    ':param resource_id: the resource\n' +
    ':param records: [{field: value, …}]; update and upsert find rows by the primary_key fields or by _id\n' +
    ':param method: upsert (default: update what exists, insert the rest), insert, or update (every key must exist)\n' +
    ':param dry_run: check everything, then roll back\n' +
    ':param force: true to write to a resource not made for editing',
  input: upsertInput,
  ignoredKeys: ['calculate_record_count', 'include_records'],
  readOnly: false,
  auth: 'authenticated',
  example: {
    resource_id: '3f2b7c1e-0000-4000-8000-000000000000',
    method: 'upsert',
    records: [{ 名称: '札幌市役所', 緯度: 43.0621 }],
  },
  run: (ctx, input) => upsertRecords(ctx, input),
});
