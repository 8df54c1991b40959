import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  buildCsvBytes,
  buildSchemaCsv,
  buildToiletCsv,
  buildToiletRow,
  toiletHeader,
} from '../../../test/fixtures/validator/build-table.ts';
import type { ValidationReport } from './report-types.ts';
import { validateBytes } from './validate-bytes.ts';

const codes = (report: ValidationReport) => report.issues.map((i) => i.code);
const find = (report: ValidationReport, code: string) =>
  report.issues.filter((i) => i.code === code);

test('a conforming 公衆トイレ一覧 file is valid and raises nothing', async () => {
  const report = await validateBytes(buildToiletCsv([{}, {}]));
  assert.deepEqual(codes(report), []);
  assert.equal(report.valid, true);
  assert.equal(report.schema?.id, 'a13-public_toilet');
  assert.equal(report.summary.rows, 2);
});

test('a Shift_JIS file is read and gets a fixable notice recommending UTF-8', async () => {
  const report = await validateBytes(buildToiletCsv([{}], { encoding: 'shift_jis' }));
  assert.equal(report.encoding, 'shift_jis');
  assert.equal(report.schema?.id, 'a13-public_toilet');
  assert.equal(find(report, 'encoding_not_utf8')[0]?.fixable, true);
  assert.equal(report.valid, true);
});

test('LF line endings get a notice, CRLF none', async () => {
  const report = await validateBytes(buildToiletCsv([{}], { lineEnding: '\n' }));
  assert.equal(report.lineEnding, 'lf');
  assert.equal(find(report, 'line_ending_not_crlf').length, 1);
});

test('a missing 必須 column is an error, a missing 推奨 column a warning', async () => {
  const names = toiletHeader().filter((n) => n !== '名称' && n !== '画像');
  const report = await validateBytes(buildCsvBytes(names, [buildToiletRow()]));
  assert.deepEqual(
    find(report, 'missing_required_column').map((i) => i.message.ja),
    ['必須項目「名称」の列がありません。'],
  );
  assert.equal(find(report, 'missing_column')[0]?.severity, 'warning');
  assert.equal(report.valid, false);
});

test('a column outside the schema is reported as unknown', async () => {
  const names = [...toiletHeader(), '管理課'];
  const report = await validateBytes(buildCsvBytes(names, [buildToiletRow({ 管理課: '公園課' })]));
  const [unknown] = find(report, 'unknown_column');
  assert.equal(unknown?.column, 40);
  assert.equal(unknown?.columnName, '管理課');
});

test('a misspelt header names the intended item and is renamed by --fix', async () => {
  const header = toiletHeader().map((n) => (n === '所在地_連結表記' ? '所在地_連結標記' : n));
  const report = await validateBytes(buildToiletCsv([{}], { header }));
  const [issue] = find(report, 'header_misspelled');
  assert.equal(issue?.fixedValue, '所在地_連結表記');
  assert.equal(issue?.fixable, true);
  assert.match(issue?.message.ja ?? '', /所在地_連結表記/);
});

test('a header with full-width and U+3000 variants is a fixable name variant', async () => {
  const header = toiletHeader().map((n) => (n === '名称_カナ' ? '名称＿カナ　' : n));
  const report = await validateBytes(buildToiletCsv([{}], { header }));
  assert.equal(find(report, 'header_name_variant')[0]?.fixedValue, '名称_カナ');
  assert.ok((report.schema?.confidence ?? 0) > 0.9);
});

test('English item names as headers are mapped and flagged as aliases', async () => {
  const report = await validateBytes(
    buildToiletCsv([{}], { header: toiletHeader().map((n) => (n === '緯度' ? 'latitude' : n)) }),
  );
  assert.equal(report.columnMapping[15]?.field, '緯度');
  assert.equal(find(report, 'header_alias')[0]?.fixedValue, '緯度');
});

test('columns out of the definition order are warned about', async () => {
  const names = toiletHeader();
  const moved = ['緯度', '経度', ...names.filter((n) => n !== '緯度' && n !== '経度')];
  const report = await validateBytes(buildCsvBytes(moved, [buildToiletRow()]));
  assert.deepEqual(
    find(report, 'column_order').map((i) => i.columnName),
    ['緯度', '経度'],
  );
});

test('a repeated column name is an error', async () => {
  const names = [...toiletHeader(), '備考'];
  const report = await validateBytes(buildCsvBytes(names, [buildToiletRow()]));
  assert.equal(find(report, 'duplicate_column')[0]?.column, 40);
});

test('a header matching no standard dataset is not recognised and invalid', async () => {
  const report = await validateBytes(
    buildCsvBytes(
      ['農園名', '区分', '住所'],
      [{ 農園名: 'やまと農園', 区分: '市民農園', 住所: '静岡県焼津市策牛167' }],
    ),
  );
  assert.equal(report.schema, null);
  assert.equal(find(report, 'schema_not_recognized')[0]?.severity, 'error');
  assert.equal(report.valid, false);
});

test('a schema asked for by number is used instead of recognition', async () => {
  const report = await validateBytes(buildToiletCsv([{}]), { schemaId: 'r08' });
  assert.equal(report.schema?.id, 'r08-public_toilet');
  assert.ok(find(report, 'missing_required_column').length > 0);
});

test('an unknown schema asked for is reported, not thrown', async () => {
  const report = await validateBytes(buildToiletCsv([{}]), { schemaId: 'z99' });
  assert.equal(find(report, 'schema_not_found').length, 1);
  assert.equal(report.readable, true);
});

test('a schema whose column list is unverified says so in a notice', async () => {
  const report = await validateBytes(
    buildSchemaCsv('a14-fire_hydrant', [
      { 種別: '消火栓', 所在地_連結表記: '北海道札幌市中央区北1条西2丁目' },
    ]),
  );
  assert.equal(report.schema?.verified, false);
  const [notice] = find(report, 'schema_unverified');
  assert.equal(notice?.severity, 'notice');
  assert.match(notice?.message.en ?? '', /not verified/);
});

test('a header-only file has a warning that no data rows exist', async () => {
  const report = await validateBytes(buildToiletCsv([]));
  assert.equal(find(report, 'no_data_rows').length, 1);
  assert.equal(report.summary.rows, 0);
});
