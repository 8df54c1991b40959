import { type AppError, invalid } from '../../core/errors.ts';

/** The answer of datastore_search_sql before it is shaped for the wire. */
export interface SqlResult {
  readonly columns: ReadonlyArray<{ id: string; type: string }>;
  /** Values in column order. */
  readonly rows: unknown[][];
  /** More rows matched than the maximum; the extra ones were dropped. */
  readonly truncated: boolean;
}

/**
 * Refusals, all as CKAN's validation error on `query` (409). The table refusal names no table and
 * reads the same whether the table is private, a catalog table or missing.
 */
export const sqlRefusals = {
  table: (): AppError =>
    invalid({
      query: [
        '公開されたデータストアの表だけを読めます / Only the tables of public datastore resources can be read',
      ],
    }),
  fn: (name: string): AppError =>
    invalid({ query: [`関数 ${name} は使えません / Function ${name} is not allowed`] }),
  statement: (): AppError =>
    invalid({
      query: ['1つの SELECT 文だけが使えます / Only a single SELECT statement is allowed'],
    }),
  timeout: (): AppError => invalid({ query: ['Query took too long'] }),
  engine: (message: string): AppError => invalid({ query: [message] }),
  busy: (): AppError =>
    invalid({
      query: ['SQL の実行待ちが多すぎます / Too many SQL queries are waiting; try again'],
    }),
};
