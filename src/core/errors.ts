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
