import { invalid } from '../../core/errors.ts';
import type { Database } from '../../db/index.ts';
import type { TableMeta } from '../fields/field-def.ts';
import { Cp932CellEncoder, encodeCp932 } from './encode-cp932.ts';
import type { ExportFormat } from './export-format.ts';
import { cellText } from './neutralise-cell.ts';
import { type ExportRow, readRowBatches } from './read-batches.ts';
import { delimitedLine } from './write-delimited.ts';
import { geojsonWriter } from './write-geojson.ts';
import { xlsxChunks } from './write-xlsx.ts';

/** Options of an export. */
export interface ExportOptions {
  /** UTF-8 CSV/TSV only: start with a byte order mark (Excel needs it to read UTF-8). */
  readonly bom?: boolean;
  /** CSV CP932 only: collects the characters replaced by 〓. */
  readonly cp932?: Cp932CellEncoder;
}

const UTF8_BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

/**
 * The table's rows in the format, as byte chunks read from the database a batch at a time.
 * The caller must already have checked that the actor may read the table.
 * @throws AppError validation `format` for GeoJSON of a table without latitude/longitude.
 */
export function exportTable(
  db: Database,
  meta: TableMeta,
  format: ExportFormat,
  options: ExportOptions = {},
): AsyncGenerator<Uint8Array> {
  const batches = readRowBatches(db, meta);
  const header = ['_id', ...meta.fields.map((f) => f.id)];
  switch (format) {
    case 'csv':
    case 'tsv': {
      const delimiter = format === 'csv' ? ',' : '\t';
      return textChunks(
        options.bom ? UTF8_BOM : undefined,
        delimitedLine(header, delimiter),
        batches,
        (row) => delimitedLine([row.id, ...row.values], delimiter),
        '',
      );
    }
    case 'csv-cp932':
      return cp932Chunks(meta, batches, options.cp932 ?? new Cp932CellEncoder());
    case 'json': {
      let first = true;
      const head = `{"fields":${JSON.stringify([{ id: '_id', type: 'int' }, ...meta.fields.map((f) => ({ id: f.id, type: f.type }))])},"records":[\n`;
      return textChunks(
        undefined,
        head,
        batches,
        (row) => {
          const text = `${first ? '' : ',\n'}${JSON.stringify([row.id, ...row.values])}`;
          first = false;
          return text;
        },
        '\n]}\n',
      );
    }
    case 'geojson': {
      const writer = geojsonWriter(meta.fields);
      if (!writer) {
        throw invalid({
          format: [
            '緯度・経度の列がないため GeoJSON にできません / The table has no latitude/longitude columns for GeoJSON',
          ],
        });
      }
      return textChunks(undefined, writer.head(), batches, writer.row, writer.tail());
    }
    case 'xlsx':
      return xlsxChunks(meta.fields, batches);
  }
}

async function* textChunks(
  prefix: Uint8Array | undefined,
  head: string,
  batches: AsyncIterable<ExportRow[]>,
  line: (row: ExportRow) => string,
  tail: string,
): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  if (prefix) yield prefix;
  yield encoder.encode(head);
  for await (const batch of batches) yield encoder.encode(batch.map(line).join(''));
  if (tail) yield encoder.encode(tail);
}

async function* cp932Chunks(
  meta: TableMeta,
  batches: AsyncIterable<ExportRow[]>,
  cells: Cp932CellEncoder,
): AsyncGenerator<Uint8Array> {
  const names = meta.fields.map((f) => f.id);
  // Row 0 is the header: a column name CP932 lacks is reported like a cell.
  const header = ['_id', ...names.map((n) => cells.mapCell(n, 0, n))];
  yield encodeCp932(delimitedLine(header, ','));
  for await (const batch of batches) {
    const text = batch
      .map((row) =>
        delimitedLine(
          [row.id, ...row.values.map((v, i) => cells.mapCell(cellText(v), row.id, names[i] ?? ''))],
          ',',
        ),
      )
      .join('');
    yield encodeCp932(text);
  }
}

/**
 * Reads the whole table once to find the characters CP932 lacks, without keeping the rows: the
 * count for a response header before the body, and the first `keep` places for a report.
 */
export async function scanCp932(db: Database, meta: TableMeta, keep = 100) {
  const cells = new Cp932CellEncoder(keep);
  for await (const _chunk of cp932Chunks(meta, readRowBatches(db, meta), cells)) {
    // The chunks are dropped: only the encoder's findings are wanted.
  }
  return { count: cells.count, found: cells.found };
}
