/** CKAN's `records_format`: objects (default), lists, or csv/tsv text without a header. */
export type RecordsFormat = 'objects' | 'lists' | 'csv' | 'tsv';

/**
 * Shapes result rows (values in column order) as CKAN returns them. csv and tsv follow
 * PostgreSQL's `COPY … csv` that CKAN uses: NULL is an empty field, an empty string is `""`,
 * booleans are t/f, JSON values are their JSON text, lines end with \n.
 */
export function formatRecords(
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  format: RecordsFormat,
): unknown {
  switch (format) {
    case 'objects':
      return rows.map((row) => Object.fromEntries(columns.map((c, i) => [c, row[i]])));
    case 'lists':
      return rows.map((row) => [...row]);
    case 'csv':
      return delimited(rows, ',');
    case 'tsv':
      return delimited(rows, '\t');
  }
}

function delimited(rows: readonly (readonly unknown[])[], delimiter: string): string {
  return rows.map((row) => `${row.map((v) => cell(v, delimiter)).join(delimiter)}\n`).join('');
}

function cell(value: unknown, delimiter: string): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (typeof value === 'boolean') text = value ? 't' : 'f';
  else if (typeof value === 'object') text = JSON.stringify(value);
  else text = String(value);
  const quote =
    text === '' ||
    text.includes(delimiter) ||
    text.includes('"') ||
    text.includes('\n') ||
    text.includes('\r');
  return quote ? `"${text.replaceAll('"', '""')}"` : text;
}
