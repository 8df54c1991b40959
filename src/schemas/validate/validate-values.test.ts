import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildSchemaCsv, buildToiletCsv } from '../../../test/fixtures/validator/build-table.ts';
import type { ReportIssue } from './report-types.ts';
import { validateBytes } from './validate-bytes.ts';

async function issuesOf(
  bytes: Uint8Array,
  code: string,
  prefectureCode?: string,
): Promise<ReportIssue[]> {
  const report = await validateBytes(bytes, prefectureCode ? { prefectureCode } : {});
  return report.issues.filter((i) => i.code === code);
}

test('an empty 必須 value is an error located at its row and column', async () => {
  const [issue] = await issuesOf(buildToiletCsv([{}, { 設置位置: '' }]), 'required_value_missing');
  assert.equal(issue?.row, 3);
  assert.equal(issue?.column, 15);
  assert.equal(issue?.severity, 'error');
});

test('a repeated ID is an error naming the first row', async () => {
  const [issue] = await issuesOf(
    buildToiletCsv([{ ID: 'A1' }, { ID: 'A2' }, { ID: 'A1' }]),
    'duplicate_id',
  );
  assert.equal(issue?.row, 4);
  assert.match(issue?.message.ja ?? '', /最初は 2 行目/);
});

test('a 5-digit code that lost its leading zero is restored when the check digit confirms it', async () => {
  const bytes = buildToiletCsv([{ 全国地方公共団体コード: '12301' }]);
  const [issue] = await issuesOf(bytes, 'municipality_code_lost_leading_zero', '01');
  assert.equal(issue?.fixedValue, '012301');
  assert.equal(issue?.fixable, true);
});

test('a wrong check digit is an error with no fix', async () => {
  const [issue] = await issuesOf(
    buildToiletCsv([{ 全国地方公共団体コード: '012302' }]),
    'municipality_code_check_digit',
  );
  assert.equal(issue?.severity, 'error');
  assert.equal(issue?.fixable, false);
});

test('swapped latitude and longitude are detected and swapped back', async () => {
  const [issue] = await issuesOf(
    buildToiletCsv([{ 緯度: '141.056621', 経度: '42.371870' }]),
    'coordinates_swapped',
  );
  assert.equal(issue?.fixable, true);
  assert.equal(issue?.fixedValue, '42.371870');
});

test('a point outside the publishing prefecture is a warning when the prefecture is given', async () => {
  const tokyo = { 緯度: '35.681236', 経度: '139.767125' };
  assert.equal(
    (await issuesOf(buildToiletCsv([tokyo]), 'coordinates_outside_prefecture', '01')).length,
    2,
  );
  assert.equal(
    (await issuesOf(buildToiletCsv([tokyo]), 'coordinates_outside_prefecture')).length,
    0,
  );
});

test('fewer than 6 decimals in a coordinate is a notice', async () => {
  const [issue] = await issuesOf(buildToiletCsv([{ 緯度: '42.372' }]), 'coordinate_precision_low');
  assert.equal(issue?.severity, 'notice');
});

test('a 和暦 date in a date column is recognised and converted to ISO', async () => {
  const bytes = buildSchemaCsv('r14-open_data_list', [
    {
      データ名称: '公衆トイレ一覧',
      データ形式: 'CSV',
      分類: 'その他',
      最終更新日: '令和3年4月1日',
    },
  ]);
  const [issue] = await issuesOf(bytes, 'date_not_iso');
  assert.equal(issue?.fixedValue, '2021-04-01');
});

test('an impossible date is an error', async () => {
  const bytes = buildSchemaCsv('r14-open_data_list', [
    { データ名称: 'x', データ形式: 'CSV', 分類: 'その他', 最終更新日: '2021-02-30' },
  ]);
  const report = await validateBytes(bytes);
  assert.ok(report.issues.some((i) => i.column === 14 && i.severity === 'error'));
});

test('9:00 is fixed to 09:00, 24:00 is a notice and 終日 a warning without fix', async () => {
  const bytes = buildToiletCsv([
    { 利用開始時間: '9:00', 利用終了時間: '24:00' },
    { 利用開始時間: '終日' },
  ]);
  const report = await validateBytes(bytes);
  const at = (row: number, column: number) =>
    report.issues.filter((i) => i.row === row && i.column === column);
  assert.deepEqual(
    at(2, 34).map((i) => [i.code, i.fixedValue]),
    [['time_not_hhmm', '09:00']],
  );
  assert.equal(at(2, 35)[0]?.code, 'time_end_of_day');
  assert.equal(at(3, 34)[0]?.code, 'time_all_day');
  assert.equal(at(3, 34)[0]?.fixable, false);
});

test('○ in a 有無 column is recognised and fixed to 有', async () => {
  const [issue] = await issuesOf(
    buildToiletCsv([{ 車椅子使用者用トイレ有無: '○' }]),
    'flag_not_allowed',
  );
  assert.equal(issue?.fixedValue, '有');
});

test('○ in a 災害種別 column is fixed to 1, and an empty one is not an error', async () => {
  const bytes = buildSchemaCsv('r10-evacuation_space', [
    {
      NO: '1',
      名称: '中港タワー',
      名称_カナ: 'ナカミナトタワー',
      住所: '静岡県焼津市中港5-463',
      電話番号: '054-625-0128',
      市区町村コード: '222127',
      災害種別_地震: '○',
    },
  ]);
  const report = await validateBytes(bytes);
  assert.deepEqual(
    report.issues.filter((i) => i.severity === 'error').map((i) => i.code),
    [],
  );
  assert.equal(report.issues.find((i) => i.code === 'flag_not_allowed')?.fixedValue, '1');
});

test('a count with a thousands separator is fixed, one with a unit is not', async () => {
  const report = await validateBytes(
    buildToiletCsv([{ 男性トイレ総数: '1,234', 女性トイレ総数: '10台' }]),
  );
  const byCode = new Map(report.issues.map((i) => [i.code, i]));
  assert.equal(byCode.get('number_thousands_separator')?.fixedValue, '1234');
  assert.equal(byCode.get('number_with_unit')?.fixable, false);
});

test('a value outside the 統制語彙 is an error, a spacing variant of one is fixed', async () => {
  const report = await validateBytes(
    buildToiletCsv([{ 高度の種別: '階' }, { 高度の種別: '階 数' }]),
  );
  assert.equal(report.issues.find((i) => i.code === 'enum_invalid')?.row, 2);
  assert.equal(report.issues.find((i) => i.code === 'enum_variant')?.fixedValue, '階数');
});

test('full-width letters and digits where the rule says half-width are converted', async () => {
  const [issue] = await issuesOf(buildToiletCsv([{ ID: 'ＬＬ０１' }]), 'fullwidth_characters');
  assert.equal(issue?.fixedValue, 'LL01');
});

test('full-width digits in free text are a notice but never converted', async () => {
  const [issue] = await issuesOf(
    buildToiletCsv([{ 設置位置: '２階正面入口' }]),
    'fullwidth_alphanumeric_in_text',
  );
  assert.equal(issue?.severity, 'notice');
  assert.equal(issue?.fixable, false);
});

test('leading and trailing spaces (incl. U+3000) are trimmed', async () => {
  const [issue] = await issuesOf(
    buildToiletCsv([{ 名称: '　若草中央公園 ' }]),
    'surrounding_whitespace',
  );
  assert.equal(issue?.fixedValue, '若草中央公園');
});

test('a control character inside a cell is an error', async () => {
  const [issue] = await issuesOf(buildToiletCsv([{ 備考: '一行目\n二行目' }]), 'control_character');
  assert.equal(issue?.severity, 'error');
});

test('a spreadsheet formula prefix is a security notice', async () => {
  const [issue] = await issuesOf(
    buildToiletCsv([{ 備考: '=HYPERLINK("http://example.com")' }]),
    'formula_prefix',
  );
  assert.equal(issue?.severity, 'notice');
});

test('a pattern item that does not match its form is an error', async () => {
  const [issue] = await issuesOf(buildToiletCsv([{ 町字ID: '0008-0012' }]), 'pattern_mismatch');
  assert.equal(issue?.severity, 'error');
});

test('kanji in a カナ item is a warning', async () => {
  const [issue] = await issuesOf(buildToiletCsv([{ 名称_カナ: '若草コウエン' }]), 'kana_expected');
  assert.equal(issue?.severity, 'warning');
});

test('an invalid URL is an error', async () => {
  const report = await validateBytes(buildToiletCsv([{ 画像: 'toilet1 jpg' }]));
  assert.ok(
    report.issues.some(
      (i) => i.column === 37 && i.code.startsWith('url_') && i.severity === 'error',
    ),
  );
});

test('a reference instead of a value (緯度経度を確認) is a warning', async () => {
  const [issue] = await issuesOf(
    buildToiletCsv([{ 設置位置: '緯度経度を確認' }]),
    'placeholder_reference',
  );
  assert.equal(issue?.severity, 'warning');
});

test('an address not starting with the prefecture is a notice', async () => {
  const [issue] = await issuesOf(
    buildToiletCsv([{ 所在地_連結表記: '登別市若草町2-100-2' }]),
    'address_without_prefecture',
  );
  assert.equal(issue?.severity, 'notice');
});

test('hours written only in the remarks are a notice', async () => {
  const bytes = buildToiletCsv([
    { 利用開始時間: '', 利用終了時間: '', 利用可能時間特記事項: '9:00～17:00' },
  ]);
  const [issue] = await issuesOf(bytes, 'time_in_remarks');
  assert.equal(issue?.column, 36);
});

test('a phone number in parentheses style is accepted, one with full-width digits fixed', async () => {
  const rows = [
    {
      名称: 'A',
      名称_カナ: 'エー',
      住所: '静岡県焼津市本町2-16-32',
      設置位置: '1階',
      電話番号: '(054)626-1139',
    },
    {
      名称: 'B',
      名称_カナ: 'ビー',
      住所: '静岡県焼津市本町2-16-32',
      設置位置: '1階',
      電話番号: '０５４-６２６-１１３９',
    },
  ];
  const report = await validateBytes(buildSchemaCsv('r01-aed', rows));
  const phone = report.issues.filter((i) => i.column === 12);
  assert.deepEqual(
    phone.map((i) => [i.row, i.fixable]),
    [[3, true]],
  );
});

test('a postal code with a hyphen is fixed to 7 digits', async () => {
  const bytes = buildSchemaCsv('a03-evacuation_space', [{ 郵便番号: '060-0001' }]);
  const [issue] = await issuesOf(bytes, 'postal_code_hyphen');
  assert.equal(issue?.fixedValue, '0600001');
});

test('values separated by 、 in a list item are a notice', async () => {
  const bytes = buildSchemaCsv('a03-evacuation_space', [
    { '対象となる町会・自治会': '本町、栄町' },
  ]);
  assert.equal((await issuesOf(bytes, 'list_separator')).length, 1);
});

test('an invalid e-mail address is an error', async () => {
  const bytes = buildSchemaCsv('a03-evacuation_space', [{ 連絡先メールアドレス: 'bosai at city' }]);
  assert.equal((await issuesOf(bytes, 'email_invalid'))[0]?.severity, 'error');
});
