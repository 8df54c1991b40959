/**
 * Gram tokens for substring search in any script. Japanese has no spaces, and trigram indexes
 * cannot answer the 1- and 2-character queries people type (札幌, 駅), so every word becomes its
 * overlapping bigrams followed by its last character alone:
 *   札幌市 → 札幌 幌市 市
 * A query word of two or more characters is then the phrase of its bigrams (an exact substring
 * match, since the trailing single character breaks phrases at word ends), and a one-character
 * word is a prefix query on the grams.
 */
export function wordGrams(word: string): string[] {
  const chars = Array.from(word);
  if (chars.length === 1) return chars;
  const grams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) grams.push(`${chars[i]}${chars[i + 1]}`);
  grams.push(chars[chars.length - 1] ?? '');
  return grams;
}

/** The gram stream of a list of words, space separated, as stored in `search_doc.grams`. */
export function gramsOf(words: readonly string[]): string {
  return words.map((w) => wordGrams(w).join(' ')).join(' ');
}

/** The bigrams a query word needs (for a one-character word: none; it matches by prefix). */
export function queryBigrams(word: string): string[] {
  const chars = Array.from(word);
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
  return out;
}

/**
 * FTS5 query for all words (AND). Grams hold only letters and digits, so quoting them needs no
 * escaping; the words come from `splitWords`, which guarantees that.
 */
export function fts5Query(words: readonly string[]): string {
  return words
    .map((w) => {
      const bigrams = queryBigrams(w);
      return bigrams.length === 0 ? `"${w}"*` : `"${bigrams.join(' ')}"`;
    })
    .join(' AND ');
}
