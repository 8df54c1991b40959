import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkTime } from './check-time.ts';

const codesOf = (value: string) => checkTime(value).findings.map((f) => f.code);

test('a zero-padded hh:mm time conforms', () => {
  assert.deepEqual(checkTime('09:00'), { ok: true, findings: [] });
});

test('an unpadded time (9:00, 豊田市 0:00) is fixed to hh:mm', () => {
  const fixes = ['9:00', '0:00'].map((v) => checkTime(v).fixed);
  assert.deepEqual(fixes, ['09:00', '00:00']);
});

test('24:00 is accepted as the end of the day with a notice (高松市)', () => {
  assert.deepEqual(checkTime('24:00'), {
    ok: true,
    findings: [{ code: 'time_end_of_day', severity: 'notice', params: { found: '24:00' } }],
  });
});

test('kanji and meridiem notations are fixed', () => {
  const fixes = ['9時30分', '9時', '9時半', '午後1時', '午前0時', '1:30 PM', '正午'].map(
    (v) => checkTime(v).fixed,
  );
  assert.deepEqual(fixes, ['09:30', '09:00', '09:30', '13:00', '00:00', '13:30', '12:00']);
});

test('full-width digits and colon are fixed', () => {
  assert.equal(checkTime('９：００').fixed, '09:00');
});

test('zero seconds are dropped and other seconds kept with a notice', () => {
  const results = ['09:00:00', '09:00:30'].map((v) => [checkTime(v).fixed, codesOf(v)]);
  assert.deepEqual(results, [
    ['09:00', ['time_not_hhmm']],
    [undefined, ['time_with_seconds']],
  ]);
});

test('終日 and 24時間 are recognised and not fixed', () => {
  const results = ['終日', '24時間', '２４時間営業'].map((v) => codesOf(v));
  assert.deepEqual(results, [['time_all_day'], ['time_all_day'], ['time_all_day']]);
});

test('a range in one cell is reported with its two times', () => {
  assert.deepEqual(checkTime('9:00～17:00').findings[0]?.params, {
    found: '9:00～17:00',
    start: '09:00',
    end: '17:00',
  });
});

test('午後12時 is ambiguous between noon and midnight', () => {
  assert.deepEqual(codesOf('午後12時'), ['time_ambiguous']);
});

test('旭川市 prose hours are an error', () => {
  assert.deepEqual(
    codesOf('※平日午前8時45分から午後7時30分まで土日祝午前10時から午後7時30分まで'),
    ['time_invalid'],
  );
});

test('impossible clock times are errors', () => {
  const results = ['24:30', '25:00', '09:60'].map((v) => codesOf(v));
  assert.deepEqual(results, [['time_invalid'], ['time_invalid'], ['time_invalid']]);
});
