import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { normalizeHalfWidth } from './normalize-half-width.ts';
import { normalizeHeaderName } from './normalize-header-name.ts';

test('the 焼津市 U+2015 typo matches the correct コード', () => {
  assert.equal(
    normalizeHeaderName('都道府県コ―ド又は市区町村コ―ド'),
    normalizeHeaderName('都道府県コード又は市区町村コード'),
  );
});

test('full-width parentheses match ASCII ones (焼津市 料金（基本）)', () => {
  assert.equal(normalizeHeaderName('料金（基本）'), normalizeHeaderName('料金(基本)'));
});

test('spaces incl. U+3000 are removed and ASCII is lower-cased (高松市 telephone　number)', () => {
  assert.equal(normalizeHeaderName('telephone　Number'), 'telephonenumber');
});

test('half-width katakana and full-width letters are folded (秦野市, 旭川市)', () => {
  const names = ['全国地方公共団体ｺｰﾄﾞ', 'ＡＥＤ設置場所'].map(normalizeHeaderName);
  assert.deepEqual(names, [normalizeHeaderName('全国地方公共団体コード'), 'aed設置場所']);
});

test('〇 and ○ are unified', () => {
  assert.equal(normalizeHeaderName('〇区分'), normalizeHeaderName('○区分'));
});

test('minus and dash variants are unified (舞鶴市 0－4歳)', () => {
  const names = ['0－4歳', '0−4歳', '0‐4歳', '0-4歳'].map(normalizeHeaderName);
  assert.deepEqual(new Set(names).size, 1);
});

test('a BOM at the start of the first header is removed', () => {
  assert.equal(
    normalizeHeaderName('\ufeff全国地方公共団体コード'),
    normalizeHeaderName('全国地方公共団体コード'),
  );
});

test('normalizeHalfWidth converts digits and letters but not Japanese punctuation', () => {
  assert.equal(normalizeHalfWidth('料金（基本）２階ＡＢ'), '料金（基本）2階AB');
});

test('normalizeHalfWidth converts only the symbols it is given', () => {
  assert.equal(normalizeHalfWidth('０９：００－１７：００', { symbols: ':' }), '09:00－17:00');
});

test('names already in normal form come back as they are, as the full normalisation gives them', () => {
  const unit = fc.constantFrom(
    '名',
    '称',
    '所',
    'カ',
    'ナ',
    'か',
    'ヴ',
    'ヷ',
    'ー',
    '゙',
    'ﾞ',
    'ｶ',
    '〇',
    '○',
    'a',
    'Z',
    '1',
    '１',
    '_',
    '-',
    '.',
    '(',
    ')',
    '（',
    '/',
    ' ',
    '\u3000',
    '―',
    '\u0301',
    'ａ',
    '々',
    'ゟ',
    '・',
  );
  fc.assert(
    fc.property(fc.string({ unit, maxLength: 12 }), (name) => {
      // The normalisation written out in full, without the shortcut for names already normal.
      const full = name
        .normalize('NFKC')
        .replace(/[\u2010-\u2015\u2212\u30fc\u2500]/g, '-')
        .replace(/〇/g, '○')
        .replace(/[\s\u200b-\u200d\u2060\ufeff]/g, '');
      const expected = full
        .normalize('NFKC')
        .replace(/[\s\u200b-\u200d\u2060\ufeff]/g, '')
        .replace(/[A-Z]/g, (c) => c.toLowerCase());
      assert.equal(normalizeHeaderName(name), expected, name);
    }),
    { numRuns: 20000 },
  );
});
