import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  cellToText,
  decodeXstring,
  formatDate,
  formatNumber,
  isDateFormat,
} from './cell-to-text.ts';

test('numbers lose float noise but keep every digit the user typed', () => {
  assert.equal(formatNumber(43.062099999999994), '43.0621');
  assert.equal(formatNumber(0.1 + 0.2), '0.3');
  assert.equal(formatNumber(141.35440000000003), '141.3544');
  assert.equal(formatNumber(12301), '12301');
  assert.equal(formatNumber(-0), '0');
  assert.equal(formatNumber(1.5), '1.5');
});

test('dates without a time read as YYYY-MM-DD', () => {
  assert.equal(formatDate(new Date(Date.UTC(2024, 0, 5))), '2024-01-05');
});

test('dates with a time read as YYYY-MM-DDTHH:mm, with seconds only when present', () => {
  assert.equal(formatDate(new Date(Date.UTC(2024, 0, 5, 9, 30))), '2024-01-05T09:30');
  assert.equal(formatDate(new Date(Date.UTC(2024, 0, 5, 9, 30, 15))), '2024-01-05T09:30:15');
});

test('a time of day alone (serial below 1) reads as HH:mm', () => {
  assert.equal(formatDate(new Date(Date.UTC(1899, 11, 30, 8, 45))), '08:45');
  assert.equal(formatDate(new Date(Date.UTC(1904, 0, 1, 17, 0)), true), '17:00');
});

test('sub-second noise from serial arithmetic is rounded away', () => {
  assert.equal(formatDate(new Date(Date.UTC(2024, 0, 5, 10, 29, 59, 999))), '2024-01-05T10:30');
});

test('date formats are told from number formats, ignoring quoted text and colours', () => {
  assert.equal(isDateFormat('yyyy/m/d'), true);
  assert.equal(isDateFormat('h:mm'), true);
  assert.equal(isDateFormat('[$-411]ggge"年"m"月"d"日"'), true);
  assert.equal(isDateFormat('0.00'), false);
  assert.equal(isDateFormat('#,##0"円"'), false);
  assert.equal(isDateFormat('[Red]0.0'), false);
  assert.equal(isDateFormat(undefined), false);
});

test('each kind of cell value reads as the text Excel shows', () => {
  assert.equal(cellToText({ value: null }), '');
  assert.equal(cellToText({ value: '札幌' }), '札幌');
  assert.equal(cellToText({ value: true }), 'TRUE');
  assert.equal(cellToText({ value: false }), 'FALSE');
  assert.equal(cellToText({ value: { richText: [{ text: '北' }, { text: '海道' }] } }), '北海道');
  assert.equal(cellToText({ value: { formula: 'A1*2', result: 86.12419999999999 } }), '86.1242');
  assert.equal(cellToText({ value: { formula: 'A1' } }), '');
  assert.equal(cellToText({ value: { error: '#N/A' } }), '#N/A');
  assert.equal(
    cellToText({ value: { text: 'サイト', hyperlink: 'https://example.jp' } }),
    'サイト',
  );
  assert.equal(cellToText({ value: { sharedString: 3 } }), '');
});

test('a number in a date format reads as a date, in either date system', () => {
  assert.equal(cellToText({ value: 45296, numFmt: 'yyyy/m/d' }), '2024-01-05');
  assert.equal(cellToText({ value: 43834, numFmt: 'yyyy/m/d' }, true), '2024-01-05');
  assert.equal(
    cellToText({ value: { formula: 'TODAY()', result: 45296 }, numFmt: 'yyyy-mm-dd' }),
    '2024-01-05',
  );
});

test('a formula whose error code was lost reads as #ERROR, not NaN', () => {
  assert.equal(cellToText({ value: { formula: '1/0', result: Number.NaN } }), '#ERROR');
});

test('OOXML _xHHHH_ escapes decode, and an escaped literal _x stays literal', () => {
  assert.equal(decodeXstring('1行目_x000D_\n2行目'), '1行目\r\n2行目');
  assert.equal(decodeXstring('_x005F_x0041_'), '_x0041_');
  assert.equal(cellToText({ value: 'a_x0009_b' }), 'a\tb');
});
