// Words and marks publishers write for "no value" although the rule is to leave the cell empty
// (データ項目特記事項 / 機械可読性ルール L1-09: blank is not "-", "なし" or "0").
const PLACEHOLDERS = new Set([
  '-',
  '--',
  '---',
  'ー',
  '－',
  '―',
  '‐',
  '—',
  '–',
  '−',
  'なし',
  '無し',
  '無',
  '不明',
  '未定',
  '該当なし',
  'n/a',
  'na',
  'null',
  'none',
  'nil',
]);

/**
 * True when a trimmed cell value is a stand-in for "no value" (`-`, `なし`, `不明`, `N/A` …).
 * Do not use it on 有無 columns, where `なし` is a value.
 */
export function isPlaceholder(value: string): boolean {
  return PLACEHOLDERS.has(value.trim().toLowerCase());
}
