/** File extension → CKAN format label and media type, for resources given only a URL. */
const FORMATS: Record<string, { format: string; mimetype: string }> = {
  csv: { format: 'CSV', mimetype: 'text/csv' },
  tsv: { format: 'TSV', mimetype: 'text/tab-separated-values' },
  xlsx: {
    format: 'XLSX',
    mimetype: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
  xls: { format: 'XLS', mimetype: 'application/vnd.ms-excel' },
  json: { format: 'JSON', mimetype: 'application/json' },
  geojson: { format: 'GeoJSON', mimetype: 'application/geo+json' },
  xml: { format: 'XML', mimetype: 'application/xml' },
  pdf: { format: 'PDF', mimetype: 'application/pdf' },
  zip: { format: 'ZIP', mimetype: 'application/zip' },
  txt: { format: 'TXT', mimetype: 'text/plain' },
  html: { format: 'HTML', mimetype: 'text/html' },
  kml: { format: 'KML', mimetype: 'application/vnd.google-earth.kml+xml' },
  shp: { format: 'SHP', mimetype: 'application/octet-stream' },
  rdf: { format: 'RDF', mimetype: 'application/rdf+xml' },
  ttl: { format: 'TTL', mimetype: 'text/turtle' },
};

/** Guesses format and media type from the last path segment of a URL or file name. */
export function guessFormat(urlOrName: string): { format: string; mimetype: string } | null {
  const path = urlOrName.split(/[?#]/)[0] ?? '';
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(path)?.[1]?.toLowerCase();
  return ext ? (FORMATS[ext] ?? null) : null;
}
