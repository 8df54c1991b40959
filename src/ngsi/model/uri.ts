// An absolute IRI: a scheme, a colon and no spaces or characters JSON-LD forbids in IRIs.
const ABSOLUTE_URI = /^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>"{}|\\^`]+$/;

/** Whether a string is an absolute URI, as entity ids, datasetIds and objects must be. */
export function isUri(value: unknown): value is string {
  return typeof value === 'string' && ABSOLUTE_URI.test(value);
}
