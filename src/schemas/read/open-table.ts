import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../core/errors.ts';
import { ChunkReader } from './chunk-reader.ts';
import { SNIFF_BYTES } from './detect-encoding.ts';
import { openTextTable } from './open-text-table.ts';
import { openXlsxTable } from './open-xlsx-table.ts';
import { readError } from './read-error.ts';
import { formatFromFileName, sniffMagic } from './sniff-format.ts';
import type { ByteSource, OpenedTable, OpenTableOptions } from './types.ts';
import { toAppError } from './wrap-failure.ts';

const DEFAULT_MAX_COLUMNS = 1000;
const DEFAULT_MAX_FIELD_BYTES = 1_000_000;
const DEFAULT_MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;

async function open(reader: ChunkReader, options: OpenTableOptions): Promise<OpenedTable> {
  const head = await reader.peek(SNIFF_BYTES);
  if (head.length === 0) throw readError('empty_file', 'The file is empty (0 bytes).');
  const declared = options.format && options.format !== 'auto' ? options.format : null;
  const magic = sniffMagic(head);
  if (magic.kind === 'binary') {
    throw readError('not_a_table', `The file is not a table: it looks like ${magic.what}.`);
  }
  if (magic.kind === 'zip') {
    if (declared === 'csv' || declared === 'tsv') {
      throw readError(
        'not_a_table',
        `The file is a ZIP archive (an Excel workbook?), not ${declared.toUpperCase()} text.`,
      );
    }
    return openXlsxTable(reader, {
      sheet: options.sheet,
      maxColumns: options.maxColumns ?? DEFAULT_MAX_COLUMNS,
      maxFieldBytes: options.maxFieldBytes ?? DEFAULT_MAX_FIELD_BYTES,
      maxUncompressedBytes: options.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED_BYTES,
    });
  }
  if (declared === 'xlsx') {
    throw readError(
      'xlsx_unreadable',
      'The file was declared .xlsx but is not a ZIP-based Excel workbook.',
    );
  }
  // Content decides between text and workbook; only the delimiter takes a hint from the name.
  const named = declared ?? formatFromFileName(options.fileName);
  return openTextTable(reader, head, named === 'tsv' ? '\t' : declared === 'csv' ? ',' : null, {
    maxColumns: options.maxColumns ?? DEFAULT_MAX_COLUMNS,
    maxFieldBytes: options.maxFieldBytes ?? DEFAULT_MAX_FIELD_BYTES,
  });
}

/**
 * Opens a CSV, TSV or XLSX table from bytes and streams its rows (header first).
 * @throws AppError bad_request with details.code one of: 'unreadable_encoding', 'empty_file',
 *   'not_a_table' (e.g. a PDF or a ZIP that is not xlsx), 'xlsx_unreadable', 'xlsx_sheet_not_found',
 *   'too_many_columns', 'field_too_large'. Iterating `rows` throws only AppError too.
 */
export async function openTable(
  source: ByteSource,
  options: OpenTableOptions = {},
): Promise<OpenedTable> {
  const reader = new ChunkReader(source);
  try {
    return await open(reader, options);
  } catch (error) {
    await reader.close().catch(() => undefined);
    throw toAppError(error);
  }
}

/**
 * Convenience for files on disk: streams the file (its name also hints the format).
 * @throws AppError not_found when the file does not exist, else as `openTable`.
 */
export async function openTableFile(
  filePath: string,
  options: OpenTableOptions = {},
): Promise<OpenedTable> {
  try {
    const info = await stat(filePath);
    if (!info.isFile()) throw new Error('not a regular file');
  } catch (error) {
    throw new AppError('not_found', `No readable file at ${filePath}.`, { cause: error });
  }
  const stream = createReadStream(filePath, { highWaterMark: 64 * 1024 });
  return openTable(stream, { fileName: path.basename(filePath), ...options });
}
