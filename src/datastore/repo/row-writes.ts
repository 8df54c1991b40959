import { CompiledQuery, type RawBuilder, sql } from 'kysely';
import type { Database } from '../../db/index.ts';
import type { StoredValue } from '../fields/coerce-value.ts';
import type { FieldDef } from '../fields/field-def.ts';
import { rowTextOf } from '../fields/full-text.ts';
import { readExpr, storedFromDb } from './read-values.ts';
import { deleteTextRows, gramStyle, textIndexTable } from './text-index.ts';

/** Bound parameters per statement: below SQLite's 32766 and PostgreSQL's 65535. */
const MAX_PARAMS = 30000;
const MAX_ROWS_PER_INSERT = 500;

/** Rows per multi-row INSERT for a table of this many fields (plus `_id`/`_grams`, `_full_text`). */
export function insertBatchSize(fieldCount: number): number {
  return Math.max(1, Math.min(MAX_ROWS_PER_INSERT, Math.floor(MAX_PARAMS / (fieldCount + 2))));
}

/**
 * Multi-row INSERT statements compiled once per table, column list and row count: a load of a
 * million rows runs the same statement thousands of times, and compiling it each time (a tree
 * of thirty thousand parameters) costs more than running it. The SQL comes from Kysely's own
 * compiler (`sql.id` for names); only the bound values change between runs.
 */
const compiled = new Map<string, string>();
const MAX_COMPILED = 64;

function statementText(key: string, build: () => RawBuilder<unknown>, db: Database): string {
  let text = compiled.get(key);
  if (text === undefined) {
    text = build().compile(db.kysely).sql;
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    compiled.set(key, text);
  }
  return text;
}

function placeholders(count: number): RawBuilder<unknown> {
  return sql`(${sql.join(new Array<null>(count).fill(null))})`;
}

/**
 * Inserts rows (stored values in field order) with each row's `_full_text` and its grams in the
 * `q` index (text-index.ts), in the caller's transaction. On SQLite the rows get explicit `_id`s
 * (the next after the largest, as SQLite would choose) so that the FTS5 rows can share them.
 * Call with at most insertBatchSize(fields.length) rows. @returns the number inserted.
 */
export async function insertRows(
  db: Database,
  tableName: string,
  fields: readonly FieldDef[],
  rows: readonly (readonly StoredValue[])[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const style = gramStyle(db.dialect);
  const width = fields.length + 2;
  const params: unknown[] = new Array(rows.length * width);
  const grams: string[] = new Array(rows.length);
  let firstId = 0;
  if (db.dialect === 'sqlite') {
    const max = await sql<{ n: number | null }>`SELECT max(${sql.id('_id')}) AS n FROM ${sql.id(
      tableName,
    )}`.execute(db.kysely);
    firstId = Number(max.rows[0]?.n ?? 0) + 1;
  }
  let p = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const text = rowTextOf(fields, row, style);
    if (db.dialect === 'sqlite') params[p++] = firstId + r;
    for (let i = 0; i < fields.length; i++) params[p++] = row[i] ?? null;
    params[p++] = text.fullText;
    if (db.dialect === 'postgres') params[p++] = text.grams;
    grams[r] = text.grams;
  }
  const names = fields.map((f) => sql.id(f.id));
  const key = `${db.dialect}\u0000${tableName}\u0000${fields.map((f) => f.id).join('\u0000')}\u0000${rows.length}`;
  const text = statementText(
    key,
    () => {
      if (db.dialect === 'sqlite') {
        const columns = sql.join([sql.id('_id'), ...names, sql.id('_full_text')]);
        const tuple = placeholders(width);
        return sql`INSERT INTO ${sql.id(tableName)} (${columns}) VALUES ${sql.join(new Array(rows.length).fill(tuple))}`;
      }
      const columns = sql.join([...names, sql.id('_full_text'), sql.id('_grams')]);
      const tuples = rows.map(
        () =>
          sql`(${sql.join(new Array<null>(fields.length + 1).fill(null))}, string_to_array(${null}, ' '))`,
      );
      return sql`INSERT INTO ${sql.id(tableName)} (${columns}) VALUES ${sql.join(tuples)}`;
    },
    db,
  );
  await db.kysely.executeQuery(CompiledQuery.raw(text, params));
  if (db.dialect === 'sqlite') await insertTextRows(db, tableName, firstId, grams);
  return rows.length;
}

/** SQLite: the grams of consecutive rows from `firstId` into the table's FTS5 index. */
async function insertTextRows(
  db: Database,
  tableName: string,
  firstId: number,
  grams: readonly string[],
): Promise<void> {
  const params: unknown[] = new Array(grams.length * 2);
  for (let r = 0; r < grams.length; r++) {
    params[2 * r] = firstId + r;
    params[2 * r + 1] = grams[r];
  }
  const index = textIndexTable(tableName);
  const text = statementText(
    `fts\u0000${index}\u0000${grams.length}`,
    () =>
      sql`INSERT INTO ${sql.id(index)} (rowid, grams) VALUES ${sql.join(new Array(grams.length).fill(placeholders(2)))}`,
    db,
  );
  await db.kysely.executeQuery(CompiledQuery.raw(text, params));
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

/**
 * Overwrites every field of the row `_id`, its `_full_text` and its grams in the `q` index.
 * @returns rows changed (0 or 1).
 */
export async function updateRow(
  db: Database,
  tableName: string,
  fields: readonly FieldDef[],
  id: number,
  values: readonly StoredValue[],
): Promise<number> {
  const text = rowTextOf(fields, values, gramStyle(db.dialect));
  const sets: RawBuilder<unknown>[] = fields.map(
    (f, i) => sql`${sql.id(f.id)} = ${values[i] ?? null}`,
  );
  sets.push(sql`${sql.id('_full_text')} = ${text.fullText}`);
  if (db.dialect === 'postgres') {
    sets.push(sql`${sql.id('_grams')} = string_to_array(${text.grams}, ' ')`);
  }
  const result = await sql`UPDATE ${sql.id(tableName)} SET ${sql.join(sets)} WHERE ${sql.id(
    '_id',
  )} = ${id}`.execute(db.kysely);
  const changed = Number(result.numAffectedRows ?? 0);
  if (db.dialect === 'sqlite' && changed > 0) {
    const index = sql.id(textIndexTable(tableName));
    await sql`DELETE FROM ${index} WHERE rowid = ${id}`.execute(db.kysely);
    await sql`INSERT INTO ${index} (rowid, grams) VALUES (${id}, ${text.grams})`.execute(db.kysely);
  }
  return changed;
}

/**
 * Deletes the rows matching `where` (every row when it is null) and their grams in the `q` index.
 * @returns how many.
 */
export async function deleteRows(
  db: Database,
  tableName: string,
  where: RawBuilder<unknown> | null,
): Promise<number> {
  await deleteTextRows(db, tableName, where);
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
