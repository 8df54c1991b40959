// RFC 4180: a field is quoted when it holds a quote, a comma or a line break; quotes are doubled.
const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV record (without its line ending). */
export function formatCsvRecord(cells: readonly string[]): string {
  return cells
    .map((cell) => (NEEDS_QUOTES.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell))
    .join(',');
}

/** Line ending of the files `--fix` writes: CRLF, as RFC 4180 and the published standard files use. */
export const CSV_LINE_ENDING = '\r\n';
