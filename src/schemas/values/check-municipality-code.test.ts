import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkMunicipalityCode } from './check-municipality-code.ts';
import { computeCheckDigit, hasValidCheckDigit } from './compute-check-digit.ts';

test('the check digit follows JIS X 0401 including the remainder 0 and 1 cases', () => {
  // 札幌市, 函館市, 北海道, 歌志内市 (S=33, r=0 → 1), 三笠市 (S=23, r=1 → 0), 高松市.
  const digits = ['01100', '01202', '01000', '01227', '01222', '37201'].map(computeCheckDigit);
  assert.deepEqual(digits, ['2', '5', '6', '1', '0', '3']);
});

test('computeCheckDigit returns undefined for anything but five ASCII digits', () => {
  const results = ['1234', '123456', '０１１００', 'abcde', ''].map(computeCheckDigit);
  assert.deepEqual(results, [undefined, undefined, undefined, undefined, undefined]);
});

test('hasValidCheckDigit accepts the prefecture code of Hokkaido', () => {
  assert.equal(hasValidCheckDigit('010006'), true);
});

test('a six-digit code with a valid check digit conforms', () => {
  assert.deepEqual(checkMunicipalityCode('012025'), { ok: true, findings: [] });
});

test('a prefecture code such as 010006 conforms', () => {
  assert.deepEqual(checkMunicipalityCode('010006'), { ok: true, findings: [] });
});

test('a wrong check digit is an error naming the expected code and has no fix', () => {
  const result = checkMunicipalityCode('012026');
  assert.deepEqual(result, {
    ok: false,
    findings: [
      {
        code: 'municipality_code_check_digit',
        severity: 'error',
        params: { found: '012026', expected: '012025' },
      },
    ],
  });
});

test('a 5-digit code without check digit (高松市 37201) is fixed to 372013', () => {
  const result = checkMunicipalityCode('37201');
  assert.equal(result.fixed, '372013');
  assert.deepEqual(
    result.findings.map((f) => f.code),
    ['municipality_code_missing_check_digit'],
  );
});

test('12301 is ambiguous without a prefecture and gets no fix', () => {
  const result = checkMunicipalityCode('12301');
  assert.deepEqual(
    { codes: result.findings.map((f) => f.code), fixed: result.fixed },
    { codes: ['municipality_code_ambiguous'], fixed: undefined },
  );
});

test('12301 in Hokkaido is the lost leading zero of 登別市 012301', () => {
  const result = checkMunicipalityCode('12301', { prefectureCode: '01' });
  assert.deepEqual(result, {
    ok: false,
    findings: [
      {
        code: 'municipality_code_lost_leading_zero',
        severity: 'warning',
        params: { found: '12301', expected: '012301' },
      },
    ],
    fixed: '012301',
  });
});

test('a 5-digit code whose bare reading lies in another prefecture is read as a lost zero', () => {
  // 12025 is 函館市 012025 with the zero lost, or a Chiba code 12025+check digit.
  assert.equal(checkMunicipalityCode('12025', { prefectureCode: '01' }).fixed, '012025');
});

test('a 4-digit value is read as a bare code that also lost its leading zero', () => {
  assert.equal(checkMunicipalityCode('1100').fixed, '011002');
});

test('full-width digits are reported and fixed to half-width', () => {
  const result = checkMunicipalityCode('０１２０２５');
  assert.deepEqual(
    { codes: result.findings.map((f) => f.code), fixed: result.fixed },
    { codes: ['fullwidth_digits'], fixed: '012025' },
  );
});

test('a valid code of another prefecture is a warning when the prefecture is given', () => {
  const result = checkMunicipalityCode('372013', { prefectureCode: '01' });
  assert.deepEqual(
    result.findings.map((f) => f.code),
    ['municipality_code_other_prefecture'],
  );
});

test('a code with a valid check digit but prefecture 48 or more is an error', () => {
  const code = `48000${computeCheckDigit('48000')}`;
  assert.deepEqual(
    checkMunicipalityCode(code).findings.map((f) => f.code),
    ['municipality_code_unknown_prefecture'],
  );
});

test('text is not a municipality code', () => {
  assert.equal(checkMunicipalityCode('札幌市').findings[0]?.code, 'municipality_code_invalid');
});

test('an empty cell conforms: whether it is required is the validator’s business', () => {
  assert.deepEqual(checkMunicipalityCode(''), { ok: true, findings: [] });
});
