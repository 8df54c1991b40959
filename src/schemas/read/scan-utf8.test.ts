import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { decodeUtf8Lenient, incompleteTailLength } from './scan-utf8.ts';
import { utf8 } from './testing/collect.ts';

/** Valid UTF-8 text interleaved with random bytes, so both branches of the scanner get exercised. */
const bytesMixingValidAndInvalidUtf8 = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'binary', maxLength: 4 }).map(utf8),
      fc.uint8Array({ maxLength: 3 }),
    ),
    {
      maxLength: 16,
    },
  )
  .map((parts) => new Uint8Array(Buffer.concat(parts)));

test('lenient decoding replaces invalid bytes exactly as the WHATWG decoder does', () => {
  const reference = new TextDecoder('utf-8', { ignoreBOM: true });
  fc.assert(
    fc.property(bytesMixingValidAndInvalidUtf8, (bytes) => {
      assert.equal(decodeUtf8Lenient(bytes).text, reference.decode(bytes));
    }),
    { numRuns: 2000 },
  );
});

test('each reported offset points at a replacement character', () => {
  const { text, invalidAt } = decodeUtf8Lenient(Uint8Array.of(0x61, 0xff, 0xe3, 0x81, 0x62, 0xc0));
  assert.equal(text, 'a\uFFFD\uFFFDb\uFFFD');
  assert.deepEqual(invalidAt, [1, 2, 4]);
});

test('only a valid unfinished character at the end is held back', () => {
  const name = utf8('名');
  assert.equal(incompleteTailLength(name), 0);
  assert.equal(incompleteTailLength(name.subarray(0, 2)), 2);
  assert.equal(incompleteTailLength(utf8('a😀').subarray(0, 4)), 3);
  assert.equal(incompleteTailLength(Uint8Array.of(0x61, 0xe0, 0x80)), 0);
});
