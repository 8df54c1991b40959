import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FieldDef } from '../fields/field-def.ts';
import { cellText, neutraliseCell } from './neutralise-cell.ts';
import type { ExportRow } from './read-batches.ts';

const NUMERIC_TYPES = new Set(['int4', 'int8', 'float8', 'numeric']);

/**
 * An .xlsx workbook of one sheet, written by exceljs' streaming writer: each row is committed
 * as it comes, so the sheet is never held whole. Numbers stay numbers; text is neutralised
 * against formulas like the CSV, because users copy cells on into other sheets.
 */
export async function* xlsxChunks(
  fields: readonly FieldDef[],
  batches: AsyncIterable<ExportRow[]>,
): AsyncGenerator<Uint8Array> {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useSharedStrings: false,
    useStyles: false,
  });
  const sheet = workbook.addWorksheet('data');
  const produce = (async () => {
    sheet.addRow(['_id', ...fields.map((f) => f.id)]).commit();
    for await (const batch of batches) {
      for (const row of batch) {
        sheet.addRow([row.id, ...row.values.map((v, i) => xlsxCell(v, fields[i]))]).commit();
      }
      // Let the zip stream drain before the next batch is read (bounded memory).
      if (out.writableNeedDrain) await new Promise((resolve) => out.once('drain', resolve));
    }
    sheet.commit();
    await workbook.commit();
  })();
  produce.catch((error: unknown) =>
    out.destroy(error instanceof Error ? error : new Error(String(error))),
  );
  for await (const chunk of out) {
    if (chunk instanceof Uint8Array) yield chunk;
  }
  await produce;
}

function xlsxCell(value: unknown, field: FieldDef | undefined): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (field && NUMERIC_TYPES.has(field.type)) {
    const n = Number(value);
    if (Number.isFinite(n)) return n;
  }
  if (typeof value === 'boolean') return value;
  return neutraliseCell(cellText(value));
}
