// Every file of test/fixtures/real-csv (see its README.md for origins and the defects listed there):
// the dataset and generation recognised, each listed defect found, no false alarm on the rest.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import type { ReportIssue, ValidationReport } from './report-types.ts';
import { validateFile } from './validate-file.ts';

const DIR = fileURLToPath(new URL('../../../test/fixtures/real-csv/', import.meta.url));
const validate = (name: string, options = {}) =>
  validateFile(DIR + name, { maxErrorsPerCode: 10_000, ...options });
const issues = (r: ValidationReport, code: string, column?: string): ReportIssue[] =>
  r.issues.filter((i) => i.code === code && (column === undefined || i.columnName === column));
const errorCodes = (r: ValidationReport) => [
  ...new Set(r.issues.filter((i) => i.severity === 'error').map((i) => i.code)),
];

test('焼津市 AED is the legacy AED設置箇所一覧, valid, with its 全角数字 and (054) phones', async () => {
  const r = await validate('yaizu_222127_aed.csv');
  assert.equal(r.schema?.id, 'r01-aed');
  assert.equal(r.schema?.generation, 'legacy');
  assert.deepEqual([r.encoding, r.lineEnding, r.summary.rows], ['utf-8', 'crlf', 82]);
  assert.equal(r.valid, true);
  assert.ok(
    issues(r, 'fullwidth_alphanumeric_in_text', '設置位置').some((i) => i.value === '２階正面入口'),
  );
  assert.deepEqual(issues(r, 'phone_separator', '電話番号'), []);
  assert.deepEqual(
    r.issues.filter((i) => i.columnName === '開始時間' || i.columnName === '終了時間'),
    [],
  );
  assert.deepEqual(issues(r, 'duplicate_id'), []);
});

test('焼津市 evacuation space is the legacy list with ○ for 1 fixed and addresses without 都道府県', async () => {
  const r = await validate('yaizu_222127_evacuation_space.csv');
  assert.equal(r.schema?.id, 'r10-evacuation_space');
  const flags = issues(r, 'flag_not_allowed');
  assert.ok(flags.length > 0 && flags.every((i) => i.value === '○' && i.fixedValue === '1'));
  assert.ok(
    issues(r, 'address_without_prefecture', '住所').some((i) => i.value === '焼津市中港5-463'),
  );
  assert.equal(r.valid, true);
});

test('焼津市 public toilet is the verified 定義書A-13, with 0 counts accepted and 緯度経度を確認 flagged', async () => {
  const r = await validate('yaizu_222127_public_toilet.csv');
  assert.deepEqual(
    [r.schema?.id, r.schema?.generation, r.schema?.verified],
    ['a13-public_toilet', 'current', true],
  );
  assert.equal(r.schema?.confidence, 1);
  assert.equal(r.summary.rows, 112);
  assert.deepEqual(
    r.issues.filter((i) => i.row === 1),
    [],
  );
  assert.deepEqual(
    r.issues.filter(
      (i) => i.columnName?.includes('トイレ数') || i.columnName?.includes('トイレ総数'),
    ),
    [],
  );
  assert.ok(
    issues(r, 'placeholder_reference', '設置位置').every((i) => i.value === '緯度経度を確認'),
  );
  assert.equal(issues(r, 'placeholder_reference').length, 9);
  // Beyond the README: 高度の種別 `階` is not in the 統制語彙 (階数/標高/地表高).
  assert.deepEqual(errorCodes(r), ['enum_invalid']);
});

test('焼津市 Wi-Fi is the legacy list, LF, with １階 in names and 3-decimal latitudes', async () => {
  const r = await validate('yaizu_222127_public_wireless_lan.csv');
  assert.equal(r.schema?.id, 'r07-public_wireless_lan');
  assert.equal(r.lineEnding, 'lf');
  assert.equal(issues(r, 'line_ending_not_crlf').length, 1);
  assert.ok(
    issues(r, 'fullwidth_alphanumeric_in_text', '名称').some((i) => i.value?.includes('１階')),
  );
  assert.ok(issues(r, 'coordinate_precision_low', '緯度').length > 0);
  assert.equal(r.valid, true);
});

test('焼津市 preschool maps the U+2015 header typo to its item and renames it', async () => {
  const r = await validate('yaizu_222127_preschool.csv');
  assert.equal(r.schema?.id, 'r13-preschool');
  assert.equal(r.columnMapping[0]?.field, '都道府県コード又は市区町村コード');
  const [typo] = issues(r, 'header_name_variant');
  assert.deepEqual(
    [typo?.column, typo?.fixable, typo?.fixedValue],
    [1, true, '都道府県コード又は市区町村コード'],
  );
  assert.equal(r.valid, true);
});

test('焼津市 fire hydrants are the current 消防水利施設一覧, unverified, with 3-decimal longitudes', async () => {
  const r = await validate('yaizu_222127_fire_hydrant.csv');
  assert.deepEqual(
    [r.schema?.id, r.schema?.generation, r.schema?.verified],
    ['a14-fire_hydrant', 'current', false],
  );
  assert.equal(issues(r, 'schema_unverified').length, 1);
  assert.ok(
    issues(r, 'coordinate_precision_low', '経度').some((i) => /^\d+\.\d{3}$/.test(i.value ?? '')),
  );
  assert.equal(r.valid, true);
});

test('焼津市 tourism is the legacy 観光施設一覧 despite a BOM, （） variants and 19 local columns', async () => {
  const r = await validate('yaizu_222127_tourism_sights.csv');
  assert.equal(r.schema?.id, 'r05-tourism');
  assert.equal(r.encoding, 'utf-8-bom');
  assert.equal(r.columnMapping[0]?.header, '都道府県コード又は市区町村コード');
  assert.deepEqual(
    issues(r, 'header_name_variant').map((i) => i.fixedValue),
    ['料金(基本)', '料金(詳細)'],
  );
  assert.equal(issues(r, 'unknown_column').length, 19);
});

test('焼津市 facilities are the legacy 公共施設一覧 with hours only in the remarks', async () => {
  const r = await validate('yaizu_222127_facilities_smartmap.csv');
  assert.equal(r.schema?.id, 'r12-public_facility');
  assert.equal(r.encoding, 'utf-8-bom');
  assert.ok(
    issues(r, 'time_in_remarks', '利用可能日時特記事項').some((i) =>
      i.value?.startsWith('【開館時間】'),
    ),
  );
  assert.equal(r.valid, true);
});

test('焼津市 避難所 is a local list, not a standard dataset, with 14-decimal coordinates', async () => {
  const r = await validate('yaizu_222127_hinannjo.csv');
  assert.equal(r.schema, null);
  assert.equal(issues(r, 'schema_not_recognized').length, 1);
  assert.ok(
    issues(r, 'coordinate_precision_high', '緯度').some((i) => /\.\d{14}$/.test(i.value ?? '')),
  );
});

test('焼津市 ファミリー農園 is Shift_JIS, decoded, and not a standard dataset', async () => {
  const r = await validate('yaizu_222127_nouen.csv');
  assert.equal(r.encoding, 'shift_jis');
  assert.deepEqual(
    r.columnMapping.map((c) => c.header),
    ['ID', 'ID2', '農園名', '区分', '住所', '緯度', '経度'],
  );
  assert.equal(r.schema, null);
  assert.equal(issues(r, 'encoding_not_utf8')[0]?.fixable, true);
});

test('高松市 toilets with IMI English headers are the legacy 公衆トイレ一覧', async () => {
  const r = await validate('takamatsu_public_toilet_data.csv');
  assert.deepEqual([r.schema?.id, r.schema?.generation], ['r08-public_toilet', 'legacy']);
  assert.equal(r.columnMapping.find((c) => c.header === 'latitude')?.field, '緯度');
  const [code] = issues(r, 'municipality_code_missing_check_digit');
  assert.deepEqual([code?.value, code?.fixedValue], ['37201', '372013']);
  assert.equal(issues(r, 'header_misspelled')[0]?.fixedValue, '画像_ライセンス');
  assert.ok(issues(r, 'time_end_of_day', 'endTime').every((i) => i.value === '24:00'));
  assert.ok(issues(r, 'placeholder_value', 'availableDateNote').some((i) => i.value === 'なし'));
});

test('高松市 hospitals are a local list near 医療機関一覧, with its header, date and list defects', async () => {
  const r = await validate('takamatsu_hospital_data.csv');
  assert.equal(r.schema, null);
  assert.equal(r.nearMisses[0]?.id, 'r03-hospital');
  assert.equal(issues(r, 'header_whitespace')[0]?.columnName, 'telephone\u3000number');
  assert.ok(issues(r, 'date_not_iso', 'openingDate').some((i) => i.value === '1947/4/1'));
  assert.ok(issues(r, 'list_separator', 'medicalSubjects').length > 0);
  assert.ok(
    issues(r, 'fullwidth_alphanumeric_in_text', 'address').some((i) => i.value?.includes('８番地')),
  );
});

test('北海道 hospitals are the legacy 医療機関一覧 with 和暦 dates, 全角数字 and the prefecture code', async () => {
  const r = await validate('hokkaido_pref_hospital_SAMPLE_from_ash_unofficial_covid19_fixture.csv');
  assert.deepEqual([r.schema?.id, r.schema?.generation], ['r03-hospital', 'legacy']);
  const wareki = issues(r, 'date_not_iso', '指定年月日').find((i) => i.value === '昭32. 7. 1');
  assert.match(wareki?.message.ja ?? '', /1957-07-01/);
  assert.ok(
    issues(r, 'fullwidth_alphanumeric_in_text', '所在地').some((i) => i.value?.includes('１丁目')),
  );
  assert.ok(issues(r, 'address_without_prefecture', '所在地').length > 0);
  assert.equal(issues(r, 'header_name_variant')[0]?.columnName, 'No');
  assert.ok(issues(r, 'unknown_column').some((i) => i.columnName === '振興局'));
  assert.deepEqual(
    r.issues.filter((i) => i.code.startsWith('municipality_code')),
    [],
  );
});

test('旭川市 AED is not standard: full-width header, prose hours, and no 団体コード against the AED schema', async () => {
  const r = await validate('asahikawa_aed_SAMPLE_from_ash_aed_test_fixture.csv');
  assert.equal(r.schema, null);
  assert.equal(issues(r, 'header_fullwidth')[0]?.fixedValue, 'AED設置場所');
  assert.ok(
    issues(r, 'time_invalid', '利用可能時間').some((i) => i.value?.startsWith('※平日午前8時45分')),
  );
  const forced = await validate('asahikawa_aed_SAMPLE_from_ash_aed_test_fixture.csv', {
    schemaId: 'r01-aed',
  });
  const missing = [
    ...issues(forced, 'missing_column'),
    ...issues(forced, 'missing_required_column'),
  ];
  assert.ok(missing.some((i) => i.message.ja.includes('都道府県コード又は市区町村コード')));
});

test('登別市 (Open Infra Japan) is the current 定義書A-13 and its raw 12301 is restored to 012301', async () => {
  const r = await validate('tsunagu_normalized_012301_noboribetsu_public_toilet.csv', {
    prefectureCode: '01',
  });
  assert.deepEqual([r.schema?.id, r.schema?.confidence], ['a13-public_toilet', 1]);
  assert.deepEqual(
    r.issues.filter((i) => i.code.startsWith('municipality_code')),
    [],
  );
  const { validateBytes } = await import('./validate-bytes.ts');
  const { readFile } = await import('node:fs/promises');
  const raw = (
    await readFile(`${DIR}tsunagu_normalized_012301_noboribetsu_public_toilet.csv`, 'utf8')
  ).replace(/\n012301,/g, '\n12301,');
  const damaged = await validateBytes(new TextEncoder().encode(raw), { prefectureCode: '01' });
  const lost = issues(damaged, 'municipality_code_lost_leading_zero');
  assert.equal(lost.length, 10);
  assert.ok(lost.every((i) => i.fixedValue === '012301'));
});
