import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { openTableFile } from './open-table.ts';
import { collectRows } from './testing/collect.ts';
import type { DetectedEncoding, LineEnding } from './types.ts';

const DIR = path.join(import.meta.dirname, '../../../test/fixtures/real-csv');

/** Encoding, EOL and size per test/fixtures/real-csv/README.md (rows exclude the header). */
const FIXTURES: {
  file: string;
  encoding: DetectedEncoding;
  lineEnding: LineEnding;
  rows: number;
  columns: number;
  header: string[];
}[] = [
  {
    file: 'yaizu_222127_aed.csv',
    encoding: 'utf-8',
    lineEnding: 'crlf',
    rows: 82,
    columns: 22,
    header: ['都道府県コード又は市区町村コード', 'NO'],
  },
  {
    file: 'yaizu_222127_evacuation_space.csv',
    encoding: 'utf-8',
    lineEnding: 'crlf',
    rows: 31,
    columns: 26,
    header: ['NO', '名称', '名称_カナ'],
  },
  {
    file: 'yaizu_222127_public_toilet.csv',
    encoding: 'utf-8',
    lineEnding: 'crlf',
    rows: 112,
    columns: 39,
    header: ['全国地方公共団体コード', 'ID', '地方公共団体名'],
  },
  {
    file: 'yaizu_222127_public_wireless_lan.csv',
    encoding: 'utf-8',
    lineEnding: 'lf',
    rows: 17,
    columns: 18,
    header: ['都道府県コード又は市区町村コード', 'NO'],
  },
  // 定義書 typo kept as is: U+2015 HORIZONTAL BAR instead of U+30FC.
  {
    file: 'yaizu_222127_preschool.csv',
    encoding: 'utf-8',
    lineEnding: 'crlf',
    rows: 60,
    columns: 28,
    header: ['都道府県コ\u2015ド又は市区町村コ\u2015ド', 'NO'],
  },
  {
    file: 'yaizu_222127_fire_hydrant.csv',
    encoding: 'utf-8',
    lineEnding: 'crlf',
    rows: 193,
    columns: 16,
    header: ['全国地方公共団体コード', 'ID'],
  },
  {
    file: 'yaizu_222127_tourism_sights.csv',
    encoding: 'utf-8-bom',
    lineEnding: 'crlf',
    rows: 28,
    columns: 49,
    header: ['都道府県コード又は市区町村コード', 'NO', '都道府県名'],
  },
  {
    file: 'yaizu_222127_facilities_smartmap.csv',
    encoding: 'utf-8-bom',
    lineEnding: 'crlf',
    rows: 28,
    columns: 24,
    header: ['都道府県コード又は市区町村コード', 'NO'],
  },
  {
    file: 'yaizu_222127_hinannjo.csv',
    encoding: 'utf-8',
    lineEnding: 'crlf',
    rows: 56,
    columns: 18,
    header: ['NO', '市区町村コード', '都道府県名'],
  },
  {
    file: 'yaizu_222127_nouen.csv',
    encoding: 'shift_jis',
    lineEnding: 'crlf',
    rows: 9,
    columns: 7,
    header: ['ID', 'ID2', '農園名'],
  },
  {
    file: 'takamatsu_public_toilet_data.csv',
    encoding: 'utf-8',
    lineEnding: 'crlf',
    rows: 169,
    columns: 33,
    header: ['#property', 'latitude', 'longitude', 'prefCode'],
  },
  // The header really holds U+3000 IDEOGRAPHIC SPACE; the file ends without a line break.
  {
    file: 'takamatsu_hospital_data.csv',
    encoding: 'utf-8',
    lineEnding: 'crlf',
    rows: 628,
    columns: 16,
    header: ['#property'],
  },
  {
    file: 'hokkaido_pref_hospital_SAMPLE_from_ash_unofficial_covid19_fixture.csv',
    encoding: 'utf-8',
    lineEnding: 'lf',
    rows: 4,
    columns: 37,
    header: ['都道府県コード又は市区町村コード', 'No', '都道府県名'],
  },
  {
    file: 'asahikawa_aed_SAMPLE_from_ash_aed_test_fixture.csv',
    encoding: 'utf-8',
    lineEnding: 'crlf',
    rows: 2,
    columns: 10,
    header: ['地区', '連番', '設置事業所名'],
  },
  {
    file: 'tsunagu_normalized_012301_noboribetsu_public_toilet.csv',
    encoding: 'utf-8',
    lineEnding: 'lf',
    rows: 10,
    columns: 39,
    header: ['全国地方公共団体コード', 'ID', '地方公共団体名'],
  },
];

for (const fixture of FIXTURES) {
  test(`${fixture.file} reads as ${fixture.encoding}/${fixture.lineEnding} with ${fixture.rows} rows of ${fixture.columns} columns`, async () => {
    const table = await openTableFile(path.join(DIR, fixture.file));
    const rows = await collectRows(table);
    const [header, ...data] = rows;
    assert.equal(table.info.format, 'csv');
    assert.equal(table.info.delimiter, ',');
    assert.equal(table.info.encoding, fixture.encoding);
    assert.equal(table.info.lineEnding, fixture.lineEnding);
    assert.equal(data.length, fixture.rows);
    assert.deepEqual(header?.cells.slice(0, fixture.header.length), fixture.header);
    assert.ok(rows.every((row) => row.cells.length === fixture.columns));
    assert.deepEqual(table.issues(), []);
  });
}

test('the BOM of yaizu_222127_tourism_sights.csv does not leak into the first header cell', async () => {
  const table = await openTableFile(path.join(DIR, 'yaizu_222127_tourism_sights.csv'));
  const [header] = await collectRows(table);
  assert.equal(header?.cells[0]?.charCodeAt(0), '都'.charCodeAt(0));
});

test('quoted line breaks in yaizu_222127_tourism_sights.csv keep later records on their physical lines', async () => {
  const rows = await collectRows(
    await openTableFile(path.join(DIR, 'yaizu_222127_tourism_sights.csv')),
  );
  const last = rows.at(-1);
  // 29 records over 34 lines: five records hold a line break, the last one included.
  assert.equal(last?.record, 29);
  assert.equal(last?.line, 33);
  assert.deepEqual(
    rows.filter((row) => row.cells.some((cell) => /[\r\n]/.test(cell))).map((row) => row.line),
    [2, 4, 7, 12, 33],
  );
});

test('the Shift_JIS file yaizu_222127_nouen.csv decodes its Japanese data', async () => {
  const rows = await collectRows(await openTableFile(path.join(DIR, 'yaizu_222127_nouen.csv')));
  assert.match(rows[1]?.cells.join(',') ?? '', /[\u3040-\u30ff\u4e00-\u9fff]/);
  assert.ok(rows.every((row) => row.cells.every((cell) => !cell.includes('\uFFFD'))));
});

test('takamatsu_hospital_data.csv keeps the ideographic space in its header', async () => {
  const [header] = await collectRows(
    await openTableFile(path.join(DIR, 'takamatsu_hospital_data.csv')),
  );
  assert.ok(header?.cells.includes('telephone\u3000number'));
});
