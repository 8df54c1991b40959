import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { charSignature, editDistance, editLowerBound } from './compare-names.ts';

// Recognition skips the names whose signature bound already exceeds the misspelling limit; it
// must never skip a name that is within the limit.
const name = fc.string({
  unit: fc.constantFrom(
    '名',
    '称',
    '緯',
    '度',
    '経',
    'カ',
    'ナ',
    'ー',
    'a',
    'b',
    'i',
    'm',
    'g',
    'e',
    '1',
    '_',
  ),
  maxLength: 14,
});

test('the signature bound never exceeds the edit distance', () => {
  fc.assert(
    fc.property(name, name, (a, b) => {
      const bound = editLowerBound(charSignature(a), charSignature(b));
      assert.ok(bound <= editDistance(a, b, 64), `${a} / ${b}`);
    }),
    { numRuns: 20000 },
  );
});

test('names far apart in characters get a bound above the misspelling limit', () => {
  assert.ok(editLowerBound(charSignature('所在地_連結表記'), charSignature('電話番号')) > 2);
  assert.equal(editLowerBound(charSignature('image'), charSignature('iamge')), 0);
});
