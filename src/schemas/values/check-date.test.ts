import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkDate } from './check-date.ts';
import { parseDate } from './parse-date.ts';

const fixOf = (value: string) => checkDate(value).fixed;

test('an ISO date conforms', () => {
  assert.deepEqual(checkDate('2021-04-01'), { ok: true, findings: [] });
});

test('a slash date from 高松市 (1947/4/1) is fixed to ISO with date_not_iso', () => {
  assert.deepEqual(checkDate('1947/4/1'), {
    ok: false,
    findings: [
      {
        code: 'date_not_iso',
        severity: 'warning',
        params: { found: '1947/4/1', expected: '1947-04-01' },
      },
    ],
    fixed: '1947-04-01',
  });
});

test('the 北海道 和暦 abbreviations with spaces are converted', () => {
  const fixes = ['昭32. 7. 1', '平7. 10. 5', '令4. 10. 5'].map(fixOf);
  assert.deepEqual(fixes, ['1957-07-01', '1995-10-05', '2022-10-05']);
});

test('era names, Latin initials and 元年 are converted', () => {
  const fixes = [
    '平成29年7月1日',
    'H29.7.1',
    'r3/4/1',
    '令和元年5月1日',
    'S64.1.7',
    'T15.12.24',
  ].map(fixOf);
  assert.deepEqual(fixes, [
    '2017-07-01',
    '2017-07-01',
    '2021-04-01',
    '2019-05-01',
    '1989-01-07',
    '1926-12-24',
  ]);
});

test('kanji, compact and full-width notations are converted', () => {
  const fixes = ['2021年4月1日', '20210401', '２０２１－０４－０１', '2021.4.1'].map(fixOf);
  assert.deepEqual(fixes, ['2021-04-01', '2021-04-01', '2021-04-01', '2021-04-01']);
});

test('the midnight time Excel appends to a date cell is dropped', () => {
  assert.equal(fixOf('2021/04/01 0:00:00'), '2021-04-01');
});

test('平成31年4月30日 is the last day of 平成 and converts', () => {
  assert.equal(fixOf('平成31年4月30日'), '2019-04-30');
});

test('平成31年5月1日 is outside 平成 and is an error without fix', () => {
  const result = checkDate('平成31年5月1日');
  assert.deepEqual(
    { codes: result.findings.map((f) => f.code), fixed: result.fixed },
    { codes: ['date_era_out_of_range'], fixed: undefined },
  );
});

test('平成32年 does not exist', () => {
  assert.equal(checkDate('平成32年1月1日').findings[0]?.code, 'date_era_out_of_range');
});

test('a day before the start of its era is out of range (令和元年4月30日)', () => {
  assert.equal(parseDate('令和元年4月30日').kind, 'era_out_of_range');
});

test('2021-02-30 is an impossible date', () => {
  assert.equal(checkDate('2021-02-30').findings[0]?.code, 'date_impossible');
});

test('29 February is accepted in leap years only', () => {
  const kinds = ['2024-02-29', '2023-02-29', '1900-02-29', '2000-02-29'].map(
    (v) => parseDate(v).kind,
  );
  assert.deepEqual(kinds, ['date', 'impossible', 'impossible', 'date']);
});

test('明治5年 and earlier use the lunisolar calendar and are not converted', () => {
  assert.equal(checkDate('明治5年1月1日').findings[0]?.code, 'date_before_gregorian_calendar');
});

test('a year alone is a warning unless the column allows it', () => {
  const codes = [checkDate('2021'), checkDate('2021', { allowYearOnly: true })].map((r) => r.ok);
  assert.deepEqual(codes, [false, true]);
});

test('prose is not a date', () => {
  assert.equal(checkDate('令和3年度中').findings[0]?.code, 'date_invalid');
});

test('a placeholder dash is fixed to an empty cell', () => {
  assert.equal(checkDate('-').fixed, '');
});
