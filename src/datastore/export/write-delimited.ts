import { cellText, neutraliseCell } from './neutralise-cell.ts';

/** CSV (RFC 4180, CRLF) or TSV. */
export type Delimiter = ',' | '\t';

/**
 * One CSV or TSV line with its CRLF, cells neutralised against formulas. CSV quotes a cell holding
 * the delimiter, a quote or a line break (RFC 4180 §2.6–7); TSV has no quoting (IANA
 * text/tab-separated-values), so tabs and line breaks inside a cell become spaces.
 */
export function delimitedLine(values: readonly unknown[], delimiter: Delimiter): string {
  const cells = values.map((v) => neutraliseCell(cellText(v)));
  if (delimiter === '\t') return `${cells.map((c) => c.replace(/[\t\r\n]+/g, ' ')).join('\t')}\r\n`;
  return `${cells.map(quoteCsv).join(',')}\r\n`;
}

function quoteCsv(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}
