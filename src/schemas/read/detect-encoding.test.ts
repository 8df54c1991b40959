import assert from 'node:assert/strict';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { detectEncoding, guessBomlessUtf16 } from './detect-encoding.ts';
import { utf8 } from './testing/collect.ts';

test('a UTF-8 byte-order mark is detected and its length returned', () => {
  assert.deepEqual(detectEncoding(utf8('\uFEFF名称,住所')), {
    encoding: 'utf-8-bom',
    bomLength: 3,
  });
});

test('UTF-16 byte-order marks give the byte order', () => {
  assert.deepEqual(detectEncoding(Uint8Array.of(0xff, 0xfe, 0x41, 0)), {
    encoding: 'utf-16le',
    bomLength: 2,
  });
  assert.deepEqual(detectEncoding(Uint8Array.of(0xfe, 0xff, 0, 0x41)), {
    encoding: 'utf-16be',
    bomLength: 2,
  });
});

test('plain ASCII and valid UTF-8 without a BOM are UTF-8', () => {
  assert.equal(detectEncoding(utf8('a,b\r\n1,2\r\n')).encoding, 'utf-8');
  assert.equal(detectEncoding(utf8('名称,住所\n')).encoding, 'utf-8');
});

test('a UTF-8 character cut by the end of the prefix still counts as UTF-8', () => {
  const bytes = utf8('名称,住所');
  assert.equal(detectEncoding(bytes.subarray(0, bytes.length - 1)).encoding, 'utf-8');
});

test('bytes that are not valid UTF-8 are taken as CP932 (Shift_JIS)', () => {
  const sjis = new Uint8Array(iconv.encode('名称,住所\r\n札幌市,中央区\r\n', 'Shift_JIS'));
  assert.deepEqual(detectEncoding(sjis), { encoding: 'shift_jis', bomLength: 0 });
});

test('an empty prefix is UTF-8', () => {
  assert.deepEqual(detectEncoding(new Uint8Array()), { encoding: 'utf-8', bomLength: 0 });
});

test('UTF-16 without a BOM is recognised by its NUL bytes and plain text is not', () => {
  const le = new Uint8Array(Buffer.from('id,name\r\n1,abc\r\n', 'utf16le'));
  const be = new Uint8Array(Buffer.from('id,name\r\n1,abc\r\n', 'utf16le').swap16());
  assert.equal(guessBomlessUtf16(le), 'utf-16le');
  assert.equal(guessBomlessUtf16(be), 'utf-16be');
  assert.equal(guessBomlessUtf16(utf8('id,name\r\n1,abc\r\n')), null);
});
