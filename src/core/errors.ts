/**
 * The only error type domain code throws. Codes are stable and carry no HTTP meaning:
 * `src/api/envelope.ts` maps them to CKAN's wire errors in one place.
 */
export type AppErrorCode =
  | 'not_found'
  | 'not_authorized'
  | 'validation'
  | 'conflict'
  | 'bad_request'
  | 'search_query'
  | 'unavailable'
  | 'internal';

/** Field name → messages, CKAN's ValidationError shape (`{"name": ["That URL is already in use."]}`). */
export type FieldErrors = Record<string, string[]>;

export interface AppErrorOptions {
  /** For `validation` and `conflict`: the fields at fault and what is wrong with each. */
  fields?: FieldErrors;
  /** Extra machine-readable facts; never shown when the code is `internal`. */
  details?: Record<string, unknown>;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fields: FieldErrors | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: AppErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.fields = options.fields;
    this.details = options.details;
  }
}

/** @throws AppError not_found */
export function notFound(message: string): AppError {
  return new AppError('not_found', message);
}

/** @throws AppError not_authorized */
export function notAuthorized(message: string): AppError {
  return new AppError('not_authorized', message);
}

/** A validation error on one or more fields. */
export function invalid(fields: FieldErrors, message = 'Validation Error'): AppError {
  return new AppError('validation', message, { fields });
}

/** A conflict with stored state that the caller can fix (duplicate name, stale version). */
export function conflict(fields: FieldErrors, message = 'Conflict'): AppError {
  return new AppError('conflict', message, { fields });
}

export function badRequest(message: string, details?: Record<string, unknown>): AppError {
  return new AppError('bad_request', message, details ? { details } : {});
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** Node system error codes that mean "out of space" or "cannot reach a service". */
const STORAGE_FULL = new Set(['ENOSPC', 'EDQUOT']);
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);

export const STORAGE_FULL_MESSAGE =
  'サーバーの記憶領域が不足しているため保存できませんでした。管理者に連絡してください / The server is out of storage space: nothing was saved; please tell the administrator';
export const DATABASE_UNAVAILABLE_MESSAGE =
  'データベースに接続できません。しばらくしてから再試行してください / The database is unavailable: please try again shortly';

/**
 * Recognises failures of the machine rather than of the request — a full disk, a database that
 * went away — by their structured codes (Node's `code`, PostgreSQL's SQLSTATE, SQLite's result
 * code), never by message text, so the caller gets a clear "unavailable" answer instead of a 500.
 */
export function infrastructureError(error: unknown): AppError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { code?: unknown; errcode?: unknown; cause?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  // SQLite: SQLITE_FULL (13), SQLITE_IOERR (10) and its extended codes (low byte 10).
  const sqlite = typeof e.errcode === 'number' ? e.errcode & 0xff : -1;
  if (STORAGE_FULL.has(code) || code === '53100' || sqlite === 13) {
    return new AppError('unavailable', STORAGE_FULL_MESSAGE, { cause: error });
  }
  // PostgreSQL: class 08 (connection exception), 57P01–57P03 (shutdown, cannot connect now).
  if (UNREACHABLE.has(code) || /^08[0-9A-Z]{3}$/.test(code) || /^57P0[123]$/.test(code)) {
    return new AppError('unavailable', DATABASE_UNAVAILABLE_MESSAGE, { cause: error });
  }
  if (sqlite === 10) return new AppError('unavailable', STORAGE_FULL_MESSAGE, { cause: error });
  return e.cause === undefined || e.cause === error ? undefined : infrastructureError(e.cause);
}
