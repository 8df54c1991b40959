import type { ActionContext } from '../../core/action.ts';
import { toCkanTimestamp } from '../../core/clock.ts';
import { invalid, notFound } from '../../core/errors.ts';
import { withTransaction } from '../../db/index.ts';
import { writableResource } from '../policy.ts';
import { filterSql } from '../repo/filter-sql.ts';
import { deleteRows } from '../repo/row-writes.ts';
import { dropPhysicalTable } from '../repo/table-ddl.ts';
import { addRowCount, findTable, removeTable } from '../repo/table-registry.ts';
import { type DeleteInput, resourceIdOf } from '../schema.ts';
import { parseFilters } from '../search/parse-filters.ts';
import { isPlainObject } from './resolve-fields.ts';

/**
 * datastore_delete: without `filters`, drops the table and clears the resource's
 * datastore_active (CKAN); with `filters`, deletes the matching rows (`{}` deletes them all).
 * @throws AppError validation, not_found, not_authorized
 */
export async function deleteDatastoreRows(ctx: ActionContext, input: DeleteInput) {
  const resourceId = resourceIdOf(input) ?? '';
  const filters = input.filters ?? null;
  if (filters !== null && !isPlainObject(filters)) {
    throw invalid({ filters: ['filters must be either a dict or null.'] });
  }
  return withTransaction(ctx.db, async (tx) => {
    await writableResource({ ...ctx, db: tx }, resourceId, input.force, tx);
    const meta = await findTable(tx, resourceId);
    if (!meta) throw notFound(`Resource "${resourceId}" was not found.`);
    if (filters === null) {
      await dropPhysicalTable(tx, meta.tableName);
      await removeTable(tx, resourceId, toCkanTimestamp(ctx.now));
      return { resource_id: resourceId };
    }
    const types = new Map(meta.fields.map((f) => [f.id, f.type]));
    types.set('_id', 'int8');
    const node = parseFilters(filters, types);
    const deleted = await deleteRows(tx, meta.tableName, node ? filterSql(node, tx) : null);
    await addRowCount(tx, resourceId, -deleted, toCkanTimestamp(ctx.now));
    return { resource_id: resourceId, filters };
  });
}
