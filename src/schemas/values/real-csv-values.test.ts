import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import Papa from 'papaparse';
import { HOKKAIDO_BOUNDS } from './check-coordinate.ts';
import { checkDate } from './check-date.ts';
import { checkFlag } from './check-flag.ts';
import { checkLatLng } from './check-lat-lng.ts';
import { checkMunicipalityCode } from './check-municipality-code.ts';
import { checkPhone } from './check-phone.ts';
import { checkPostalCode } from './check-postal-code.ts';
import { checkTextHygiene } from './check-text-hygiene.ts';
import { checkTime } from './check-time.ts';

const DIR = path.join(import.meta.dirname, '../../../test/fixtures/real-csv');

function decode(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('shift_jis').decode(bytes);
  }
}

/** The rows of a fixture as objects keyed by header. */
function rows(file: string): Record<string, string>[] {
  const text = decode(readFileSync(path.join(DIR, file)));
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

function column(file: string, name: string): string[] {
  return rows(file).map((row) => row[name] ?? '');
}

test('text hygiene runs on every cell of every real fixture without throwing', () => {
  let cells = 0;
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.csv'))) {
    for (const row of rows(file)) {
      for (const value of Object.values(row)) {
        checkTextHygiene(value);
        cells++;
      }
    }
  }
  assert.ok(cells > 10000);
});

test('every 焼津市 AED phone number in GIF parentheses style conforms', () => {
  const failing = column('yaizu_222127_aed.csv', '電話番号').filter((v) => !checkPhone(v).ok);
  assert.deepEqual(failing, []);
});

test('the 北海道 医療機関 和暦 dates are all converted to ISO', () => {
  const fixes = column(
    'hokkaido_pref_hospital_SAMPLE_from_ash_unofficial_covid19_fixture.csv',
    '指定年月日',
  ).map((v) => checkDate(v).fixed);
  assert.ok(
    fixes.length > 0 && fixes.every((f) => f !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(f)),
  );
});

test('the 北海道 医療機関 hyphenated postal codes are fixed', () => {
  const fixes = column(
    'hokkaido_pref_hospital_SAMPLE_from_ash_unofficial_covid19_fixture.csv',
    '郵便番号',
  ).map((v) => checkPostalCode(v).fixed);
  assert.equal(fixes[0], '0700029');
});

test('the 高松市 prefCode 37201 is fixed to 372013', () => {
  const fixes = new Set(
    column('takamatsu_public_toilet_data.csv', 'prefCode').map(
      (v) => checkMunicipalityCode(v).fixed,
    ),
  );
  assert.deepEqual([...fixes], ['372013']);
});

test('the 高松市 opening hours 00:00–24:00 conform', () => {
  const values = [
    ...column('takamatsu_public_toilet_data.csv', 'startTime'),
    ...column('takamatsu_public_toilet_data.csv', 'endTime'),
  ].filter((v) => v !== '');
  assert.ok(values.length > 0 && values.every((v) => checkTime(v).ok));
});

test('the 焼津市 ○ in 災害種別 columns is fixed to 1', () => {
  const fixes = new Set(
    column('yaizu_222127_evacuation_space.csv', '災害種別_地震')
      .filter((v) => v !== '')
      .map((v) => checkFlag(v).fixed),
  );
  assert.deepEqual([...fixes], ['1']);
});

test('the 登別市 coordinates lie in Hokkaido and its code conforms', () => {
  const file = 'tsunagu_normalized_012301_noboribetsu_public_toilet.csv';
  const severe = rows(file).filter((row) => {
    const pair = checkLatLng(row.緯度 ?? '', row.経度 ?? '', { prefectureBounds: HOKKAIDO_BOUNDS });
    return !pair.ok || !checkMunicipalityCode(row.全国地方公共団体コード ?? '').ok;
  });
  assert.deepEqual(severe, []);
});
