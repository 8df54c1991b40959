import { invalid } from '../../core/errors.ts';
import type { Database } from '../../db/index.ts';
import type { StoredValue } from '../fields/coerce-value.ts';
import type { FieldDef } from '../fields/field-def.ts';
import { insertBatchSize, insertRows } from '../repo/row-writes.ts';
import { coerceRecord, type RecordInput } from './coerce-records.ts';

/**
 * Coerces and inserts rows from any (async) iterable in batches, so a large load never holds more
 * than one batch in memory. @returns the number of rows inserted.
 * @throws AppError validation naming `records` at the first row that cannot be stored.
 */
export async function insertStream(
  db: Database,
  tableName: string,
  fields: readonly FieldDef[],
  rows: AsyncIterable<RecordInput> | Iterable<RecordInput>,
): Promise<number> {
  const size = insertBatchSize(fields.length);
  let batch: StoredValue[][] = [];
  let count = 0;
  let rowNumber = 0;
  const problems: string[] = [];
  for await (const record of rows) {
    rowNumber += 1;
    const values = coerceRecord(record, fields, rowNumber, problems);
    if (!values) throw invalid({ records: problems });
    batch.push(values);
    if (batch.length >= size) {
      count += await insertRows(db, tableName, fields, batch);
      batch = [];
    }
  }
  count += await insertRows(db, tableName, fields, batch);
  return count;
}
