import type { ProblemType } from '../ngsi/index.ts';

/**
 * NGSI-LD ProblemDetails (clause 5.5.2, RFC 7807): the only table mapping problem types to HTTP
 * statuses and titles. `detail` is the error's own message, never equal to the title.
 */
const PROBLEMS: Record<ProblemType, { status: number; title: string }> = {
  BadRequestData: { status: 400, title: 'Bad request data' },
  InvalidRequest: { status: 400, title: 'Invalid request' },
  AlreadyExists: { status: 409, title: 'Already exists' },
  ResourceNotFound: { status: 404, title: 'Resource not found' },
  NonexistentTenant: { status: 404, title: 'Nonexistent tenant' },
  OperationNotSupported: { status: 422, title: 'Operation not supported' },
  TooManyResults: { status: 403, title: 'Too many results' },
  TooComplexQuery: { status: 403, title: 'Too complex query' },
  LdContextNotAvailable: { status: 503, title: 'JSON-LD @context not available' },
  AccessDenied: { status: 403, title: 'Access denied' },
  NotAcceptable: { status: 406, title: 'Not acceptable' },
  MethodNotAllowed: { status: 405, title: 'Method not allowed' },
  UnsupportedMediaType: { status: 415, title: 'Unsupported media type' },
  InternalError: { status: 500, title: 'Internal error' },
};

const TYPE_BASE = 'https://uri.etsi.org/ngsi-ld/errors/';

/** The ProblemDetails body of a problem (used inside batch results too). */
export function problemBody(type: ProblemType, detail: string): Record<string, string> {
  const p = PROBLEMS[type];
  return {
    type: TYPE_BASE + type,
    title: p.title,
    detail: detail && detail !== p.title ? detail : `${p.title}.`,
  };
}

/** A ProblemDetails response with the problem's status. */
export function problemResponse(type: ProblemType, detail: string): Response {
  return new Response(JSON.stringify(problemBody(type, detail)), {
    status: PROBLEMS[type].status,
    headers: { 'Content-Type': 'application/json' },
  });
}
