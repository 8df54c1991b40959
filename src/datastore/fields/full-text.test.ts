import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { toWords, wordGrams } from '../../catalog/index.ts';
import { fts5Query } from '../repo/text-index.ts';
import { gramText, rowTextOf, textWords } from './full-text.ts';

// Characters where the fast paths could go wrong: kana of both kinds, the middle dot and the
// long vowel mark, full-width forms, combining marks, letters outside the BMP, punctuation.
const TRICKY = [
  ...'札幌市駅前ａＡ１ｶﾞかがゝゞゟ・ーヽヿ㋿Éé ,-_.\t\n\u3099\u309a\u0301',
  '𠮷',
  '😀',
  '\ud800',
  '\udc00',
];

describe('textWords', () => {
  it('splits any text into the same words as the catalog normaliser', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        assert.deepEqual(textWords(s), toWords(s));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with the catalog on kana, width, marks and surrogates', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...TRICKY), maxLength: 12 }), (s) => {
        assert.deepEqual(textWords(s), toWords(s));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('row grams', () => {
  it('writes the grams of a word exactly as the catalog makes them', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...TRICKY), minLength: 1, maxLength: 8 }),
        (s) => {
          for (const word of toWords(s)) assert.equal(gramText(word), wordGrams(word).join(' '));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('gives PostgreSQL every character too, so one-character words need no prefix search', () => {
    const text = rowTextOf([{ type: 'text' }], ['札幌駅'], 'array');
    assert.deepEqual(new Set(text.grams.split(' ')), new Set(['札幌', '幌駅', '駅', '札', '幌']));
  });

  it('keeps _full_text as one element of normalised words per field', () => {
    const text = rowTextOf(
      [{ type: 'text' }, { type: 'numeric' }, { type: 'timestamp' }],
      ['ＡＥＤ設置　さっぽろ', '1.50', '2024-04-01T09:30:00'],
      'fts',
    );
    assert.equal(text.fullText, '["aed設置 サッポロ","1 5","2024 04 01 09 30 00"]');
  });

  it('asks FTS5 for all bigrams of a long word and a prefix for a one-character word', () => {
    assert.equal(fts5Query(['札幌市', '駅']), '"札幌" AND "幌市" AND "駅"*');
  });
});
