import { randomBytes } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import { AppError } from '../../core/errors.ts';
import type { Database, Tables } from '../../db/index.ts';
import { POSTGRES_FUNCTIONS } from '../sql/allowed-functions.ts';
import { inferFieldType } from '../sql/infer-field-type.ts';
import { planFacts } from '../sql/plan-relations.ts';
import { castsToRegTypes, scanFunctionCalls } from '../sql/scan-function-calls.ts';
import { type SqlResult, sqlRefusals } from '../sql/sql-result.ts';
import { postgresColumnsStatement, postgresStatement } from '../sql/wrap-user-sql.ts';
import { dbMessage, isQueryCanceled, pgState } from './db-errors.ts';

/** Carries the result out of the transaction, which is always rolled back. */
class Done extends Error {
  constructor(readonly result: SqlResult) {
    super('done');
  }
}

/** Node types that read outside ordinary tables (foreign data, XMLTABLE) or lock rows. */
const REFUSED_NODES = new Set([
  'Foreign Scan',
  'Custom Scan',
  'Table Function Scan',
  'ModifyTable',
  'LockRows',
]);

/**
 * Runs a caller's SELECT on PostgreSQL, checked by the database itself, in a transaction that is
 * always rolled back:
 * 1. EXPLAIN of the exact statement, sent with a bound parameter, so the extended protocol refuses
 *    a second statement; the plan names every relation read (catalogs included).
 * 2. A temporary view of the same statement; PostgreSQL's deparse of it (pg_get_viewdef) prints
 *    every function call, also in LIMIT, OFFSET and window frames that EXPLAIN leaves out. Any
 *    function of pg_proc outside the allow-list is refused. (Step 1 proved the caller's text holds
 *    no `;`, so the view's text is one statement too.)
 * 3. The transaction turns read-only, under statement_timeout and a search_path of the s5 schema.
 * @throws AppError validation `query` for a refusal, a timeout or an SQL error.
 */
export async function runPostgresSql(
  db: Database,
  userSql: string,
  allowedTables: ReadonlySet<string>,
  maxRows: number,
  timeoutMs: number,
): Promise<SqlResult> {
  if (db.kysely.isTransaction)
    throw new AppError('internal', 'search_sql needs its own transaction');
  try {
    await db.kysely.transaction().execute(async (trx) => {
      throw new Done(await checkAndRun(trx, userSql, allowedTables, maxRows, timeoutMs));
    });
  } catch (error) {
    if (error instanceof Done) return error.result;
    if (error instanceof AppError) throw error;
    if (isQueryCanceled(error)) throw sqlRefusals.timeout();
    if (pgState(error) === '25006') throw sqlRefusals.statement();
    if (pgState(error)) throw sqlRefusals.engine(dbMessage(error));
    throw error;
  }
  throw new AppError('internal', 'search_sql ended without a result');
}

async function checkAndRun(
  trx: Transaction<Tables>,
  userSql: string,
  allowedTables: ReadonlySet<string>,
  maxRows: number,
  timeoutMs: number,
): Promise<SqlResult> {
  const schema = (await sql<{ s: string }>`SELECT current_schema() AS s`.execute(trx)).rows[0]?.s;
  await sql`SELECT set_config('statement_timeout', ${String(timeoutMs)}, true),
                   set_config('search_path', quote_ident(${schema ?? 'public'}), true)`.execute(
    trx,
  );
  const { head, tail } = postgresStatement(userSql);
  const limit = maxRows + 1;

  const explained = await sql<
    Record<string, unknown>
  >`EXPLAIN (VERBOSE, FORMAT JSON) ${sql.raw(head)}${limit}${sql.raw(tail)}`.execute(trx);
  const facts = planFacts(Object.values(explained.rows[0] ?? {})[0]);
  if (facts.nodeTypes.some((t) => REFUSED_NODES.has(t))) throw sqlRefusals.statement();
  for (const r of facts.relations) {
    if (r.schema !== schema || !allowedTables.has(r.name)) throw sqlRefusals.table();
  }
  // Functions in FROM, also those behind catalog views (pg_settings → pg_show_all_settings).
  for (const f of facts.functions) {
    if (f.schema !== 'pg_catalog' || !POSTGRES_FUNCTIONS.has(f.name)) throw sqlRefusals.fn(f.name);
  }

  const view = `s5_sql_${randomBytes(6).toString('hex')}`;
  // Safe as simple-protocol text: the EXPLAIN above parsed the same caller text as one statement.
  await sql`CREATE TEMP VIEW ${sql.id(view)} AS ${sql.raw(`${head}1${tail}`)}`.execute(trx);
  const deparsed = await sql<{
    d: string;
  }>`SELECT pg_get_viewdef(to_regclass(${`pg_temp.${view}`})) AS d`.execute(trx);
  await checkFunctions(trx, deparsed.rows[0]?.d ?? '');

  const types = await columnTypes(trx, userSql);
  await sql`SELECT set_config('transaction_read_only', 'on', true)`.execute(trx);
  const result = await sql<{
    s5_row: string | null;
  }>`${sql.raw(head)}${limit}${sql.raw(tail)}`.execute(trx);
  return toResult(result.rows, types, maxRows);
}

async function checkFunctions(trx: Transaction<Tables>, deparsed: string): Promise<void> {
  if (castsToRegTypes(deparsed)) throw sqlRefusals.fn('regclass');
  const unknown = new Set<string>();
  for (const call of scanFunctionCalls(deparsed)) {
    if (call.schema !== null && call.schema !== 'pg_catalog')
      throw sqlRefusals.fn(`${call.schema}.${call.name}`);
    if (!POSTGRES_FUNCTIONS.has(call.name)) unknown.add(call.name);
  }
  if (unknown.size === 0) return;
  // A name that is no function is an alias with a column list (`sub(a, b)`) in the deparse.
  const functions = await sql<{
    proname: string;
  }>`SELECT DISTINCT proname FROM pg_catalog.pg_proc WHERE proname = ANY(${[...unknown]})`.execute(
    trx,
  );
  const first = functions.rows[0];
  if (first) throw sqlRefusals.fn(first.proname);
}

/** Column names and types from a view of the caller's query; null when names repeat. */
async function columnTypes(trx: Transaction<Tables>, userSql: string) {
  const view = `s5_cols_${randomBytes(6).toString('hex')}`;
  await sql`SAVEPOINT s5_columns`.execute(trx);
  try {
    await sql`CREATE TEMP VIEW ${sql.id(view)} AS ${sql.raw(postgresColumnsStatement(userSql))}`.execute(
      trx,
    );
  } catch {
    await sql`ROLLBACK TO SAVEPOINT s5_columns`.execute(trx);
    return null;
  }
  const rows = await sql<{ name: string; type: string }>`
    SELECT a.attname AS name, t.typname AS type
    FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
    WHERE a.attrelid = to_regclass(${`pg_temp.${view}`}) AND a.attnum > 0
    ORDER BY a.attnum`.execute(trx);
  // jsonb is what datastore json fields are stored as; CKAN calls them json.
  return rows.rows.map((r) => ({ id: r.name, type: r.type === 'jsonb' ? 'json' : r.type }));
}

function toResult(
  rows: ReadonlyArray<{ s5_row: string | null }>,
  types: ReadonlyArray<{ id: string; type: string }> | null,
  maxRows: number,
): SqlResult {
  // json_agg of [key, value] arrays, built by the statement itself.
  const pairs = rows.map((r) => JSON.parse(r.s5_row ?? '[]') as Array<[string, unknown]>);
  const values = pairs.map((p) => p.map(([, v]) => v ?? null));
  const truncated = values.length > maxRows;
  const kept = truncated ? values.slice(0, maxRows) : values;
  const names = (pairs[0] ?? []).map(([k]) => k);
  const columns =
    types ?? names.map((id, i) => ({ id, type: inferFieldType(kept.map((row) => row[i])) }));
  return { columns, rows: kept, truncated };
}
