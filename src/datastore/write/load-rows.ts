import { toCkanTimestamp } from '../../core/clock.ts';
import { invalid } from '../../core/errors.ts';
import { isUuid } from '../../core/ids.ts';
import { type Database, withTransaction } from '../../db/index.ts';
import type { FieldDef, TableMeta } from '../fields/field-def.ts';
import {
  analyzeTable,
  createDeferredTextIndex,
  createPhysicalTable,
  dropPhysicalTable,
  newBuildTableName,
  renamePhysicalTable,
} from '../repo/table-ddl.ts';
import { withBulkCache } from '../repo/bulk-cache.ts';
import { findTable, saveTable } from '../repo/table-registry.ts';
import { applyIndexes, mappingWriteErrors } from './apply-indexes.ts';
import type { RecordInput } from './coerce-records.ts';
import { insertStream } from './insert-stream.ts';
import { planIndexes } from './plan-indexes.ts';
import { checkFieldDefs } from './resolve-fields.ts';

/** How loadRows treats the existing table, and the key and indexes of a new one. */
export interface LoadOptions {
  /** Replace the table (new fields, new rows) rather than append rows to it. */
  readonly replace: boolean;
  readonly primaryKey?: readonly string[];
  readonly indexes?: ReadonlyArray<readonly string[]>;
  readonly now: Date;
}

/**
 * Loads rows into a resource's datastore table in one transaction; the domain entry point for
 * the ingest pipeline (no authorization here: callers check it). With `replace`, the rows go
 * into a new table that takes the old one's place only once everything is in: a failure at any
 * row leaves the previous version queryable and intact. Without it, rows are appended to a table
 * with the same fields (created if missing). Rows are `{field: value}` records or value arrays in
 * field order, from any iterable, consumed in batches.
 * @throws AppError validation (bad fields, a row that cannot be stored, duplicate key).
 */
export async function loadRows(
  db: Database,
  resourceId: string,
  fields: readonly FieldDef[],
  rows: AsyncIterable<RecordInput> | Iterable<RecordInput>,
  options: LoadOptions,
): Promise<TableMeta> {
  if (!isUuid(resourceId)) throw invalid({ resource_id: ['must be a UUID'] });
  checkFieldDefs(fields);
  const now = toCkanTimestamp(options.now);
  return mappingWriteErrors(() =>
    withTransaction(db, async (tx) => {
      const existing = await findTable(tx, resourceId);
      if (existing && !options.replace) return append(tx, existing, fields, rows, now);
      const build = newBuildTableName();
      await createPhysicalTable(tx, build, fields, { deferTextIndex: true });
      const plan = planIndexes(
        fields,
        { primaryKey: [], indexes: [] },
        options.primaryKey ?? [],
        options.indexes ?? [],
      );
      const { rowCount, indexes } = await withBulkCache(tx, async () => {
        const inserted = await insertStream(tx, build, fields, rows);
        await createDeferredTextIndex(tx, build);
        const created = await applyIndexes(tx, build, plan);
        await analyzeTable(tx, build);
        return { rowCount: inserted, indexes: created };
      });
      if (existing) await dropPhysicalTable(tx, existing.tableName);
      await renamePhysicalTable(tx, build, resourceId);
      const meta: TableMeta = {
        resourceId,
        tableName: resourceId,
        fields,
        primaryKey: plan.primaryKey,
        indexes,
        rowCount,
        created: existing?.created ?? now,
        modified: now,
      };
      await saveTable(tx, meta);
      return meta;
    }),
  );
}

async function append(
  db: Database,
  existing: TableMeta,
  fields: readonly FieldDef[],
  rows: AsyncIterable<RecordInput> | Iterable<RecordInput>,
  now: string,
): Promise<TableMeta> {
  const same =
    fields.length === existing.fields.length &&
    fields.every((f, i) => f.id === existing.fields[i]?.id && f.type === existing.fields[i]?.type);
  if (!same) {
    throw invalid({
      fields: [
        '追記するには既存の表と同じ項目が必要です / Appending needs the fields of the existing table',
      ],
    });
  }
  const added = await insertStream(db, existing.tableName, existing.fields, rows);
  const meta = { ...existing, rowCount: existing.rowCount + added, modified: now };
  await saveTable(db, meta);
  return meta;
}
