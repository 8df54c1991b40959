/** Writes rows as RFC 4180 CSV: fields quoted when they hold a delimiter, quote or line break. */
export function writeCsv(
  rows: string[][],
  options: { eol?: string; trailingEol?: boolean } = {},
): string {
  const eol = options.eol ?? '\r\n';
  const lines = rows.map((row) =>
    row
      .map((field) =>
        // A lone empty field is quoted so its line is not read as a blank line.
        /[",\r\n]/.test(field) || (row.length === 1 && field === '')
          ? `"${field.replaceAll('"', '""')}"`
          : field,
      )
      .join(','),
  );
  return lines.join(eol) + (options.trailingEol === false ? '' : eol);
}
