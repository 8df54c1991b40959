import type { CoverageMatrix } from './build-matrix.ts';

/** Quotes a CSV field when it holds a comma, a quote or a line break (RFC 4180 §2.6–2.7). */
function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * The matrix as CSV: one row per publisher (code, name, title, region), one column per schema,
 * a published cell written `conforming (82)`, an unpublished one empty. CRLF line ends.
 */
export function renderCoverageCsv(m: CoverageMatrix): string {
  const header = ['code', 'name', 'title', 'region', ...m.schemas.map((s) => s.id)];
  const cellOf = new Map(m.cells.map((c) => [`${c.publisher}\u0000${c.schema}`, c]));
  const lines = [header.map(field).join(',')];
  for (const p of m.publishers) {
    const values = m.schemas.map((s) => {
      const c = cellOf.get(`${p.code}\u0000${s.id}`);
      if (!c?.published) return '';
      return c.row_count === null || c.row_count === undefined
        ? `${c.conformance}`
        : `${c.conformance} (${c.row_count})`;
    });
    lines.push([p.code, p.name, p.title, p.region ?? '', ...values].map(field).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
