import { toWords, wordGrams } from '../../catalog/index.ts';
import type { StoredValue } from './coerce-value.ts';
import type { FieldDef } from './field-def.ts';

/**
 * The hidden `_full_text` column of a row: a JSON array holding, for each field in column order,
 * its words normalised like the catalog's search (NFKC, lower case, hiragana → katakana).
 * `q` matches a word anywhere in the array; `q: {field: …}` looks in that field's element. Words
 * hold only letters and digits, so the JSON needs no escapes and no query word can match across
 * two fields or two words.
 */
export function fullTextOf(
  fields: readonly Pick<FieldDef, 'type'>[],
  values: readonly StoredValue[],
): string {
  return rowTextOf(fields, values, null).fullText;
}

/** Which grams the `q` index of a backend keeps (see `src/datastore/repo/text-index.ts`). */
export type GramStyle = 'fts' | 'array';

/** What a row gives the `q` machinery: `_full_text` and its grams, space separated. */
export interface RowText {
  readonly fullText: string;
  readonly grams: string;
}

/**
 * `_full_text` and, for a gram style, the row's grams (space separated) in one pass over its
 * words. `fts` (SQLite's FTS5): the catalog's grams (`wordGrams`), each word's bigrams and its last
 * character, so a one-character query is a prefix query; repeats are left to FTS5, which keeps a
 * gram once per row. `array` (PostgreSQL's GIN array): the row's distinct bigrams and single
 * characters, since an array index has no prefix search. Runs once per stored row.
 */
export function rowTextOf(
  fields: readonly Pick<FieldDef, 'type'>[],
  values: readonly StoredValue[],
  style: GramStyle | null,
): RowText {
  const parts: string[] = new Array(fields.length);
  let grams = '';
  // PostgreSQL stores the array in the row: each gram once keeps it small.
  const distinct = style === 'array' ? new Set<string>() : null;
  for (let i = 0; i < fields.length; i++) {
    const words = wordsOf(values[i] ?? null, fields[i]?.type ?? 'text');
    parts[i] = words.join(' ');
    if (style === 'fts') {
      for (const word of words)
        grams = grams === '' ? gramText(word) : `${grams} ${gramText(word)}`;
    } else if (distinct !== null) {
      for (const word of words) addDistinctGrams(distinct, word);
    }
  }
  return {
    fullText: JSON.stringify(parts),
    grams: distinct === null ? grams : [...distinct].join(' '),
  };
}

/** Longer words repeat grams often enough (`札幌札幌…`) to be worth de-duplicating. */
const LONG_WORD = 32;

/**
 * `wordGrams(word).join(' ')` without the arrays; for a long word, its distinct grams (FTS5 keeps
 * a gram once per row anyway, and a 300-character word would otherwise cost 300 tokens).
 */
export function gramText(word: string): string {
  const n = word.length;
  if (n === 1) return word;
  if (n > LONG_WORD) return [...new Set(wordGrams(word))].join(' ');
  let out = '';
  for (let i = 0; i + 1 < n; i++) {
    const c = word.charCodeAt(i);
    // A character outside the BMP spans two code units: take the slow, exact path.
    if (c >= 0xd800 && c <= 0xdfff) return wordGrams(word).join(' ');
    out += `${word.slice(i, i + 2)} `;
  }
  const last = word.charCodeAt(n - 1);
  if (last >= 0xd800 && last <= 0xdfff) return wordGrams(word).join(' ');
  return out + word.slice(n - 1);
}

function addDistinctGrams(into: Set<string>, word: string): void {
  for (const gram of wordGrams(word)) into.add(gram);
  for (const ch of word) into.add(ch);
}

function wordsOf(value: StoredValue, type: FieldDef['type']): string[] {
  if (value === null) return [];
  // Numbers as numbers (1.50 and 1.5 are one value); a timestamp's date and time as two words.
  let text = String(value);
  if (type === 'numeric' || type === 'float8') text = String(Number(value));
  else if (type === 'timestamp') text = text.replace('T', ' ');
  return textWords(text);
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/**
 * The catalog's `toWords` (NFKC, lower case, hiragana → katakana, split into runs of letters and
 * digits) in one pass over the characters: it runs for every cell of every stored row, and the
 * Unicode-property split costs most of the time there. Common scripts are classified by range,
 * anything else by the same property test; a property test checks that both agree.
 */
export function textWords(text: string): string[] {
  const s = text.normalize('NFKC').toLowerCase();
  const words: string[] = [];
  let word = '';
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    let ch: string;
    const next = c >= 0xd800 && c <= 0xdbff ? s.charCodeAt(i + 1) : 0;
    if (next >= 0xdc00 && next <= 0xdfff) {
      ch = s.slice(i, i + 2);
      i += 1;
    } else {
      // Hiragana (and ゝゞ) become katakana at a fixed offset, as normalizeText does.
      if ((c >= 0x3041 && c <= 0x3096) || c === 0x309d || c === 0x309e) c += 0x60;
      ch = String.fromCharCode(c);
    }
    if (isLetterOrDigit(c, ch)) {
      word += ch;
    } else if (word !== '') {
      words.push(word);
      word = '';
    }
  }
  if (word !== '') words.push(word);
  return words;
}

function isLetterOrDigit(c: number, ch: string): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
  // CJK ideographs, katakana (but ・ U+30FB) and ー: letters.
  if (c >= 0x4e00 && c <= 0x9fff) return true;
  if (c >= 0x30a1 && c <= 0x30ff) return c !== 0x30fb;
  return LETTER_OR_DIGIT.test(ch);
}

/** The words a full-text query must all contain (AND), normalised like the rows. */
export function queryWords(q: string): string[] {
  return [...new Set(toWords(q))];
}
