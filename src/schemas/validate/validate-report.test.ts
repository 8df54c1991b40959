import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import {
  buildToiletCsv,
  buildToiletRow,
  toiletHeader,
} from '../../../test/fixtures/validator/build-table.ts';
import { knownIssueCodes } from './describe-issue.ts';
import { validateBytes } from './validate-bytes.ts';

test('issues beyond the per-code cap are counted, not listed', async () => {
  const rows = Array.from({ length: 300 }, () => ({ 高度の種別: '階' }));
  const report = await validateBytes(buildToiletCsv(rows), { maxErrorsPerCode: 10 });
  assert.equal(report.issues.filter((i) => i.code === 'enum_invalid').length, 10);
  assert.equal(report.truncated.enum_invalid, 290);
  assert.equal(report.summary.byCode.enum_invalid, 300);
  assert.equal(report.summary.errors, 300);
});

test('bytes that are no table give an unreadable report, not an exception', async () => {
  const report = await validateBytes(new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<< >>\n'));
  assert.deepEqual([report.readable, report.valid], [false, false]);
  assert.equal(report.issues[0]?.code, 'unreadable');
});

test('an empty file gives an unreadable report', async () => {
  const report = await validateBytes(new Uint8Array());
  assert.equal(report.readable, false);
});

test('a row with too few cells is an error, one with extra empty cells a fixable warning', async () => {
  const text = new TextDecoder().decode(buildToiletCsv([{}, {}])).split('\r\n');
  const short = text[1]?.split(',').slice(0, 30).join(',');
  const bytes = new TextEncoder().encode([text[0], short, `${text[2]},,`, ''].join('\r\n'));
  const report = await validateBytes(bytes);
  const rowCodes = report.issues
    .filter((i) => i.column === null && i.row !== null)
    .map((i) => [i.row, i.code, i.fixable]);
  assert.deepEqual(rowCodes, [
    [2, 'row_too_few_fields', false],
    [3, 'row_trailing_empty_fields', true],
  ]);
});

test('extra cells with values are an error', async () => {
  const text = new TextDecoder().decode(buildToiletCsv([{}]));
  const report = await validateBytes(new TextEncoder().encode(text.replace(/\r\n$/, ',x\r\n')));
  assert.equal(report.issues.find((i) => i.code === 'row_too_many_fields')?.row, 2);
});

test('every issue carries a Japanese and an English message and fix', async () => {
  const rows = [
    { 全国地方公共団体コード: '12345', 緯度: 'x', 利用開始時間: '午後', 画像: 'a b', 名称: '' },
  ];
  const report = await validateBytes(
    buildToiletCsv(rows, { header: [...toiletHeader().slice(0, -1), 'メモ'] }),
  );
  assert.ok(report.issues.length > 5);
  for (const issue of report.issues) {
    for (const text of [issue.message.ja, issue.message.en, issue.fix.ja, issue.fix.en]) {
      assert.ok(text.length > 0 && !text.includes('undefined'), `${issue.code}: ${text}`);
    }
    assert.ok(knownIssueCodes().includes(issue.code), issue.code);
  }
});

test('an XLSX file is validated like its CSV', async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('公衆トイレ');
  sheet.addRow(toiletHeader());
  const row = buildToiletRow({ 高度の種別: '階' });
  sheet.addRow(toiletHeader().map((n) => row[n] ?? ''));
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  const report = await validateBytes(bytes, { fileName: 'toilet.xlsx' });
  assert.deepEqual(
    [report.format, report.sheetName, report.schema?.id],
    ['xlsx', '公衆トイレ', 'a13-public_toilet'],
  );
  assert.deepEqual(
    report.issues.map((i) => i.code),
    ['enum_invalid'],
  );
});

test('progress is reported while validating', async () => {
  const seen: number[] = [];
  const rows = Array.from({ length: 4500 }, () => ({}));
  await validateBytes(buildToiletCsv(rows), { onProgress: (p) => seen.push(p.rows) });
  assert.deepEqual(seen, [2000, 4000, 4500]);
});
