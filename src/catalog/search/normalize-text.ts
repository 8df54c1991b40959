/**
 * Search-time text normalisation, applied identically to documents and queries so that a person
 * finds what they typed however it was written: NFKC folds widths (ＡＥＤ = AED, ２０２４ = 2024,
 * ﾄｲﾚ = トイレ), case is folded, and hiragana is folded to katakana (といれ = トイレ).
 */
export function normalizeText(text: string): string {
  return foldHiragana(text.normalize('NFKC').toLowerCase());
}

/**
 * Splits normalised text into words: runs of letters and digits. Punctuation, symbols and spaces
 * separate words, so `一覧(2024)` gives `一覧`, `2024` on both sides of a match.
 */
export function splitWords(normalized: string): string[] {
  return normalized.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
}

/** Normalises then splits; the words that a document or query contributes. */
export function toWords(text: string): string[] {
  return splitWords(normalizeText(text));
}

// Hiragana U+3041–U+3096 map onto katakana U+30A1–U+30F6 at a fixed offset; ゝゞ (U+309D–E) too.
function foldHiragana(text: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x3041 && c <= 0x3096) || c === 0x309d || c === 0x309e) {
      out += text.slice(last, i) + String.fromCharCode(c + 0x60);
      last = i + 1;
    }
  }
  return last === 0 ? text : out + text.slice(last);
}
