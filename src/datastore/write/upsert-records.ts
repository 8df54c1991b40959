import type { ActionContext } from '../../core/action.ts';
import { toCkanTimestamp } from '../../core/clock.ts';
import { AppError, invalid, notFound } from '../../core/errors.ts';
import { withTransaction } from '../../db/index.ts';
import { coerceValue, type StoredValue } from '../fields/coerce-value.ts';
import type { TableMeta } from '../fields/field-def.ts';
import { writableResource } from '../policy.ts';
import { findRows, insertBatchSize, insertRows, updateRow } from '../repo/row-writes.ts';
import { addRowCount, findTable } from '../repo/table-registry.ts';
import { resourceIdOf, type UpsertInput } from '../schema.ts';
import { mappingWriteErrors } from './apply-indexes.ts';
import { coerceRecords } from './coerce-records.ts';
import { isPlainObject } from './resolve-fields.ts';

/** Thrown to roll back a dry run; never leaves this module. */
class DryRunDone extends Error {}

/**
 * datastore_upsert: `insert` appends; `update` changes rows found by the unique key (or `_id`)
 * and fails when one is missing; `upsert` updates what it finds and inserts the rest. Fields a
 * record leaves out keep their values. One transaction; `dry_run` rolls it back after checking.
 * @throws AppError validation, not_found, not_authorized
 */
export async function upsertRecords(ctx: ActionContext, input: UpsertInput) {
  const resourceId = resourceIdOf(input) ?? '';
  if (input.dry_run && ctx.db.kysely.isTransaction) {
    throw new AppError('internal', 'dry_run needs its own transaction');
  }
  const result = {
    resource_id: resourceId,
    method: input.method,
    ...(input.dry_run ? { dry_run: true } : {}),
  };
  try {
    await mappingWriteErrors(() =>
      withTransaction(ctx.db, async (tx) => {
        await writableResource({ ...ctx, db: tx }, resourceId, input.force, tx);
        const meta = await findTable(tx, resourceId);
        if (!meta) throw notFound(`Resource "${resourceId}" was not found.`);
        const now = toCkanTimestamp(ctx.now);
        const inserted =
          input.method === 'insert'
            ? await insertAll(tx, meta, input.records)
            : await writeByKey(tx, meta, input.records, input.method === 'upsert');
        await addRowCount(tx, resourceId, inserted, now);
        if (input.dry_run) throw new DryRunDone();
      }),
    );
  } catch (error) {
    if (!(error instanceof DryRunDone)) throw error;
  }
  return result;
}

async function insertAll(db: ActionContext['db'], meta: TableMeta, records: readonly unknown[]) {
  const rows = coerceRecords(records, meta.fields);
  const size = insertBatchSize(meta.fields.length);
  for (let i = 0; i < rows.length; i += size) {
    await insertRows(db, meta.tableName, meta.fields, rows.slice(i, i + size));
  }
  return rows.length;
}

/** update/upsert, record by record. @returns how many rows were inserted. */
async function writeByKey(
  db: ActionContext['db'],
  meta: TableMeta,
  records: readonly unknown[],
  insertMissing: boolean,
): Promise<number> {
  let inserted = 0;
  for (const [i, record] of records.entries()) {
    const row = i + 1;
    if (!isPlainObject(record)) throw invalid({ records: [`row ${row} is not a json object`] });
    const match = keyOf(meta, record, row);
    const supplied = suppliedValues(meta, record, row);
    const [found, second] = await findRows(db, meta.tableName, meta.fields, match);
    if (second) throw invalid({ key: [`row ${row}: the key matches several rows`] });
    if (found) {
      const merged = meta.fields.map((f, j) =>
        supplied.has(f.id) ? (supplied.get(f.id) ?? null) : (found.values[j] ?? null),
      );
      await updateRow(db, meta.tableName, meta.fields, found.id, merged);
    } else if (insertMissing && !('_id' in record)) {
      await insertRows(db, meta.tableName, meta.fields, [
        meta.fields.map((f) => supplied.get(f.id) ?? null),
      ]);
      inserted += 1;
    } else {
      const shown = Object.fromEntries(match.map((m) => [m.column, m.value]));
      throw invalid({ key: [`key "${JSON.stringify(shown)}" not found`] });
    }
  }
  return inserted;
}

/** The columns and values that find a record's row: `_id`, else the table's unique key. */
function keyOf(meta: TableMeta, record: Record<string, unknown>, row: number) {
  if ('_id' in record) {
    const id = coerceValue(record._id, 'int8');
    if (!id.ok || id.value === null)
      throw invalid({ records: [`row ${row}: "_id" ${id.ok ? 'is empty' : id.problem}`] });
    return [{ column: '_id', value: id.value }];
  }
  if (meta.primaryKey.length === 0) {
    throw invalid({ table: ['unique key must be passed for update/upsert'] });
  }
  const missing = meta.primaryKey.filter((k) => !(k in record));
  if (missing.length > 0) {
    throw invalid({ key: [`fields "${missing.join(', ')}" are missing but needed as key`] });
  }
  return meta.primaryKey.map((column) => {
    const type = meta.fields.find((f) => f.id === column)?.type ?? 'text';
    const value = coerceValue(record[column], type);
    if (!value.ok) throw invalid({ records: [`row ${row}: "${column}" ${value.problem}`] });
    return { column, value: value.value };
  });
}

function suppliedValues(meta: TableMeta, record: Record<string, unknown>, row: number) {
  const known = new Set(meta.fields.map((f) => f.id));
  const unknown = Object.keys(record).filter((k) => k !== '_id' && !known.has(k));
  if (unknown.length > 0)
    throw invalid({ fields: [`fields "${unknown.join(', ')}" do not exist`] });
  const out = new Map<string, StoredValue>();
  const problems: string[] = [];
  for (const f of meta.fields) {
    if (!(f.id in record)) continue;
    const value = coerceValue(record[f.id], f.type);
    if (value.ok) out.set(f.id, value.value);
    else problems.push(`row ${row}: "${f.id}" ${value.problem}`);
  }
  if (problems.length > 0) throw invalid({ records: problems });
  return out;
}
