import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkFlag } from './check-flag.ts';

test('1 and empty conform by default', () => {
  assert.deepEqual([checkFlag('1').ok, checkFlag('').ok], [true, true]);
});

test('yes-like marks (焼津市 ○) are fixed to 1', () => {
  const fixes = ['○', '〇', '◯', '有', 'あり', 'Yes', '１'].map((v) => checkFlag(v).fixed);
  assert.deepEqual(fixes, ['1', '1', '1', '1', '1', '1', '1']);
});

test('no-like marks are fixed to empty', () => {
  const fixes = ['×', '無', 'なし', '0'].map((v) => checkFlag(v).fixed);
  assert.deepEqual(fixes, ['', '', '', '']);
});

test('no-like marks are fixed to 0 when 0 is allowed', () => {
  assert.equal(checkFlag('×', { allowed: ['1', '', '0'] }).fixed, '0');
});

test('in 有無 columns ○ becomes 有 and 0 becomes 無 (北杜市)', () => {
  const options = { allowed: ['有', '無'] };
  assert.deepEqual([checkFlag('○', options).fixed, checkFlag('0', options).fixed], ['有', '無']);
});

test('an empty 有無 cell is left alone', () => {
  assert.deepEqual(checkFlag('', { allowed: ['有', '無'] }), { ok: true, findings: [] });
});

test('an unknown word is an error listing the allowed values', () => {
  assert.deepEqual(checkFlag('一部', { allowed: ['有', '無'] }).findings, [
    { code: 'flag_invalid', severity: 'error', params: { found: '一部', allowed: '有 / 無' } },
  ]);
});
