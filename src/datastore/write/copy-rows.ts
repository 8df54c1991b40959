import { sql } from 'kysely';
import { toCkanTimestamp } from '../../core/clock.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { type Database, withTransaction } from '../../db/index.ts';
import { coerceValue, type StoredValue } from '../fields/coerce-value.ts';
import type { FieldDef, TableMeta } from '../fields/field-def.ts';
import { readExpr, storedFromDb } from '../repo/read-values.ts';
import { deleteRows, insertBatchSize, insertRows } from '../repo/row-writes.ts';
import { addRowCount, findTable } from '../repo/table-registry.ts';

/**
 * Where one column of the target gets its value: a column of the source table, or the same
 * value on every copied row (e.g. the source's publisher), or nothing (NULL).
 */
export type CopySource =
  | { readonly column: string }
  | { readonly value: StoredValue }
  | { readonly empty: true };

/**
 * Copies every row of one resource's datastore table into another's (appending, in `_id` order),
 * one batch at a time, with `columns[i]` giving the value of the target's i-th field; values are
 * converted to the target's field types and `_full_text` is computed for the target's fields.
 * Joins the caller's transaction; keeps the target's row count exact. No authorization here:
 * callers (the merged tables) decide what may be copied. @returns the number of rows copied.
 * @throws AppError not_found (either table missing), internal (a column the source lacks, or a
 *   value the target's type cannot hold: the caller chose incompatible types).
 */
export async function copyRows(
  db: Database,
  sourceResourceId: string,
  targetResourceId: string,
  columns: readonly CopySource[],
  now: Date,
): Promise<number> {
  return withTransaction(db, async (tx) => {
    const source = await findTable(tx, sourceResourceId);
    const target = await findTable(tx, targetResourceId);
    if (!source) throw notFound(`Resource "${sourceResourceId}" has no datastore table.`);
    if (!target) throw notFound(`Resource "${targetResourceId}" has no datastore table.`);
    if (columns.length !== target.fields.length) {
      throw new AppError('internal', 'copyRows needs one source per target field');
    }
    const plan = planCopy(source, target.fields, columns);
    let copied = 0;
    const size = insertBatchSize(columns.length);
    for await (const batch of readStoredBatches(tx, source, plan.read, size)) {
      const rows: StoredValue[][] = [];
      for (const stored of batch) rows.push(plan.build(stored));
      copied += await insertRows(tx, target.tableName, target.fields, rows);
    }
    await addRowCount(tx, targetResourceId, copied, toCkanTimestamp(now));
    return copied;
  });
}

/**
 * Deletes the rows of a resource's table whose `field` equals `value` (the rows one source added
 * with copyRows), keeping the row count exact. Joins the caller's transaction.
 * @returns how many rows were deleted.
 * @throws AppError not_found (no table), internal (no such field).
 */
export async function deleteCopiedRows(
  db: Database,
  resourceId: string,
  field: string,
  value: StoredValue,
  now: Date,
): Promise<number> {
  return withTransaction(db, async (tx) => {
    const meta = await findTable(tx, resourceId);
    if (!meta) throw notFound(`Resource "${resourceId}" has no datastore table.`);
    if (!meta.fields.some((f) => f.id === field)) {
      throw new AppError('internal', `No field "${field}" in the datastore table of ${resourceId}`);
    }
    const deleted = await deleteRows(tx, meta.tableName, sql`${sql.id(field)} = ${value}`);
    await addRowCount(tx, resourceId, -deleted, toCkanTimestamp(now));
    return deleted;
  });
}

interface CopyPlan {
  /** Source fields to read, in order. */
  read: FieldDef[];
  /** Stored values of the read fields → the target row. */
  build(stored: readonly StoredValue[]): StoredValue[];
}

function planCopy(
  source: TableMeta,
  targetFields: readonly FieldDef[],
  columns: readonly CopySource[],
): CopyPlan {
  const read: FieldDef[] = [];
  // Per target field: the index into `read`, or the constant.
  const steps = columns.map((c, i) => {
    const type = targetFields[i]?.type ?? 'text';
    if ('value' in c) return { index: -1, constant: convert(c.value, type), type };
    if ('empty' in c) return { index: -1, constant: null, type };
    const field = source.fields.find((f) => f.id === c.column);
    if (!field) {
      throw new AppError(
        'internal',
        `No field "${c.column}" in the source table ${source.resourceId}`,
      );
    }
    read.push(field);
    return { index: read.length - 1, constant: null, type };
  });
  return {
    read,
    build(stored) {
      // A plain loop: this runs once per copied row.
      const row: StoredValue[] = new Array(steps.length);
      for (let i = 0; i < steps.length; i++) {
        const step = steps[i];
        if (!step) continue;
        row[i] = step.index < 0 ? step.constant : convert(stored[step.index] ?? null, step.type);
      }
      return row;
    },
  };
}

function convert(value: StoredValue, type: FieldDef['type']): StoredValue {
  if (value === null) return null;
  // A text target keeps what was stored (json as its text), never re-serialised.
  if (type === 'text') return typeof value === 'string' ? value : String(value);
  const coerced = coerceValue(value, type);
  if (!coerced.ok) {
    throw new AppError('internal', `A copied value ${coerced.problem}: the target type is ${type}`);
  }
  return coerced.value;
}

// Keyset batches (`_id > last`) of the chosen fields as stored values, as the exports read.
async function* readStoredBatches(
  db: Database,
  meta: TableMeta,
  fields: readonly FieldDef[],
  batchSize: number,
): AsyncGenerator<StoredValue[][]> {
  const select = sql.join([
    sql.id('_id'),
    ...fields.map(
      (f, i) => sql`${readExpr(sql.id(f.id), f.type, db.dialect)} AS ${sql.id(`c${i}`)}`,
    ),
  ]);
  let last = 0;
  for (;;) {
    const result = await sql<Record<string, unknown>>`SELECT ${select} FROM ${sql.id(
      meta.tableName,
    )} WHERE ${sql.id('_id')} > ${last} ORDER BY ${sql.id('_id')} LIMIT ${batchSize}`.execute(
      db.kysely,
    );
    if (result.rows.length === 0) return;
    last = Number(result.rows[result.rows.length - 1]?._id ?? last);
    const batch: StoredValue[][] = [];
    for (const row of result.rows) {
      const values: StoredValue[] = [];
      for (let i = 0; i < fields.length; i++) {
        values.push(storedFromDb(row[`c${i}`], fields[i]?.type ?? 'text'));
      }
      batch.push(values);
    }
    yield batch;
    if (result.rows.length < batchSize) return;
  }
}
