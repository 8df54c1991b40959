// Dash-like characters unified to ASCII `-`, so that the 焼津市 typo `コ―ド` (U+2015) and the
// correct `コード` (U+30FC) normalise to the same string: ‐ ‑ ‒ – — ― − ー ─ (NFKC already maps
// ｰ → ー, － and ﹣ → -).
const HEADER_DASHES = /[\u2010-\u2015\u2212\u30fc\u2500]/g;
// Spaces of every kind plus the invisible characters Excel and editors leave in header cells.
const HEADER_SPACES = /[\s\u200b-\u200d\u2060\ufeff]/g;

/**
 * Normalises a column label (項目名) for matching: NFKC, no spaces (incl. U+3000), `〇`→`○`,
 * dash variants unified, full-width parentheses as ASCII, ASCII lower case. Idempotent.
 */
export function normalizeHeaderName(name: string): string {
  // Most item names and headers are already in that form; recognition normalises thousands.
  if (isNormalName(name)) return name;
  const once = name
    .normalize('NFKC')
    .replace(HEADER_DASHES, '-')
    .replace(/〇/g, '○')
    .replace(HEADER_SPACES, '');
  // Removing spaces can join a base letter and a combining mark (`a ́`): compose again.
  return once
    .normalize('NFKC')
    .replace(HEADER_SPACES, '')
    .replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/**
 * True when every character is one the normalisation keeps as it is and cannot combine with its
 * neighbours: kanji (CJK Unified Ideographs), hiragana and katakana letters (not ー, the
 * sound marks or the half-width forms), ○, ASCII lower-case letters, digits and `_ - . ( ) /`.
 */
function isNormalName(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) continue;
    if ((c >= 0x3041 && c <= 0x3096) || (c >= 0x30a1 && c <= 0x30fa)) continue;
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) continue;
    if (c === 0x5f || c === 0x2d || c === 0x2e || c === 0x28 || c === 0x29 || c === 0x2f) continue;
    if (c === 0x25cb) continue;
    return false;
  }
  return true;
}
