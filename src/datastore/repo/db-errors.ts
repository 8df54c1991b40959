/**
 * Database errors by their structured codes (never by message text): PostgreSQL's SQLSTATE in
 * `code`, node:sqlite's extended result code in `errcode`.
 */
function prop(error: unknown, key: string): unknown {
  return typeof error === 'object' && error !== null ? Reflect.get(error, key) : undefined;
}

/** SQLSTATE of a PostgreSQL error, if it is one. */
export function pgState(error: unknown): string | undefined {
  const code = prop(error, 'code');
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** SQLite's extended result code, if the error comes from node:sqlite. */
export function sqliteCode(error: unknown): number | undefined {
  const code = prop(error, 'errcode');
  return prop(error, 'code') === 'ERR_SQLITE_ERROR' && typeof code === 'number' ? code : undefined;
}

const SQLITE_CONSTRAINT_UNIQUE = 2067;
const SQLITE_CONSTRAINT_PRIMARYKEY = 1555;

/** A unique key (primary_key) would hold two equal rows. */
export function isUniqueViolation(error: unknown): boolean {
  const sqlite = sqliteCode(error);
  return (
    pgState(error) === '23505' ||
    sqlite === SQLITE_CONSTRAINT_UNIQUE ||
    sqlite === SQLITE_CONSTRAINT_PRIMARYKEY
  );
}

/** PostgreSQL cancelled the statement (statement_timeout). */
export function isQueryCanceled(error: unknown): boolean {
  return pgState(error) === '57014';
}

/** A value PostgreSQL refused for its column type or range (class 22: data exception). */
export function isDataException(error: unknown): boolean {
  return pgState(error)?.startsWith('22') ?? false;
}

/** The database's own message, for errors about the caller's data or query. */
export function dbMessage(error: unknown): string {
  const message = prop(error, 'message');
  return typeof message === 'string' ? message : 'database error';
}
