import { sql } from 'kysely';
import type { Database } from '../../db/index.ts';
import type { TableMeta } from '../fields/field-def.ts';
import { readExpr, storedFromDb, wireValue } from '../repo/read-values.ts';

/** One row of an export: its `_id` and the values of the table's fields, in field order. */
export interface ExportRow {
  readonly id: number;
  readonly values: readonly unknown[];
}

/** Rows per query: large enough to amortise a round trip, small enough to keep memory flat. */
export const EXPORT_BATCH_SIZE = 1000;

/**
 * Every row of the table in `_id` order, read a batch at a time by keyset (`_id > last`), so
 * that a million-row export holds one batch in memory and never uses OFFSET. Values are CKAN's
 * wire values, as datastore_search returns them.
 */
export async function* readRowBatches(
  db: Database,
  meta: TableMeta,
  batchSize = EXPORT_BATCH_SIZE,
): AsyncGenerator<ExportRow[]> {
  const table = sql.id(meta.tableName);
  const select = sql.join([
    sql.id('_id'),
    ...meta.fields.map(
      (f, i) => sql`${readExpr(sql.id(f.id), f.type, db.dialect)} AS ${sql.id(`c${i}`)}`,
    ),
  ]);
  let last = 0;
  for (;;) {
    const result = await sql<Record<string, unknown>>`SELECT ${select} FROM ${table} WHERE ${sql.id(
      '_id',
    )} > ${last} ORDER BY ${sql.id('_id')} LIMIT ${batchSize}`.execute(db.kysely);
    if (result.rows.length === 0) return;
    const rows = result.rows.map((row) => ({
      id: Number(row._id),
      values: meta.fields.map((f, i) => wireValue(storedFromDb(row[`c${i}`], f.type), f.type)),
    }));
    last = rows[rows.length - 1]?.id ?? last;
    yield rows;
    if (rows.length < batchSize) return;
  }
}
