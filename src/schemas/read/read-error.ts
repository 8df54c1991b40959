import { AppError } from '../../core/errors.ts';

/** Machine-readable reasons a table cannot be opened, carried in `AppError.details.code`. */
export type ReadErrorCode =
  | 'unreadable_encoding'
  | 'empty_file'
  | 'not_a_table'
  | 'xlsx_unreadable'
  | 'xlsx_sheet_not_found'
  | 'too_many_columns'
  | 'field_too_large';

/** A `bad_request` AppError whose `details.code` says why the table could not be read. */
export function readError(
  code: ReadErrorCode,
  message: string,
  details: Record<string, unknown> = {},
  cause?: unknown,
): AppError {
  return new AppError('bad_request', message, {
    details: { code, ...details },
    ...(cause === undefined ? {} : { cause }),
  });
}
