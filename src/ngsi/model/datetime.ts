const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Whether a string is an NGSI-LD DateTime (ISO 8601 with a zone, clause 4.6.3). */
export function isDateTime(value: unknown): value is string {
  return typeof value === 'string' && DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
}

/** An ISO 8601 UTC timestamp with milliseconds and `Z`: how the broker writes system times. */
export function isoTime(date: Date): string {
  return date.toISOString();
}
