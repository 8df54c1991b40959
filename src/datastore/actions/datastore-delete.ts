import { defineAction } from '../../core/action.ts';
import { deleteInput } from '../schema.ts';
import { deleteDatastoreRows } from '../write/delete-rows.ts';

export const datastoreDelete = defineAction({
  name: 'datastore_delete',
  description:
    'Delete rows of a datastore table, or the whole table.\n\n' +
    ':param resource_id: the resource\n' +
    ':param filters: rows to delete, as in datastore_search ({} deletes every row); without filters the table itself is deleted\n' +
    ':param force: true to write to a resource not made for editing',
  input: deleteInput,
  ignoredKeys: ['calculate_record_count', 'include_deleted_records'],
  readOnly: false,
  auth: 'authenticated',
  example: { resource_id: '3f2b7c1e-0000-4000-8000-000000000000', filters: { 名称: '札幌市役所' } },
  run: (ctx, input) => deleteDatastoreRows(ctx, input),
});
