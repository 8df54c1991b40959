import { type ActionContext, toFieldErrors } from '../../core/action.ts';
import { toCkanTimestamp } from '../../core/clock.ts';
import { type FieldErrors, invalid } from '../../core/errors.ts';
import { withTransaction } from '../../db/index.ts';
import { resourceCreate } from '../../catalog/index.ts';
import { presentField, type TableMeta } from '../fields/field-def.ts';
import { writableResource } from '../policy.ts';
import { insertBatchSize, insertRows } from '../repo/row-writes.ts';
import { addColumns, createPhysicalTable } from '../repo/table-ddl.ts';
import { findTable, saveTable } from '../repo/table-registry.ts';
import { type CreateInput, resourceIdOf } from '../schema.ts';
import { applyIndexes, mappingWriteErrors } from './apply-indexes.ts';
import { coerceRecords } from './coerce-records.ts';
import { planIndexes } from './plan-indexes.ts';
import { resolveFields } from './resolve-fields.ts';

/**
 * datastore_create: creates the resource's table or extends it (new fields are appended, as in
 * CKAN), appends `records`, and sets the unique key and indexes — all in one transaction, so a
 * failure leaves an existing table exactly as it was. With `resource`, the resource is created
 * first through the catalog's resource_create, in the same transaction.
 * @throws AppError validation, not_found, not_authorized
 */
export async function createDatastoreTable(ctx: ActionContext, input: CreateInput) {
  const givenId = resourceIdOf(input);
  if (input.resource && givenId) {
    throw invalid({ resource: ['resource cannot be used with resource_id'] });
  }
  if (!input.resource && !givenId)
    throw invalid({ resource_id: ['resource_id or resource required'] });
  const records = input.records ?? [];
  return mappingWriteErrors(() =>
    withTransaction(ctx.db, async (tx) => {
      const txCtx: ActionContext = { ...ctx, db: tx };
      const resourceId = input.resource
        ? await createResource(txCtx, input.resource)
        : (givenId ?? '');
      // A resource made just now is made for editing: no `force` needed.
      await writableResource(txCtx, resourceId, input.force || input.resource !== undefined, tx);
      const existing = await findTable(tx, resourceId);
      const { fields, added } = resolveFields(
        existing?.fields ?? [],
        input.fields ?? [],
        records[0],
      );
      const rows = coerceRecords(records, fields);
      const tableName = existing?.tableName ?? resourceId;
      if (existing) await addColumns(tx, tableName, added);
      else await createPhysicalTable(tx, tableName, fields);
      const size = insertBatchSize(fields.length);
      for (let i = 0; i < rows.length; i += size) {
        await insertRows(tx, tableName, fields, rows.slice(i, i + size));
      }
      const plan = planIndexes(
        fields,
        existing ?? { primaryKey: [], indexes: [] },
        input.primary_key,
        input.indexes,
      );
      const indexes = await applyIndexes(tx, tableName, plan);
      const now = toCkanTimestamp(ctx.now);
      const meta: TableMeta = {
        resourceId,
        tableName,
        fields,
        primaryKey: plan.primaryKey,
        indexes,
        rowCount: (existing?.rowCount ?? 0) + rows.length,
        created: existing?.created ?? now,
        modified: now,
      };
      await saveTable(tx, meta);
      return {
        resource_id: resourceId,
        fields: fields.map(presentField),
        method: 'insert',
        ...(input.primary_key ? { primary_key: [...plan.primaryKey] } : {}),
        ...(input.indexes ? { indexes: input.indexes } : {}),
      };
    }),
  );
}

/** Creates the resource of `resource` through resource_create. @returns its id. */
async function createResource(ctx: ActionContext, dict: Record<string, unknown>): Promise<string> {
  // CKAN marks resources made by datastore_create as datastore-only (editable) ones.
  const withType = 'url' in dict ? dict : { url_type: 'datastore', ...dict };
  const parsed = resourceCreate.input.safeParse(withType);
  if (!parsed.success) throw invalid(prefixed(toFieldErrors(parsed.error)));
  const created = await resourceCreate.run(ctx, parsed.data);
  return created.id;
}

function prefixed(fields: FieldErrors): FieldErrors {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [`resource.${k}`, v]));
}
