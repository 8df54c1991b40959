import { defineAction } from '../../core/action.ts';
import { runPostgresSql } from '../repo/search-sql-postgres.ts';
import { runSqliteSql } from '../repo/search-sql-sqlite.ts';
import { publicTables } from '../repo/table-registry.ts';
import { searchSqlInput } from '../schema.ts';

export const datastoreSearchSql = defineAction({
  name: 'datastore_search_sql',
  description:
    'Run one SQL SELECT over the datastore tables of public resources (tables are named by resource id, in double quotes).\n\n' +
    ':param sql: a single SELECT; the database refuses anything else, other tables and unsafe functions, and stops it at the statement timeout. At most the configured maximum of rows is returned (records_truncated says when there were more)',
  input: searchSqlInput,
  readOnly: true,
  auth: 'anyone',
  example: {
    sql: 'SELECT "名称", "収容人数" FROM "3f2b7c1e-0000-4000-8000-000000000000" WHERE "収容人数" > 100',
  },
  run: async (ctx, input) => {
    const tables = await publicTables(ctx.db);
    const maxRows = ctx.site.datastoreMaxLimit;
    const timeout = ctx.site.datastoreSqlTimeoutMs;
    const result =
      ctx.db.dialect === 'postgres'
        ? await runPostgresSql(
            ctx.db,
            input.sql,
            new Set(tables.map((t) => t.tableName)),
            maxRows,
            timeout,
          )
        : await runSqliteSql(ctx.db, input.sql, tables, maxRows, timeout);
    const names = result.columns.map((c) => c.id);
    return {
      sql: input.sql,
      fields: result.columns,
      records: result.rows.map((row) => Object.fromEntries(names.map((n, i) => [n, row[i]]))),
      ...(result.truncated ? { records_truncated: true } : {}),
    };
  },
});
