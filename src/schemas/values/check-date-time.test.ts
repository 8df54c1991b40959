import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkDateTime } from './check-date-time.ts';

test('an ISO date-time with offset conforms', () => {
  assert.deepEqual(checkDateTime('2021-04-01T09:00:00+09:00'), { ok: true, findings: [] });
});

test('fractional seconds and Z conform', () => {
  assert.equal(checkDateTime('2021-04-01T00:00:00.5Z').ok, true);
});

test('an impossible day in an ISO-shaped date-time is an error', () => {
  assert.equal(checkDateTime('2021-02-30T09:00:00+09:00').findings[0]?.code, 'datetime_invalid');
});

test('a date-time without offset is reported and not fixed by default', () => {
  const result = checkDateTime('2021-04-01T09:00:00');
  assert.deepEqual(
    { codes: result.findings.map((f) => f.code), fixed: result.fixed },
    { codes: ['datetime_missing_offset'], fixed: undefined },
  );
});

test('an assumed offset lets loose notations be fixed', () => {
  const result = checkDateTime('令和3年4月1日 9時30分', { assumeOffset: '+09:00' });
  assert.equal(result.fixed, '2021-04-01T09:30:00+09:00');
});

test('a written compact offset is normalised', () => {
  assert.equal(checkDateTime('2021/4/1 9:00 +0900').fixed, '2021-04-01T09:00:00+09:00');
});

test('a date alone in a date-time column is a warning', () => {
  assert.equal(checkDateTime('2021-04-01').findings[0]?.code, 'datetime_date_only');
});
