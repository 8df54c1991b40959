import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { fts5Query, gramsOf, wordGrams } from './grams.ts';
import { normalizeText, toWords } from './normalize-text.ts';

describe('search text normalisation', () => {
  it('folds full-width letters and digits, half-width katakana and case', () => {
    assert.equal(normalizeText('ＡＥＤ設置箇所２０２４'), 'aed設置箇所2024');
    assert.equal(normalizeText('ﾄｲﾚ'), 'トイレ');
  });

  it('folds hiragana onto katakana so といれ finds トイレ', () => {
    assert.equal(normalizeText('といれ'), normalizeText('トイレ'));
  });

  it('splits words on punctuation and spaces but keeps Japanese runs whole', () => {
    assert.deepEqual(toWords('指定緊急避難場所一覧（2024年度）　札幌市'), [
      '指定緊急避難場所一覧',
      '2024年度',
      '札幌市',
    ]);
  });

  it('is idempotent on any string', () => {
    fc.assert(
      fc.property(fc.string(), (s) => normalizeText(normalizeText(s)) === normalizeText(s)),
    );
  });
});

describe('gram tokens', () => {
  it('turns a word into its bigrams followed by its last character', () => {
    assert.deepEqual(wordGrams('札幌市'), ['札幌', '幌市', '市']);
    assert.deepEqual(wordGrams('駅'), ['駅']);
  });

  it('keeps characters outside the BMP whole', () => {
    assert.deepEqual(wordGrams('𠮷野家'), ['𠮷野', '野家', '家']);
  });

  it('builds an FTS5 phrase per word and a prefix query for one character', () => {
    assert.equal(fts5Query(['避難所', '駅']), '"避難 難所" AND "駅"*');
  });

  it('makes every substring of a word findable as a contiguous gram sequence', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('札', '幌', '市', '駅', 'a', '1'),
          minLength: 1,
          maxLength: 12,
        }),
        fc.nat(),
        fc.nat(),
        (word, i, j) => {
          const chars = Array.from(word);
          const start = i % chars.length;
          const end = start + 1 + (j % (chars.length - start));
          const sub = chars.slice(start, end);
          const grams = gramsOf([word]).split(' ');
          if (sub.length === 1) return grams.some((g) => g.startsWith(sub[0] ?? ''));
          const needed = sub.slice(0, -1).map((c, k) => c + sub[k + 1]);
          return grams.some((_g, k) => needed.every((n, m) => grams[k + m] === n));
        },
      ),
    );
  });
});
