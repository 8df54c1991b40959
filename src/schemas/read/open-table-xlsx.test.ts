import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { openTable } from './open-table.ts';
import { buildZip, minimalXlsxFiles } from './testing/build-zip.ts';
import { chunked, collectCells, collectRows } from './testing/collect.ts';
import { readErrorWith } from './testing/expect-read-error.ts';

async function toBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function buildFacilities(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('施設一覧');
  sheet.addRow(['名称', '緯度', '開設日', '開始時間', '無料', '備考', '合計']);
  sheet.addRow([
    '札幌市役所',
    43.062099999999994,
    new Date(Date.UTC(2024, 3, 1)),
    null,
    true,
    { richText: [{ text: '北' }, { text: '海道', font: { bold: true } }] },
    { formula: 'B2*2', result: 86.12419999999999 },
  ]);
  sheet.getCell('D2').value = 0.375;
  sheet.getCell('D2').numFmt = 'h:mm';
  sheet.addRow(['旭川市役所']);
  return toBytes(workbook);
}

test('an xlsx sheet reads as text cells the way Excel shows them', async () => {
  const table = await openTable(await buildFacilities());
  assert.deepEqual(await collectCells(table), [
    ['名称', '緯度', '開設日', '開始時間', '無料', '備考', '合計'],
    ['札幌市役所', '43.0621', '2024-04-01', '09:00', 'TRUE', '北海道', '86.1242'],
    ['旭川市役所', '', '', '', '', '', ''],
  ]);
});

test('an xlsx reports its format and sheets and no text encoding', async () => {
  const table = await openTable(await buildFacilities());
  assert.deepEqual(table.info, {
    format: 'xlsx',
    encoding: null,
    lineEnding: null,
    delimiter: null,
    sheetName: '施設一覧',
    sheetNames: ['施設一覧'],
  });
});

test('the sheet option picks a sheet by name, and the first sheet is the default', async () => {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('説明').addRow(['このファイルについて']);
  workbook.addWorksheet('データ').addRow(['名称']);
  const bytes = await toBytes(workbook);
  assert.deepEqual(await collectCells(await openTable(bytes)), [['このファイルについて']]);
  const chosen = await openTable(bytes, { sheet: 'データ' });
  assert.equal(chosen.info.sheetName, 'データ');
  assert.deepEqual(chosen.info.sheetNames, ['説明', 'データ']);
  assert.deepEqual(await collectCells(chosen), [['名称']]);
});

test('a sheet name that does not exist fails with the list of sheets', async () => {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('データ').addRow(['名称']);
  await assert.rejects(
    openTable(await toBytes(workbook), { sheet: 'Sheet1' }),
    readErrorWith('xlsx_sheet_not_found', (error) => {
      assert.deepEqual(error.details?.sheetNames, ['データ']);
    }),
  );
});

test('Japanese text split between inflate chunks is not corrupted (exceljs #2063)', async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('住所');
  sheet.addRow(['住所']);
  for (let i = 0; i < 5000; i++) sheet.addRow([`北海道札幌市中央区北${i}条西`]);
  const cells = await collectCells(await openTable(await toBytes(workbook)));
  assert.equal(cells.length, 5001);
  assert.ok(cells.every(([cell]) => cell !== undefined && !cell.includes('\uFFFD')));
});

test('an xlsx can arrive as a chunked stream', async () => {
  const bytes = await buildFacilities();
  const rows = await collectRows(await openTable(chunked(bytes, [100, 1000, 5000])));
  assert.equal(rows.length, 3);
});

test('empty rows inside a sheet are skipped and reported, trailing ones are not', async () => {
  const zip = buildZip(
    minimalXlsxFiles({
      sheet:
        '<row r="1"><c r="A1" t="inlineStr"><is><t>名称</t></is></c><c r="B1"><v>1</v></c></row>' +
        '<row r="3"><c r="A3" t="inlineStr"><is><t>x</t></is></c></row>' +
        '<row r="9"><c r="C9" t="inlineStr"><is><t></t></is></c></row>',
    }),
  );
  const table = await openTable(zip);
  const rows = await collectRows(table);
  assert.deepEqual(
    rows.map((row) => [row.record, row.line, ...row.cells]),
    [
      [1, 1, '名称', '1'],
      [2, 3, 'x', ''],
    ],
  );
  assert.deepEqual(
    table.issues().map((i) => [i.code, i.line]),
    [['blank_line', 2]],
  );
});

test('a sheet with no rows is refused as empty_file', async () => {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('空');
  await assert.rejects(openTable(await toBytes(workbook)), readErrorWith('empty_file'));
});

test('a value past maxColumns is refused as too_many_columns', async () => {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('wide').addRow(['a', 'b', 'c', 'd']);
  await assert.rejects(
    openTable(await toBytes(workbook), { maxColumns: 3 }),
    readErrorWith('too_many_columns'),
  );
});

test('a damaged ZIP is refused as xlsx_unreadable', async () => {
  const bytes = await buildFacilities();
  await assert.rejects(
    openTable(bytes.slice(0, bytes.length - 30)),
    readErrorWith('xlsx_unreadable'),
  );
});

test('a workbook that inflates past the limit is refused before it is expanded (zip bomb)', async () => {
  const files = minimalXlsxFiles({
    sheet: `<row r="1"><c r="A1" t="inlineStr"><is><t>${' '.repeat(5_000_000)}</t></is></c></row>`,
  }).map((file) => ({ ...file, deflate: true }));
  const zip = buildZip(files);
  assert.ok(zip.length < 20_000);
  await assert.rejects(
    openTable(zip, { maxUncompressedBytes: 1_000_000 }),
    readErrorWith('xlsx_unreadable', (error) => {
      assert.match(error.message, /zip bomb/);
    }),
  );
});

test('XML entity definitions are never expanded (billion laughs)', async () => {
  const laughs =
    '<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">' +
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>' +
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&c;</t></si></sst>';
  const zip = buildZip(
    minimalXlsxFiles({
      sheet: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>',
      sharedStrings: laughs,
    }),
  );
  // saxes (exceljs's XML parser) rejects entities it was not given instead of expanding them.
  await assert.rejects(openTable(zip), readErrorWith('xlsx_unreadable'));
});
