import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FINDING_CODES } from './finding-codes.ts';
import { MESSAGES } from './messages.ts';

const SAMPLE = {
  found: 'X',
  expected: 'Y',
  bare: 'A',
  lost_zero: 'B',
  prefecture: '01',
  era: '平成',
  era_start: '1989-01-08',
  era_end: '2019-04-30',
  start: '09:00',
  end: '17:00',
  extension: '1',
  number: '011-123-4567',
  note: 'n',
  digits: 7,
  decimals: 3,
  latitude: '1',
  longitude: '2',
  field: 'latitude',
  unit: '台',
  min: 0,
  max: 1,
  scheme: 'ftp',
  allowed: '1 / （空欄）',
  codepoint: 'U+000A',
};

test('every finding code has four non-empty texts with and without params', () => {
  const empty: string[] = [];
  for (const code of FINDING_CODES) {
    const m = MESSAGES[code];
    for (const params of [SAMPLE, {}]) {
      for (const text of [m.ja(params), m.en(params), m.fix_ja(params), m.fix_en(params)]) {
        if (text.trim() === '' || text.includes('undefined')) empty.push(code);
      }
    }
  }
  assert.deepEqual(empty, []);
});

test('the check-digit message reads like the example in the brief', () => {
  const text = MESSAGES.municipality_code_check_digit.ja({ found: '012026', expected: '012025' });
  assert.equal(
    text,
    '全国地方公共団体コードの検査数字が正しくありません（012026 → 正しくは 012025）。',
  );
});

test('Japanese messages are written in Japanese', () => {
  const latinOnly = FINDING_CODES.filter(
    (c) => !/[\u3040-\u30ff\u4e00-\u9fff]/.test(MESSAGES[c].ja({})),
  );
  assert.deepEqual(latinOnly, []);
});
