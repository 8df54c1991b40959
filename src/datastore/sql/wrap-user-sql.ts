/**
 * The statements datastore_search_sql runs around the caller's SELECT. The caller's text is
 * embedded as a subquery, between a newline (ending any trailing `--` comment) and a `)`:
 * a second statement, a data-changing statement or an unterminated literal then fails to parse,
 * and the whole statement, not a guess about the caller's text, is what the database checks.
 */

/** The caller's SQL without trailing semicolons and spaces (`SELECT 1;` is one statement). */
export function trimUserSql(text: string): string {
  return text.replace(/[\s;]+$/u, '');
}

/** SQLite: the rows of the caller's query, at most `?` of them. */
export function sqliteStatement(userSql: string): string {
  return `SELECT * FROM (\n${trimUserSql(userSql)}\n) AS s5_query LIMIT ?`;
}

/**
 * PostgreSQL: one JSON array of `[name, value]` pairs per row, in column order (names may repeat
 * in SQL but not in a JSON object). The row limit goes between `head` and `tail`: a bound
 * parameter for the statements that run (which also makes the driver use the extended protocol,
 * where a second statement is refused), a literal in the view that is only analysed.
 */
export function postgresStatement(userSql: string): { head: string; tail: string } {
  return {
    head:
      'SELECT (SELECT json_agg(json_build_array(e.key, e.value)) FROM json_each(row_to_json(s5_query)) AS e)::text AS s5_row ' +
      `FROM (SELECT * FROM (\n${trimUserSql(userSql)}\n) AS s5_inner LIMIT `,
    tail: ') AS s5_query',
  };
}

/** PostgreSQL: the caller's query alone, to learn its column names and types from a view. */
export function postgresColumnsStatement(userSql: string): string {
  return `SELECT * FROM (\n${trimUserSql(userSql)}\n) AS s5_inner`;
}
