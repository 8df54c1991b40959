/** The formats of `/datastore/dump/{id}`; `csv` first, CKAN's default. */
export const EXPORT_FORMATS = ['csv', 'csv-cp932', 'tsv', 'json', 'geojson', 'xlsx'] as const;

/** One export format. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const MEDIA_TYPES: Readonly<Record<ExportFormat, string>> = {
  csv: 'text/csv; charset=utf-8',
  'csv-cp932': 'text/csv; charset=Shift_JIS',
  tsv: 'text/tab-separated-values; charset=utf-8',
  json: 'application/json; charset=utf-8',
  geojson: 'application/geo+json',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const EXTENSIONS: Readonly<Record<ExportFormat, string>> = {
  csv: 'csv',
  'csv-cp932': 'csv',
  tsv: 'tsv',
  json: 'json',
  geojson: 'geojson',
  xlsx: 'xlsx',
};

/** The Content-Type of a format (RFC 7946 for GeoJSON, IANA's TSV type). */
export function exportMediaType(format: ExportFormat): string {
  return MEDIA_TYPES[format];
}

/** The file name of a table's export, e.g. `<resource id>.csv`. */
export function exportFileName(baseName: string, format: ExportFormat): string {
  return `${baseName}.${EXTENSIONS[format]}`;
}

/** Whether a format name is one of EXPORT_FORMATS. */
export function isExportFormat(name: string): name is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(name);
}
