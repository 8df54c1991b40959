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
