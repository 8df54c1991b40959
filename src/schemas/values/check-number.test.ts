import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkNumber } from './check-number.ts';

const codesOf = (value: string, options = {}) =>
  checkNumber(value, options).findings.map((f) => f.code);

test('plain numbers conform', () => {
  const oks = ['0', '1234', '-3.5'].map((v) => checkNumber(v).ok);
  assert.deepEqual(oks, [true, true, true]);
});

test('thousands separators (熊本市 "4,315 ") are removed', () => {
  assert.equal(checkNumber('4,315 ').fixed, '4315');
});

test('full-width digits are fixed', () => {
  assert.equal(checkNumber('１２３').fixed, '123');
});

test('a unit is reported with the number and the unit, without a fix', () => {
  assert.deepEqual(checkNumber('10台').findings, [
    {
      code: 'number_with_unit',
      severity: 'warning',
      params: { found: '10台', number: '10', unit: '台' },
    },
  ]);
});

test('a negative value below the minimum is an error', () => {
  assert.deepEqual(codesOf('-1', { min: 0 }), ['number_below_min']);
});

test('a value above the maximum is an error', () => {
  assert.deepEqual(codesOf('101', { max: 100 }), ['number_above_max']);
});

test('a decimal in an integer column is an error unless its fraction is zero', () => {
  const results = [codesOf('1.5', { integer: true }), checkNumber('2.0', { integer: true }).fixed];
  assert.deepEqual(results, [['number_not_integer'], '2']);
});

test('exponent notation is an error: Excel may have dropped digits', () => {
  assert.deepEqual(codesOf('1.23457E+12'), ['number_scientific']);
});

test('a dash is reported but not fixed: in statistics it may mean zero', () => {
  const result = checkNumber('-');
  assert.deepEqual(
    { codes: result.findings.map((f) => f.code), fixed: result.fixed },
    { codes: ['placeholder_value'], fixed: undefined },
  );
});

test('prose is not a number', () => {
  assert.deepEqual(codesOf('約10程度'), ['number_invalid']);
});
