import { sql } from 'kysely';
import { AppError } from '../../core/errors.ts';
import type { Database } from '../../db/index.ts';
import type { TableMeta } from '../fields/field-def.ts';
import type { FieldType } from '../fields/field-types.ts';
import { SQLITE_FUNCTIONS } from '../sql/allowed-functions.ts';
import { inferFieldType } from '../sql/infer-field-type.ts';
import { type SqlResult, sqlRefusals } from '../sql/sql-result.ts';
import { runInSqliteChild } from '../sql/sqlite-sql-runner.ts';
import { sqliteStatement } from '../sql/wrap-user-sql.ts';
import { storedFromDb, wireValue } from './read-values.ts';

/**
 * Runs a caller's SELECT on SQLite in the child process: a read-only connection whose authorizer
 * allows SELECT, reads of the public datastore tables and the listed functions, nothing else
 * (no writes, PRAGMA, ATTACH, catalog tables, virtual tables); killed at the timeout.
 * @throws AppError validation `query` for a refusal, a timeout or an SQL error; bad_request for
 *   an in-memory database, which another connection cannot open.
 */
export async function runSqliteSql(
  db: Database,
  userSql: string,
  tables: readonly TableMeta[],
  maxRows: number,
  timeoutMs: number,
): Promise<SqlResult> {
  const main = await sql<{
    file: string;
  }>`SELECT file FROM pragma_database_list WHERE name = 'main'`.execute(db.kysely);
  const file = main.rows[0]?.file ?? '';
  if (file === '') {
    throw new AppError('bad_request', 'datastore_search_sql needs the SQLite database in a file');
  }
  const reply = await runInSqliteChild(
    {
      file,
      sql: sqliteStatement(userSql),
      limit: maxRows + 1,
      tables: tables.map((t) => t.tableName),
      functions: [...SQLITE_FUNCTIONS],
    },
    timeoutMs,
  );
  if (!reply.ok) {
    if (reply.kind === 'table') throw sqlRefusals.table();
    if (reply.kind === 'function') throw sqlRefusals.fn(reply.message);
    if (reply.kind === 'statement') throw sqlRefusals.statement();
    throw sqlRefusals.engine(reply.message);
  }
  const byTable = new Map(tables.map((t) => [t.tableName, t]));
  const types: Array<FieldType | null> = reply.columns.map((c) => {
    if (!c.table || !c.column) return null;
    if (c.column === '_id') return 'int8';
    return byTable.get(c.table)?.fields.find((f) => f.id === c.column)?.type ?? null;
  });
  const truncated = reply.rows.length > maxRows;
  const rows = (truncated ? reply.rows.slice(0, maxRows) : reply.rows).map((row) =>
    row.map((v, i) => {
      const type = types[i];
      if (!type) return v;
      const stored = storedFromDb(v, type);
      // Whole timestamps, as PostgreSQL's row_to_json writes them.
      return type === 'timestamp' ? stored : wireValue(stored, type);
    }),
  );
  const columns = reply.columns.map((c, i) => ({
    id: c.name,
    type: types[i] ?? inferFieldType(rows.map((r) => r[i])),
  }));
  return { columns, rows, truncated };
}
