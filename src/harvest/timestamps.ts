/**
 * Remote portals write metadata_modified as CKAN does (`2026-11-25T03:41:18.123456`, naive
 * UTC) or with a zone (`…Z`, `…+09:00`). Normalising to CKAN's wire form (six fraction digits,
 * no zone) makes them comparable as strings, which the watermark relies on.
 * @returns the normalised timestamp, or null when the value is not a timestamp.
 */
export function normalizeTimestamp(value: string): string | null {
  const m =
    /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?$/.exec(
      value.trim(),
    );
  if (!m) return null;
  const [, date = '', time = '', fraction = '', zone = ''] = m;
  const seconds = time.length === 5 ? `${time}:00` : time;
  const micros = fraction.padEnd(6, '0').slice(0, 6);
  if (zone === '' || zone === 'Z' || /^[+-]00:?00$/.test(zone)) {
    const parsed = Date.parse(`${date}T${seconds}Z`);
    return Number.isNaN(parsed) ? null : `${date}T${seconds}.${micros}`;
  }
  const offset = zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const parsed = Date.parse(`${date}T${seconds}${offset}`);
  if (Number.isNaN(parsed)) return null;
  return `${new Date(parsed).toISOString().slice(0, 19)}.${micros}`;
}

/** The Solr date a `metadata_modified:[… TO *]` filter takes. */
export function toSolrDate(timestamp: string): string {
  return `${timestamp}Z`;
}
