import type ExcelJS from 'exceljs';
import { cellToText } from './cell-to-text.ts';
import type { ChunkReader } from './chunk-reader.ts';
import { DeferredBlankLines } from './deferred-blank-lines.ts';
import { ExcelParts, type Relationship, type SheetModel } from './excel-parts.ts';
import { exceedsUtf8Bytes } from './field-size.ts';
import { IssueLog } from './issue-log.ts';
import { readError } from './read-error.ts';
import { InflateBudget, inflateEntry, readZipDirectory, type ZipEntry } from './read-zip.ts';
import type { OpenedTable, RawRow, TableInfo } from './types.ts';
import { batchedRows, toAppError } from './wrap-failure.ts';

/** Limits an xlsx is read under. */
export interface XlsxLimits {
  sheet: string | undefined;
  maxColumns: number;
  maxFieldBytes: number;
  maxUncompressedBytes: number;
}

function unreadable(cause: unknown): ReturnType<typeof readError> {
  return readError(
    'xlsx_unreadable',
    'The Excel workbook could not be read; it may be damaged.',
    {},
    cause,
  );
}

async function readWhole(reader: ChunkReader, limit: number): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  let total = 0;
  for (let chunk = await reader.next(); chunk; chunk = await reader.next()) {
    total += chunk.length;
    if (total > limit) {
      throw readError('xlsx_unreadable', `The workbook is larger than ${limit} bytes.`, { limit });
    }
    parts.push(chunk);
  }
  return Buffer.concat(parts);
}

function notAWorkbook(entries: Map<string, ZipEntry>): never {
  const names = [...entries.keys()];
  const what = names.some((n) => n === 'mimetype' || n === 'content.xml')
    ? 'an OpenDocument file (.ods/.odt); save it as .xlsx or CSV'
    : names.some((n) => n.startsWith('word/'))
      ? 'a Word document'
      : names.some((n) => n.startsWith('ppt/'))
        ? 'a PowerPoint presentation'
        : 'a ZIP archive that is not an Excel workbook';
  throw readError('not_a_table', `The file is not a table: it is ${what}.`);
}

/** Resolves a relationship target of `xl/workbook.xml` to a part name in the archive. */
function partName(target: string): string {
  return new URL(target, 'file:///xl/').pathname.slice(1);
}

async function* utf8Text(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  // One streaming decoder per part: characters split between inflate chunks stay whole.
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of bytes) yield decoder.decode(chunk, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}

interface ChosenSheet {
  sheet: SheetModel;
  path: string;
}

function chooseSheet(
  sheets: SheetModel[],
  rels: Relationship[],
  wanted: string | undefined,
): ChosenSheet {
  const sheetNames = sheets.map((s) => s.name);
  const resolved = sheets.map((sheet) => ({ sheet, rel: rels.find((r) => r.Id === sheet.rId) }));
  const isWorksheet = (rel: Relationship | undefined) => rel?.Type.endsWith('/worksheet') === true;
  const pick =
    wanted === undefined
      ? (resolved.find((s) => isWorksheet(s.rel) && (s.sheet.state ?? 'visible') === 'visible') ??
        resolved.find((s) => isWorksheet(s.rel)))
      : resolved.find((s) => s.sheet.name === wanted);
  if (!pick) {
    throw readError(
      'xlsx_sheet_not_found',
      wanted === undefined
        ? 'The workbook has no worksheet.'
        : `The workbook has no sheet named "${wanted}" (sheets: ${sheetNames.join(', ')}).`,
      { sheet: wanted ?? null, sheetNames },
    );
  }
  if (!pick.rel || !isWorksheet(pick.rel)) {
    throw readError(
      'xlsx_sheet_not_found',
      `Sheet "${pick.sheet.name}" is not a worksheet (a chart sheet?).`,
      {
        sheet: pick.sheet.name,
        sheetNames,
      },
    );
  }
  return { sheet: pick.sheet, path: partName(pick.rel.Target) };
}

/**
 * Opens one sheet of an .xlsx held in memory and reads up to its header row.
 * @throws AppError bad_request (xlsx_unreadable, not_a_table, xlsx_sheet_not_found, empty_file,
 *   too_many_columns, field_too_large)
 */
export async function openXlsxTable(reader: ChunkReader, limits: XlsxLimits): Promise<OpenedTable> {
  const zip = await readWhole(reader, limits.maxUncompressedBytes);
  const entries = readZipDirectory(zip);
  if (!entries.has('xl/workbook.xml')) notAWorkbook(entries);
  const budget = new InflateBudget(limits.maxUncompressedBytes);
  const part = (name: string, onInput?: (n: number) => void) => {
    const entry = entries.get(name);
    if (!entry) throw readError('xlsx_unreadable', `The workbook lacks its part ${name}.`);
    return utf8Text(inflateEntry(zip, entry, budget, onInput));
  };
  const parts = new ExcelParts();
  let chosen: ChosenSheet;
  try {
    await parts.readRelationships(part('xl/_rels/workbook.xml.rels'));
    await parts.readWorkbook(part('xl/workbook.xml'));
    const rels = parts.relationships();
    for (const kind of ['styles', 'sharedStrings'] as const) {
      const rel = rels.find((r) => r.Type.endsWith(`/${kind}`));
      if (!rel || !entries.has(partName(rel.Target))) continue;
      if (kind === 'styles') await parts.readStyles(part(partName(rel.Target)));
      else await parts.readSharedStrings(part(partName(rel.Target)));
    }
    chosen = chooseSheet(parts.sheets(), rels, limits.sheet);
  } catch (error) {
    throw toAppError(error, unreadable);
  }

  const sheetEntry = entries.get(chosen.path);
  let bytesRead = zip.length - (sheetEntry?.compressedSize ?? 0);
  const sheetNo = /(\d+)\.xml$/.exec(chosen.path)?.[1] ?? String(chosen.sheet.id);
  const sheetRows = parts.worksheetRows(
    part(chosen.path, (n) => {
      bytesRead += n;
    }),
    sheetNo,
  );
  const info: TableInfo = {
    format: 'xlsx',
    encoding: null,
    lineEnding: null,
    delimiter: null,
    sheetName: chosen.sheet.name,
    sheetNames: parts.sheets().map((s) => s.name),
  };
  const issues = new IssueLog();
  const rows = sheetRowsToRaw(sheetRows, parts.date1904(), limits, issues);
  let first: IteratorResult<RawRow>;
  try {
    first = await rows.next();
  } catch (error) {
    throw toAppError(error, unreadable);
  }
  if (first.done) {
    throw readError('empty_file', `Sheet "${chosen.sheet.name}" has no rows.`, {
      sheet: chosen.sheet.name,
    });
  }
  return {
    info,
    rows: batchedRows([first.value], {
      async fill(out) {
        const next = await rows.next();
        if (!next.done) {
          out.push(next.value);
          return false;
        }
        issues.finish();
        bytesRead = zip.length;
        return true;
      },
      close: async () => {
        await rows.return(undefined);
      },
      wrap: unreadable,
    }),
    issues: () => issues.list(),
    bytesRead: () => bytesRead,
  };
}

/** Turns exceljs rows into RawRows: text cells, padded to the header width, blank rows skipped. */
async function* sheetRowsToRaw(
  sheetRows: AsyncIterable<ExcelJS.Row>,
  date1904: boolean,
  limits: XlsxLimits,
  issues: IssueLog,
): AsyncGenerator<RawRow> {
  let width = 0;
  let records = 0;
  let lastRow = 0;
  const blanks = new DeferredBlankLines();
  for await (const row of sheetRows) {
    // Rows missing from the XML are empty rows of the sheet.
    if (row.number > lastRow + 1) blanks.note(lastRow + 1, row.number - lastRow - 1);
    lastRow = row.number;
    const cells = rowCells(row, date1904, limits, records + 1);
    if (cells.length === 0) {
      blanks.note(row.number);
      continue;
    }
    blanks.flush(issues, (line) => `sheet row ${line} is empty`);
    records++;
    if (records === 1) width = cells.length;
    while (cells.length < width) cells.push('');
    yield { record: records, line: row.number, cells };
  }
}

function rowCells(
  row: ExcelJS.Row,
  date1904: boolean,
  limits: XlsxLimits,
  record: number,
): string[] {
  const cells: string[] = [];
  row.eachCell((cell, col) => {
    const text = cellToText({ value: cell.value, numFmt: cell.numFmt }, date1904);
    if (text === '') return;
    if (col > limits.maxColumns) {
      throw readError(
        'too_many_columns',
        `Sheet row ${row.number} has a value in column ${col}, past the limit of ${limits.maxColumns} columns.`,
        { record, line: row.number, maxColumns: limits.maxColumns },
      );
    }
    if (exceedsUtf8Bytes(text, limits.maxFieldBytes)) {
      throw readError(
        'field_too_large',
        `A cell of sheet row ${row.number} exceeds ${limits.maxFieldBytes} bytes.`,
        { record, line: row.number, maxFieldBytes: limits.maxFieldBytes },
      );
    }
    while (cells.length < col - 1) cells.push('');
    cells[col - 1] = text;
  });
  return cells;
}
