import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkTextHygiene, hasFormulaPrefix } from './check-text-hygiene.ts';

const codesOf = (value: string) => checkTextHygiene(value).findings.map((f) => f.code);

test('clean text conforms', () => {
  assert.deepEqual(checkTextHygiene('市立旭川病院'), { ok: true, findings: [] });
});

test('leading and trailing spaces, U+3000 included, are trimmed (高松市)', () => {
  const fixes = [' 札幌 ', 'かがわ総合リハビリテーション病院\u3000'].map(
    (v) => checkTextHygiene(v).fixed,
  );
  assert.deepEqual(fixes, ['札幌', 'かがわ総合リハビリテーション病院']);
});

test('a line break inside a cell is an error without a fix', () => {
  const result = checkTextHygiene('1行目\n2行目');
  assert.deepEqual(
    { codes: result.findings.map((f) => f.code), fixed: result.fixed },
    { codes: ['control_character'], fixed: undefined },
  );
});

test('zero-width spaces are removed', () => {
  assert.equal(checkTextHygiene('札\u200b幌').fixed, '札幌');
});

test('half-width katakana are widened, voiced marks composed', () => {
  assert.equal(checkTextHygiene('ｶﾞｽﾀﾝｸ前').fixed, 'ガスタンク前');
});

test('full-width digits in text (焼津市 ２階正面入口) are a notice with a fix', () => {
  const result = checkTextHygiene('２階正面入口');
  assert.deepEqual(
    { ok: result.ok, codes: result.findings.map((f) => f.code), fixed: result.fixed },
    { ok: true, codes: ['fullwidth_alphanumeric_in_text'], fixed: '2階正面入口' },
  );
});

test('formula prefixes are a notice, also after a tab', () => {
  assert.deepEqual(
    [codesOf('=HYPERLINK("x")'), codesOf('@SUM(1)'), codesOf('\t=cmd')],
    [['formula_prefix'], ['formula_prefix'], ['surrounding_whitespace', 'formula_prefix']],
  );
});

test('negative numbers, +81 phones and a lone dash are not formulas', () => {
  const flags = ['-12.5', '-1,234', '+81 (03)5253-5111', '-', '---'].map(hasFormulaPrefix);
  assert.deepEqual(flags, [false, false, false, false, false]);
});

test('a dash followed by text is a formula prefix', () => {
  assert.equal(hasFormulaPrefix('-2+3+cmd|x'), true);
});
