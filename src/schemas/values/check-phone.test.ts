import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkPhone } from './check-phone.ts';

const codesOf = (value: string) => checkPhone(value).findings.map((f) => f.code);

test('a hyphenated number conforms', () => {
  assert.deepEqual(checkPhone('011-123-4567'), { ok: true, findings: [] });
});

test('the GIF area code in parentheses conforms (焼津市 (054)626-1139)', () => {
  assert.deepEqual(checkPhone('(054)626-1139'), { ok: true, findings: [] });
});

test('GIF international and free-dial forms conform', () => {
  const oks = ['+81 (03)5253-5111', '0120-999999', '090-1234-5678', '0166-24-3181'].map(
    (v) => checkPhone(v).ok,
  );
  assert.deepEqual(oks, [true, true, true, true]);
});

test('full-width digits and long-vowel dashes are fixed', () => {
  const fixes = ['０１１－１２３－４５６７', '011ー123ー4567', '（054）626‐1139'].map(
    (v) => checkPhone(v).fixed,
  );
  assert.deepEqual(fixes, ['011-123-4567', '011-123-4567', '(054)626-1139']);
});

test('a geographic number without hyphens is a warning with no fix', () => {
  const result = checkPhone('0111234567');
  assert.deepEqual(
    { codes: result.findings.map((f) => f.code), fixed: result.fixed },
    { codes: ['phone_no_separator'], fixed: undefined },
  );
});

test('non-geographic numbers without hyphens get the numbering-plan split', () => {
  const fixes = ['09012345678', '0120123456', '05012345678', '0570123456', '08001234567'].map(
    (v) => checkPhone(v).fixed,
  );
  assert.deepEqual(fixes, [
    '090-1234-5678',
    '0120-123-456',
    '050-1234-5678',
    '0570-123-456',
    '0800-123-4567',
  ]);
});

test('spaces, dots and parentheses around the exchange become hyphens', () => {
  const fixes = ['011 123 4567', '011.123.4567', '054(626)1139'].map((v) => checkPhone(v).fixed);
  assert.deepEqual(fixes, ['011-123-4567', '011-123-4567', '054-626-1139']);
});

test('an extension in the cell is reported with the number and extension', () => {
  assert.deepEqual(checkPhone('011-123-4567 内線123').findings, [
    {
      code: 'phone_extension_in_cell',
      severity: 'warning',
      params: { found: '011-123-4567 内線123', number: '011-123-4567', extension: '123' },
    },
  ]);
});

test('a note after the number is reported without a fix', () => {
  assert.deepEqual(codesOf('0166-24-3181(代表)'), ['phone_note_in_cell']);
});

test('a TEL label is removed', () => {
  assert.equal(checkPhone('TEL：011-123-4567').fixed, '011-123-4567');
});

test('several numbers joined by " / " conform', () => {
  assert.equal(checkPhone('011-123-4567 / 011-123-4568').ok, true);
});

test('several numbers with another separator are rejoined with " / "', () => {
  assert.equal(checkPhone('011-123-4567、011-123-4568').fixed, '011-123-4567 / 011-123-4568');
});

test('a number without area code has the wrong digit count', () => {
  assert.deepEqual(codesOf('626-1139'), ['phone_digit_count']);
});

test('text is not a phone number', () => {
  assert.deepEqual(codesOf('お問い合わせください'), ['phone_invalid']);
});
