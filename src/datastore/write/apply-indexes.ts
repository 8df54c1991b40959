import { AppError, invalid } from '../../core/errors.ts';
import type { Database } from '../../db/index.ts';
import type { IndexDef } from '../fields/field-def.ts';
import { isDataException, isUniqueViolation, dbMessage } from '../repo/db-errors.ts';
import { createIndex, dropIndex, newIndexName } from '../repo/table-ddl.ts';
import type { IndexPlan } from './plan-indexes.ts';

/** Drops and creates what the plan says. @returns the table's indexes afterwards. */
export async function applyIndexes(
  db: Database,
  tableName: string,
  plan: IndexPlan,
): Promise<IndexDef[]> {
  for (const index of plan.drop) await dropIndex(db, index.name);
  const created: IndexDef[] = [];
  for (const spec of plan.create) {
    const index: IndexDef = { name: newIndexName(), fields: [...spec.fields], unique: spec.unique };
    await createIndex(db, tableName, index);
    created.push(index);
  }
  return [...plan.keep, ...created];
}

/**
 * Runs a write and turns the database's refusals of the caller's data into CKAN's validation
 * errors (`constraints` for a duplicate key, `records` for a value out of the column's range).
 */
export async function mappingWriteErrors<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (isUniqueViolation(error)) {
      throw invalid({
        constraints: [
          '一意キー（primary_key）が重複しています / Cannot insert records or create index because of uniqueness constraint',
        ],
      });
    }
    if (isDataException(error)) throw invalid({ records: [dbMessage(error)] });
    throw error;
  }
}
