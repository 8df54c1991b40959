import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkPostalCode } from './check-postal-code.ts';

test('seven digits without hyphen conform (GIF 郵便番号)', () => {
  assert.deepEqual(checkPostalCode('0600001'), { ok: true, findings: [] });
});

test('a hyphenated code (北海道 070-0029) is fixed to seven digits', () => {
  assert.equal(checkPostalCode('070-0029').fixed, '0700029');
});

test('the 〒 mark and full-width digits are removed', () => {
  const result = checkPostalCode('〒０６０－０００１');
  assert.deepEqual(
    { codes: result.findings.map((f) => f.code), fixed: result.fixed },
    {
      codes: ['postal_code_mark', 'fullwidth_digits', 'fullwidth_characters', 'postal_code_hyphen'],
      fixed: '0600001',
    },
  );
});

test('six digits suggest a lost leading zero without a fix', () => {
  const result = checkPostalCode('600001');
  assert.deepEqual(
    {
      code: result.findings[0]?.code,
      expected: result.findings[0]?.params?.expected,
      fixed: result.fixed,
    },
    { code: 'postal_code_lost_leading_zero', expected: '0600001', fixed: undefined },
  );
});

test('other lengths are invalid', () => {
  assert.equal(checkPostalCode('06000011').findings[0]?.code, 'postal_code_invalid');
});
