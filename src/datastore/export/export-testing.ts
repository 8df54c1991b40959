import type { Platform } from '../../platform/index.ts';
import { findTable } from '../repo/table-registry.ts';
import { createDataset, createTable, type TestUsers } from '../testing/fixtures.ts';
import type { Cp932CellEncoder } from './encode-cp932.ts';
import type { ExportFormat } from './export-format.ts';
import { exportTable } from './export-table.ts';

/** 避難所-like rows with Japanese text, formulas, a character CP932 lacks and coordinates. */
export const EXPORT_FIELDS = [
  { id: '名称', type: 'text' },
  { id: '人数', type: 'int' },
  { id: '緯度', type: 'float8' },
  { id: '経度', type: 'float8' },
  { id: '備考', type: 'text' },
  { id: '金額', type: 'numeric' },
];

/** Three rows: plain, quoting and unmappable characters, and a number-like text. */
export const EXPORT_RECORDS = [
  { 名称: '札幌市役所', 人数: 10, 緯度: 43.0621, 経度: 141.3544, 備考: '=SUM(A1)', 金額: '-12.5' },
  { 名称: '𠮷野家, "本店"', 人数: null, 緯度: null, 経度: null, 備考: '@home\n二行目', 金額: null },
  { 名称: '㊙基地〜', 人数: -3, 緯度: 43.5, 経度: 142, 備考: '-12.5', 金額: 0 },
];

/** Creates the export table in a public dataset of 札幌市. @returns its resource id. */
export async function createExportTable(
  p: Platform,
  u: TestUsers,
  overrides: Record<string, unknown> = {},
) {
  return createTable(p, u, await createDataset(p, u, overrides), {
    fields: EXPORT_FIELDS,
    records: EXPORT_RECORDS,
  });
}

/** The whole export of a table as one buffer. */
export async function collectExport(
  p: Platform,
  id: string,
  format: ExportFormat,
  options: { bom?: boolean; cp932?: Cp932CellEncoder } = {},
): Promise<Buffer> {
  const meta = await findTable(p.db, id);
  if (!meta) throw new Error(`no table ${id}`);
  const parts: Uint8Array[] = [];
  for await (const chunk of exportTable(p.db, meta, format, options)) parts.push(chunk);
  return Buffer.concat(parts);
}
