import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  buildCsvBytes,
  buildSchemaCsv,
  buildToiletCsv,
  buildToiletRow,
  toiletHeader,
} from '../../../test/fixtures/validator/build-table.ts';
import { openTable } from '../read/index.ts';
import { validateBytes } from '../validate/validate-bytes.ts';
import { type FixOptions, type FixResult, fixTable } from './fix-table.ts';

async function fix(
  bytes: Uint8Array,
  options: FixOptions = {},
): Promise<{ text: string; result: FixResult }> {
  let text = '';
  const result = await fixTable(
    await openTable(bytes),
    (chunk) => {
      text += chunk;
    },
    options,
  );
  return { text, result };
}

const cell = (text: string, row: number, column: number) =>
  text.split('\r\n')[row - 1]?.split(',')[column - 1];

test('the output is UTF-8 without BOM, with CRLF line endings, from a Shift_JIS LF file', async () => {
  const { text } = await fix(buildToiletCsv([{}], { encoding: 'shift_jis', lineEnding: '\n' }));
  assert.ok(text.startsWith('全国地方公共団体コード,ID,'));
  assert.equal(text.split('\r\n').length, 3);
  assert.ok(!text.replace(/\r\n/g, '').includes('\n'));
});

test('certain value fixes are applied and every change is listed', async () => {
  const rows = [
    {
      全国地方公共団体コード: '12301',
      利用開始時間: '9:00',
      車椅子使用者用トイレ有無: '○',
      名称: ' 若草中央公園　',
    },
  ];
  const { text, result } = await fix(buildToiletCsv(rows), { prefectureCode: '01' });
  assert.deepEqual(
    [cell(text, 2, 1), cell(text, 2, 34), cell(text, 2, 31), cell(text, 2, 4)],
    ['012301', '09:00', '有', '若草中央公園'],
  );
  assert.deepEqual(
    result.changes.map((c) => [c.row, c.column, c.from, c.to]),
    [
      [2, 1, '12301', '012301'],
      [2, 4, ' 若草中央公園　', '若草中央公園'],
      [2, 31, '○', '有'],
      [2, 34, '9:00', '09:00'],
    ],
  );
  assert.equal(result.changesByCode.municipality_code_lost_leading_zero, 1);
});

test('postal-code marks and hyphens are removed', async () => {
  const { text } = await fix(buildSchemaCsv('a03-evacuation_space', [{ 郵便番号: '〒060-0001' }]));
  assert.equal(cell(text, 2, 22), '0600001');
});

test('和暦 dates become ISO dates', async () => {
  const row = { データ名称: 'x', データ形式: 'CSV', 分類: 'その他', 最終更新日: 'R3.4.1' };
  const { text } = await fix(buildSchemaCsv('r14-open_data_list', [row]));
  assert.equal(cell(text, 2, 14), '2021-04-01');
});

test('nothing uncertain is changed: a wrong check digit, a unit, full-width digits in text', async () => {
  const rows = [{ 全国地方公共団体コード: '012302', 男性トイレ総数: '10台', 設置位置: '２階' }];
  const { result } = await fix(buildToiletCsv(rows));
  assert.deepEqual(result.changes, []);
});

test('certain header renames (width variants, English item names) are applied', async () => {
  const header = toiletHeader().map((n) =>
    n === '名称_カナ' ? '名称＿カナ' : n === '緯度' ? 'latitude' : n,
  );
  const { text, result } = await fix(buildToiletCsv([{}], { header }));
  assert.deepEqual(text.split('\r\n')[0]?.split(','), toiletHeader());
  assert.equal(result.changes.filter((c) => c.row === 1).length, 2);
});

test('empty rows and trailing empty cells are dropped', async () => {
  const lines = new TextDecoder()
    .decode(buildCsvBytes(toiletHeader(), [buildToiletRow(), {}]))
    .split('\r\n');
  const text = [lines[0], `${lines[1]},,`, lines[2], ''].join('\r\n');
  const { result } = await fix(new TextEncoder().encode(text));
  assert.deepEqual([result.rowsWritten, result.rowsDropped], [1, 1]);
  assert.deepEqual(
    result.changes.flatMap((c) => c.codes),
    ['row_trailing_empty_fields', 'empty_row'],
  );
});

test('the fixed output re-validates with no fixable issue left', async () => {
  const rows = [
    {
      全国地方公共団体コード: '12301',
      ID: 'ＬＬ０１',
      緯度: '141.056621',
      経度: '42.371870',
      男性トイレ総数: '1,234',
    },
  ];
  const { text } = await fix(buildToiletCsv(rows, { encoding: 'shift_jis' }), {
    prefectureCode: '01',
  });
  const report = await validateBytes(new TextEncoder().encode(text), { prefectureCode: '01' });
  assert.deepEqual(
    report.issues.filter((i) => i.fixable),
    [],
  );
});

test('fixing is idempotent', async () => {
  const rows = [{ 利用開始時間: '9:00', 名称: ' a ', 高度の種別: '階 数' }];
  const once = await fix(buildToiletCsv(rows));
  const twice = await fix(new TextEncoder().encode(once.text));
  assert.equal(twice.text, once.text);
  assert.equal(twice.result.totalChanges, 0);
});

test('the change list is capped, the count is not', async () => {
  const rows = Array.from({ length: 30 }, () => ({ 利用開始時間: '9:00' }));
  const { result } = await fix(buildToiletCsv(rows), { maxChanges: 5 });
  assert.deepEqual([result.changes.length, result.totalChanges, result.truncated], [5, 30, true]);
});
