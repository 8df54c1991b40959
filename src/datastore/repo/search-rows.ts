import { type RawBuilder, sql } from 'kysely';
import { invalid } from '../../core/errors.ts';
import { type Database, withTransaction } from '../../db/index.ts';
import type { TableMeta } from '../fields/field-def.ts';
import type { OutputColumn, SearchPlan } from '../search/plan-search.ts';
import { isQueryCanceled } from './db-errors.ts';
import { filterSql, rankSql, textSql } from './filter-sql.ts';
import { readExpr, storedFromDb, wireValue } from './read-values.ts';
import { fts5Query, textIndexSql, textIndexTable } from './text-index.ts';

/** The page of rows (wire values in column order) and, when asked, the number of matches. */
export interface SearchResult {
  readonly rows: unknown[][];
  readonly total: number | null;
}

/**
 * Runs a planned datastore_search. Identifiers come from the plan (checked against the table) and
 * go through `sql.id`; values, words and limits are bound parameters. NULLs sort last ascending
 * and first descending on both backends (PostgreSQL's default).
 * @throws AppError validation `query` when PostgreSQL's statement timeout cancels the search.
 */
export async function searchRows(
  db: Database,
  meta: TableMeta,
  plan: SearchPlan,
  includeTotal: boolean,
  timeoutMs: number,
): Promise<SearchResult> {
  return withStatementTimeout(db, timeoutMs, async (tx) => {
    const table = sql.id(meta.tableName);
    const { where, filtered } = whereSql(meta, plan, tx);
    const select = sql.join(plan.columns.map((c) => sql`${valueSql(c, tx)} AS ${sql.id(c.id)}`));
    const selected = new Set(plan.columns.map((c) => c.id));
    // Each key as the output column orders it (its read form) or, when not returned, its value.
    const keys = plan.sort.map((k) =>
      selected.has(k.column.id) ? valueSql(k.column, tx) : valueSql(k.column, tx, true),
    );
    const direction = (desc: boolean) => sql.raw(desc ? 'DESC NULLS FIRST' : 'ASC NULLS LAST');
    let query: RawBuilder<Record<string, unknown>>;
    if (plan.distinct) {
      const order =
        plan.sort.length === 0
          ? sql``
          : // With DISTINCT every key is a returned column (planSearch): order by its name.
            sql` ORDER BY ${sql.join(plan.sort.map((k) => sql`${sql.id(k.column.id)} ${direction(k.desc)}`))}`;
      query = sql`SELECT DISTINCT ${select} FROM ${table}${where}${order} LIMIT ${plan.limit} OFFSET ${plan.offset}`;
    } else {
      // The page's `_id`s first, from the sort keys alone; then only those rows are read whole.
      // A `q` matching 50,000 rows thus ranks them without decoding every column of each.
      const key = (i: number) => sql.id(`_s5_k${i}`);
      const page = sql.id('_s5_page');
      const inner = sql`SELECT ${sql.id('_id')} AS ${sql.id('_s5_id')}, ${sql.join(
        keys.map((e, i) => sql`${e} AS ${key(i)}`),
      )} FROM ${table}${where} ORDER BY ${sql.join(
        plan.sort.map((k, i) => sql`${key(i)} ${direction(k.desc)}`),
      )} LIMIT ${plan.limit} OFFSET ${plan.offset}`;
      query = sql`SELECT ${select} FROM (${inner}) AS ${page} JOIN ${table} ON ${table}.${sql.id(
        '_id',
      )} = ${page}.${sql.id('_s5_id')} ORDER BY ${sql.join(
        plan.sort.map((k, i) => sql`${page}.${key(i)} ${direction(k.desc)}`),
      )}`;
    }
    const result = await query.execute(tx.kysely);
    const rows = result.rows.map((row) => plan.columns.map((c) => toWire(c, row[c.id])));
    if (!includeTotal) return { rows, total: null };
    if (!filtered && !plan.distinct) return { rows, total: meta.rowCount };
    const indexOnly = countFromIndex(meta, plan, tx);
    const count = indexOnly
      ? indexOnly
      : plan.distinct
        ? sql<{
            n: number | string;
          }>`SELECT count(*) AS n FROM (SELECT DISTINCT ${select} FROM ${table}${where}) AS s`
        : sql<{ n: number | string }>`SELECT count(*) AS n FROM ${table}${where}`;
    const n = (await count.execute(tx.kysely)).rows[0]?.n;
    return { rows, total: Number(n ?? 0) };
  });
}

function whereSql(meta: TableMeta, plan: SearchPlan, db: Database) {
  // The index narrows to rows holding every word somewhere (a per-field word too); the substring
  // tests then decide, each in its own place, exactly as a scan would.
  const words = [...new Set(plan.text.flatMap((t) => t.words))];
  const parts = [
    ...(words.length > 0 ? [textIndexSql(db, meta.tableName, words)] : []),
    ...(plan.filter ? [filterSql(plan.filter, db)] : []),
    ...plan.text.map((t) => textSql(t, db)),
  ];
  const where = parts.length === 0 ? sql`` : sql` WHERE ${sql.join(parts, sql` AND `)}`;
  return { where, filtered: parts.length > 0 };
}

/**
 * The total of a plain `q` of words of one or two characters, from the index alone. For such
 * words the index is exact (a bigram in the row is the word inside a word; a one-character word
 * is any gram starting with it), so the substring test would only confirm: a million-row table
 * answers a common 2-character word's total without reading its rows.
 */
function countFromIndex(meta: TableMeta, plan: SearchPlan, db: Database) {
  if (plan.filter || plan.distinct || plan.text.length === 0) return null;
  if (plan.text.some((t) => t.fieldIndex !== null || t.words.some((w) => [...w].length > 2))) {
    return null;
  }
  const words = [...new Set(plan.text.flatMap((t) => t.words))];
  if (db.dialect === 'sqlite') {
    const index = sql.id(textIndexTable(meta.tableName));
    return sql<{
      n: number | string;
    }>`SELECT count(*) AS n FROM ${index} WHERE ${index} MATCH ${fts5Query(words)}`;
  }
  return sql<{ n: number | string }>`SELECT count(*) AS n FROM ${sql.id(
    meta.tableName,
  )} WHERE ${textIndexSql(db, meta.tableName, words)}`;
}

/** A column's select expression; `raw` keeps a field's native type (for ordering). */
function valueSql(column: OutputColumn, db: Database, raw = false): RawBuilder<unknown> {
  if (column.kind === 'id') return sql.id('_id');
  if (column.kind === 'rank') return rankSql(column.match, db);
  return raw ? sql.id(column.id) : readExpr(sql.id(column.id), column.type, db.dialect);
}

function toWire(column: OutputColumn, value: unknown): unknown {
  if (column.kind === 'id') return Number(value);
  if (column.kind === 'rank') return value === null ? null : Number(value);
  return wireValue(storedFromDb(value, column.type), column.type);
}

/**
 * Runs `fn` under PostgreSQL's statement_timeout (in a transaction, so SET LOCAL ends with it).
 * SQLite has no statement timeout for in-process queries; its searches use indexes and bound
 * limits, and datastore_search_sql runs in a child process that is killed on time instead.
 */
export async function withStatementTimeout<T>(
  db: Database,
  ms: number,
  fn: (db: Database) => Promise<T>,
): Promise<T> {
  if (db.dialect !== 'postgres') return fn(db);
  try {
    return await withTransaction(db, async (tx) => {
      await sql`SELECT set_config('statement_timeout', ${String(ms)}, true)`.execute(tx.kysely);
      return fn(tx);
    });
  } catch (error) {
    if (isQueryCanceled(error)) throw invalid({ query: ['Search took too long'] });
    throw error;
  }
}
