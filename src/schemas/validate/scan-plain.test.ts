import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { isClearlyAddress, isClearlyKana } from './check-local-rules.ts';
import {
  hasNonSpace,
  isAsciiWord,
  isDigits,
  isPlainDate,
  isPlainTime,
  plainCode,
  plainDecimal,
} from './scan-plain.ts';
import { hasValidCheckDigit } from './value-rules.ts';

// Short strings over the characters the scans decide on, so that matches are frequent.
const near = fc.string({
  unit: fc.constantFrom(
    '0',
    '1',
    '2',
    '3',
    '5',
    '9',
    ':',
    '-',
    '.',
    'a',
    '北',
    'か',
    'カ',
    ' ',
    '\u3000',
  ),
  maxLength: 11,
});
const text = fc.oneof(near, fc.string({ unit: 'binary', maxLength: 12 }));

// The regular expressions (and the date test) the loops replace.
const INTEGER = /^(?:0|[1-9]\d{0,14})$/;
const DECIMAL = /^(?:0|[1-9]\d{0,14})(?:\.\d*[1-9])?$/;
const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CODE = /^(?:0[1-9]|[1-3]\d|4[0-7])\d{4}$/;
const NOT_KANA = /[\u3041-\u3096\u4e00-\u9fff\u3400-\u4dbf]/u;
const PREFECTURES = [
  '北海道',
  '東京都',
  '京都府',
  '大阪府',
  '神奈川県',
  '和歌山県',
  '鹿児島県',
  '沖縄県',
];

function regexDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1873 || year > 2999 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

test('the number scans accept exactly what their regular expressions match', () => {
  fc.assert(
    fc.property(text, (value) => {
      assert.equal(plainDecimal(value, false), INTEGER.test(value), value);
      assert.equal(plainDecimal(value, true), DECIMAL.test(value), value);
      assert.equal(isDigits(value), /^\d*$/.test(value), value);
    }),
    { numRuns: 20000 },
  );
});

test('the time and date scans accept exactly what the regular-expression tests accept', () => {
  const dates = fc
    .tuple(
      fc.integer({ min: 1800, max: 3100 }),
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 0, max: 32 }),
    )
    .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
  fc.assert(
    fc.property(fc.oneof(text, dates), (value) => {
      assert.equal(isPlainTime(value), TIME.test(value), value);
      assert.equal(isPlainDate(value), regexDate(value), value);
    }),
    { numRuns: 20000 },
  );
});

test('the code scan accepts a prefecture code with a valid check digit, as the regular expression did', () => {
  const codes = fc.integer({ min: 0, max: 999999 }).map((n) => String(n).padStart(6, '0'));
  fc.assert(
    fc.property(fc.oneof(text, codes), fc.constantFrom(undefined, '01', '22'), (value, prefix) => {
      const expected =
        CODE.test(value) &&
        hasValidCheckDigit(value) &&
        (prefix === undefined || value.startsWith(prefix));
      assert.equal(plainCode(value, prefix), expected, value);
    }),
    { numRuns: 20000 },
  );
});

test('the text scans agree with trim, the kana expression and a prefecture prefix', () => {
  const addresses = fc
    .tuple(fc.constantFrom(...PREFECTURES, '北海', '東京', '京都市'), near)
    .map(([p, rest]) => p + rest);
  fc.assert(
    fc.property(fc.oneof(text, addresses), (value) => {
      assert.equal(hasNonSpace(value), value.trim() !== '', value);
      assert.equal(isClearlyKana(value), !NOT_KANA.test(value), value);
      const prefixed = PREFECTURES.some((p) => value.startsWith(p));
      if (prefixed) assert.equal(isClearlyAddress(value), true, value);
      if (!/^.{2}[都道府県]|^.{3}県/u.test(value))
        assert.equal(isClearlyAddress(value), false, value);
      assert.equal(isAsciiWord(value), /^[!-~]+$/.test(value) && !/^[=+\-@]/.test(value), value);
    }),
    { numRuns: 20000 },
  );
});
