import { type AppErrorCode, infrastructureError, isAppError } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';

/** CKAN's error `__type` and HTTP status for each AppError code; the only such table in s5. */
const WIRE: Record<
  AppErrorCode,
  { status: 400 | 403 | 404 | 409 | 500 | 503; type: string; prefix: string }
> = {
  validation: { status: 409, type: 'Validation Error', prefix: '' },
  conflict: { status: 409, type: 'Validation Error', prefix: '' },
  not_authorized: { status: 403, type: 'Authorization Error', prefix: 'Access denied: ' },
  not_found: { status: 404, type: 'Not Found Error', prefix: 'Not found: ' },
  search_query: { status: 400, type: 'Search Query Error', prefix: '' },
  bad_request: { status: 400, type: 'Bad Request', prefix: 'Bad request: ' },
  unavailable: { status: 503, type: 'Service Unavailable', prefix: '' },
  internal: { status: 500, type: 'Internal Server Error', prefix: '' },
};

export interface Envelope {
  status: number;
  body: Record<string, unknown>;
}

export function successEnvelope(help: string, result: unknown): Envelope {
  return { status: 200, body: { help, success: true, result } };
}

/**
 * Maps any thrown value to CKAN's error envelope. Validation errors carry their fields as keys
 * (`{"name": ["That URL is already in use."], "__type": "Validation Error"}`); anything that is
 * not an AppError, or is `internal`, becomes a fixed message and is logged with the request id.
 */
export function errorEnvelope(
  thrown: unknown,
  help: string,
  log: Logger,
  requestId: string,
): Envelope {
  const error = isAppError(thrown) ? thrown : (infrastructureError(thrown) ?? thrown);
  if (isAppError(error) && error.code === 'unavailable') {
    log.warn('service unavailable', {
      requestId,
      error: thrown instanceof Error ? thrown.message : String(thrown),
    });
  }
  if (!isAppError(error) || error.code === 'internal') {
    log.error('action failed', {
      requestId,
      error: error instanceof Error ? error.message : String(error),
      stack: error instanceof Error ? error.stack : undefined,
    });
    return {
      status: 500,
      body: {
        help,
        success: false,
        error: { __type: 'Internal Server Error', message: 'Internal Server Error' },
      },
    };
  }
  const wire = WIRE[error.code];
  const detail: Record<string, unknown> =
    error.fields && Object.keys(error.fields).length > 0
      ? { ...error.fields }
      : { message: `${wire.prefix}${error.message}` };
  return {
    status: wire.status,
    body: { help, success: false, error: { ...detail, __type: wire.type } },
  };
}
