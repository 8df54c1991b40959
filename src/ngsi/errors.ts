import { AppError, type AppErrorCode } from '../core/errors.ts';

/**
 * NGSI-LD ProblemDetails types (ETSI GS CIM 009 clause 5.5.2). Domain code throws AppError with
 * the problem type in `details.problem`; src/api/ngsi-problem.ts maps it to the HTTP status and
 * the `https://uri.etsi.org/ngsi-ld/errors/…` type URI in one place.
 */
export type ProblemType =
  | 'BadRequestData'
  | 'InvalidRequest'
  | 'AlreadyExists'
  | 'ResourceNotFound'
  | 'NonexistentTenant'
  | 'OperationNotSupported'
  | 'TooManyResults'
  | 'TooComplexQuery'
  | 'LdContextNotAvailable'
  | 'AccessDenied'
  | 'NotAcceptable'
  | 'MethodNotAllowed'
  | 'UnsupportedMediaType'
  | 'InternalError';

const CODE_OF: Record<ProblemType, AppErrorCode> = {
  BadRequestData: 'bad_request',
  InvalidRequest: 'bad_request',
  AlreadyExists: 'conflict',
  ResourceNotFound: 'not_found',
  NonexistentTenant: 'not_found',
  OperationNotSupported: 'bad_request',
  TooManyResults: 'bad_request',
  TooComplexQuery: 'bad_request',
  LdContextNotAvailable: 'bad_request',
  AccessDenied: 'not_authorized',
  NotAcceptable: 'bad_request',
  MethodNotAllowed: 'bad_request',
  UnsupportedMediaType: 'bad_request',
  InternalError: 'internal',
};

/** An AppError carrying an NGSI-LD problem type; `detail` is the human-readable explanation. */
export function ngsiError(problem: ProblemType, detail: string, cause?: unknown): AppError {
  return new AppError(CODE_OF[problem], detail, {
    details: { problem },
    ...(cause === undefined ? {} : { cause }),
  });
}

/** Shorthand for the most common problem: a well-formed request with unusable content. */
export function badData(detail: string): AppError {
  return ngsiError('BadRequestData', detail);
}

/** The NGSI-LD problem type of an error, derived from the AppError code when none was given. */
export function problemOf(error: unknown): ProblemType {
  if (!(error instanceof AppError)) return 'InternalError';
  const named = error.details?.problem;
  if (typeof named === 'string' && named in CODE_OF) return named as ProblemType; // checked just above
  switch (error.code) {
    case 'not_found':
      return 'ResourceNotFound';
    case 'conflict':
      return 'AlreadyExists';
    case 'not_authorized':
      return 'AccessDenied';
    case 'bad_request':
    case 'validation':
    case 'search_query':
      return 'BadRequestData';
    default:
      return 'InternalError';
  }
}
