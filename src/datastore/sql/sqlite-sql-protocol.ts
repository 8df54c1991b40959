/** A query sent to the SQLite SQL child process (sqlite-sql-child.ts). */
export interface SqliteSqlRequest {
  readonly id: number;
  readonly file: string;
  /** The wrapped statement (wrap-user-sql.ts), with one `?` for the row limit. */
  readonly sql: string;
  readonly limit: number;
  /** Tables the query may read: public datastore tables. */
  readonly tables: readonly string[];
  /** Functions the query may call (lower case). */
  readonly functions: readonly string[];
}

/** A result column and, when it is a table column, where it comes from. */
export interface SqliteSqlColumn {
  readonly name: string;
  readonly table: string | null;
  readonly column: string | null;
}

/** The child's answer: columns and rows, or what was refused or failed. */
export type SqliteSqlReply =
  | {
      readonly id: number;
      readonly ok: true;
      readonly columns: SqliteSqlColumn[];
      readonly rows: unknown[][];
    }
  | {
      readonly id: number;
      readonly ok: false;
      /** What the authorizer refused, or `sql` for the engine's own error. */
      readonly kind: 'table' | 'function' | 'statement' | 'sql';
      readonly message: string;
    };
