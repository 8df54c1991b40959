import { type RawBuilder, sql } from 'kysely';
import type { Database } from '../../db/index.ts';
import type { StoredValue } from '../fields/coerce-value.ts';
import type { FieldDef } from '../fields/field-def.ts';
import { fullTextOf } from '../fields/full-text.ts';
import { readExpr, storedFromDb } from './read-values.ts';

/** Bound parameters per statement: below SQLite's 32766 and PostgreSQL's 65535. */
const MAX_PARAMS = 30000;
const MAX_ROWS_PER_INSERT = 1000;

/** Rows per multi-row INSERT for a table of this many fields. */
export function insertBatchSize(fieldCount: number): number {
  return Math.max(1, Math.min(MAX_ROWS_PER_INSERT, Math.floor(MAX_PARAMS / (fieldCount + 1))));
}

/**
 * Inserts rows (stored values in field order), computing each row's `_full_text`.
 * Call with at most insertBatchSize(fields.length) rows. @returns the number inserted.
 */
export async function insertRows(
  db: Database,
  tableName: string,
  fields: readonly FieldDef[],
  rows: readonly (readonly StoredValue[])[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const columns = sql.join([...fields.map((f) => sql.id(f.id)), sql.id('_full_text')]);
  const tuples = rows.map((row) => sql`(${sql.join([...row, fullTextOf(fields, row)])})`);
  await sql`INSERT INTO ${sql.id(tableName)} (${columns}) VALUES ${sql.join(tuples)}`.execute(
    db.kysely,
  );
  return rows.length;
}

/** A row found by key: its `_id` and stored values in field order. */
export interface StoredRow {
  readonly id: number;
  readonly values: StoredValue[];
}

/** Rows whose `match` columns equal the values (at most `limit`), as stored values. */
export async function findRows(
  db: Database,
  tableName: string,
  fields: readonly FieldDef[],
  match: ReadonlyArray<{ column: string; value: StoredValue }>,
  limit = 2,
): Promise<StoredRow[]> {
  const select = [
    sql.id('_id'),
    ...fields.map(
      (f, i) => sql`${readExpr(sql.id(f.id), f.type, db.dialect)} AS ${sql.id(`c${i}`)}`,
    ),
  ];
  const where = sql.join(
    match.map((m) => sql`${sql.id(m.column)} = ${m.value}`),
    sql` AND `,
  );
  const result = await sql<Record<string, unknown>>`SELECT ${sql.join(select)} FROM ${sql.id(
    tableName,
  )} WHERE ${where} LIMIT ${limit}`.execute(db.kysely);
  return result.rows.map((row) => ({
    id: Number(row._id),
    values: fields.map((f, i) => storedFromDb(row[`c${i}`], f.type)),
  }));
}

/** Overwrites every field of the row `_id` and its `_full_text`. @returns rows changed (0 or 1). */
export async function updateRow(
  db: Database,
  tableName: string,
  fields: readonly FieldDef[],
  id: number,
  values: readonly StoredValue[],
): Promise<number> {
  const sets: RawBuilder<unknown>[] = fields.map(
    (f, i) => sql`${sql.id(f.id)} = ${values[i] ?? null}`,
  );
  sets.push(sql`${sql.id('_full_text')} = ${fullTextOf(fields, values)}`);
  const result = await sql`UPDATE ${sql.id(tableName)} SET ${sql.join(sets)} WHERE ${sql.id(
    '_id',
  )} = ${id}`.execute(db.kysely);
  return Number(result.numAffectedRows ?? 0);
}

/** Deletes the rows matching `where` (every row when it is null). @returns how many. */
export async function deleteRows(
  db: Database,
  tableName: string,
  where: RawBuilder<unknown> | null,
): Promise<number> {
  const result = where
    ? await sql`DELETE FROM ${sql.id(tableName)} WHERE ${where}`.execute(db.kysely)
    : await sql`DELETE FROM ${sql.id(tableName)}`.execute(db.kysely);
  return Number(result.numAffectedRows ?? 0);
}

/** count(*) of the table; used after bulk changes to keep the registry exact. */
export async function countRows(db: Database, tableName: string): Promise<number> {
  const result = await sql<{ n: number | string }>`SELECT count(*) AS n FROM ${sql.id(
    tableName,
  )}`.execute(db.kysely);
  return Number(result.rows[0]?.n ?? 0);
}
